"use client";

import { useActionState, useId } from "react";
import { ActionMessage } from "@/components/action-message";
import { useServerAction } from "@/components/use-server-action";
import type { ActionResult } from "@/lib/shared/action-result";
import { clearSignInDelayAction, endSessionAction, setTemporaryPasswordAction } from "./actions";

type Run = () => Promise<ActionResult<{ message: string }>>;

export interface SessionRow {
  id: string;
  ipAddress: string;
  userAgent: string | null;
  lastSeen: string;
  startedAt: string;
}

/** A person's live sessions (each can be ended), a slowed sign-in to clear, a temporary password. */
export function UserSecurityControls({
  userId,
  email,
  sessions,
  slowedFailures,
  minPasswordLength,
}: {
  userId: string;
  email: string;
  sessions: SessionRow[];
  slowedFailures: number | null;
  minPasswordLength: number;
}) {
  const { run, pending, data, failure, clear } = useServerAction((change: Run) => change());
  const [passwordResult, setPassword, settingPassword] = useActionState(setTemporaryPasswordAction, {});
  const id = useId();
  const go = (change: Run) => {
    clear();
    run(change);
  };
  const message = failure?.message ?? data?.message;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-indigo-700">
        {sessions.length} active session{sessions.length === 1 ? "" : "s"}
        {slowedFailures !== null && <span className="ml-1 text-amber-800">· sign-in slowed</span>}
      </summary>
      <div className="mt-2 space-y-3">
        <ul className="space-y-1">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center gap-2">
              <span>
                {session.ipAddress} · since {session.startedAt} · last seen {session.lastSeen}
                {session.userAgent && <span className="block text-slate-500">{session.userAgent.slice(0, 80)}</span>}
              </span>
              <button
                type="button"
                disabled={pending}
                aria-label={`End session of ${email} from ${session.ipAddress}`}
                onClick={() => go(() => endSessionAction({ sessionId: session.id }))}
                className="rounded-md border border-red-200 px-2 py-0.5 text-red-700 hover:bg-red-50 disabled:opacity-60"
              >
                End
              </button>
            </li>
          ))}
        </ul>
        {slowedFailures !== null && (
          <p className="flex flex-wrap items-center gap-2">
            {slowedFailures} failed sign-ins: tries from new addresses wait longer.
            <button
              type="button"
              disabled={pending}
              aria-label={`Clear sign-in delay of ${email}`}
              onClick={() => go(() => clearSignInDelayAction({ userId }))}
              className="rounded-md border border-slate-300 px-2 py-0.5 hover:bg-slate-50 disabled:opacity-60"
            >
              Clear delay
            </button>
          </p>
        )}
        {message && (
          <p role={failure ? "alert" : "status"} className={failure ? "text-red-700" : "text-green-800"}>
            {message}
          </p>
        )}
        <form key={passwordResult.data?.message ?? "form"} action={setPassword} className="space-y-1">
          <input type="hidden" name="userId" value={userId} />
          <label htmlFor={`${id}-temporary`} className="block font-medium">
            Temporary password
          </label>
          <div className="flex gap-2">
            <input
              id={`${id}-temporary`}
              name="password"
              type="password"
              required
              minLength={minPasswordLength}
              autoComplete="new-password"
              className="rounded-md border border-slate-300 px-2 py-1"
            />
            <button
              type="submit"
              disabled={settingPassword}
              aria-label={`Set a temporary password for ${email}`}
              className="rounded-md border border-slate-300 px-2 py-1 font-medium hover:bg-slate-50 disabled:opacity-60"
            >
              Set
            </button>
          </div>
          <ActionMessage result={passwordResult} />
        </form>
      </div>
    </details>
  );
}
