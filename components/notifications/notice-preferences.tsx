"use client";

import { useState } from "react";
import { useServerAction } from "@/components/use-server-action";
import { setNoticePreferencesAction } from "./notification-actions";

/** Mirrors lib/server/notifications/result-notices.ts: the kinds a user can switch off. */
const KINDS = [
  ["final_result", "A final result is in"],
  ["score_changed", "A score changed after completion"],
  ["started", "A candidate started"],
] as const;
type Kind = (typeof KINDS)[number][0];

export interface NoticePreferencesView {
  scope: "followed" | "all";
  muted: Kind[];
}

/** Which jobs' results to hear of (followed or all) and which kinds of notice. */
export function NoticePreferencesForm({ initial }: { initial: NoticePreferencesView }) {
  const [preferences, setPreferences] = useState(initial);
  const { run, pending, failure } = useServerAction(setNoticePreferencesAction);
  const save = (next: NoticePreferencesView) => {
    setPreferences(next);
    run(next);
  };
  return (
    <details className="border-t border-slate-100 px-3 py-2 text-sm">
      <summary className="cursor-pointer text-xs font-medium text-slate-700">Notification settings</summary>
      <fieldset className="mt-2 space-y-1" disabled={pending}>
        <legend className="text-xs text-slate-500">Tell me about</legend>
        {(["followed", "all"] as const).map((scope) => (
          <label key={scope} className="flex items-center gap-2">
            <input
              type="radio"
              name="notice-scope"
              checked={preferences.scope === scope}
              onChange={() => save({ ...preferences, scope })}
            />
            {scope === "followed" ? "Jobs I follow" : "All jobs"}
          </label>
        ))}
      </fieldset>
      <fieldset className="mt-2 space-y-1" disabled={pending}>
        <legend className="text-xs text-slate-500">When</legend>
        {KINDS.map(([kind, label]) => (
          <label key={kind} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={!preferences.muted.includes(kind)}
              onChange={(event) =>
                save({
                  ...preferences,
                  muted: event.target.checked
                    ? preferences.muted.filter((muted) => muted !== kind)
                    : [...preferences.muted, kind],
                })
              }
            />
            {label}
          </label>
        ))}
      </fieldset>
      {failure && (
        <p role="alert" className="mt-1 text-xs text-rose-700">
          {failure.message}
        </p>
      )}
    </details>
  );
}
