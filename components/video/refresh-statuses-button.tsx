"use client";

import { useServerAction } from "@/components/use-server-action";
import { refreshVideoStatusesAction } from "./video-actions";

/** Reads every invitation's status from the provider now, for when a webhook is late or lost. */
export function RefreshStatusesButton({ assessmentId, disabled }: { assessmentId: string; disabled: boolean }) {
  const { run, pending, data: outcome, failure } = useServerAction(refreshVideoStatusesAction);

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={() => run({ assessmentId })}
        disabled={pending || disabled}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Refreshing…" : "Refresh statuses"}
      </button>
      <span aria-live="polite" className="text-sm">
        {outcome &&
          (outcome.updated > 0
            ? `${outcome.updated} of ${outcome.read} invitations had news.`
            : `All ${outcome.read} invitations are up to date.`)}
        {failure && (
          <span role="alert" className="text-red-700">
            {failure.message}
          </span>
        )}
      </span>
    </div>
  );
}
