"use client";

import { useState, useTransition } from "react";
import type { VideoActionResult } from "@/lib/server/video/errors";
import type { RefreshOutcome } from "@/lib/server/video/refresh-invitations";
import { refreshVideoStatusesAction } from "./video-actions";

/** Reads every invitation's status from the provider now, for when a webhook is late or lost. */
export function RefreshStatusesButton({ assessmentId, disabled }: { assessmentId: string; disabled: boolean }) {
  const [result, setResult] = useState<VideoActionResult<RefreshOutcome> | null>(null);
  const [pending, startTransition] = useTransition();

  const refresh = () =>
    startTransition(async () => {
      setResult(await refreshVideoStatusesAction({ assessmentId }));
    });

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={refresh}
        disabled={pending || disabled}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Refreshing…" : "Refresh statuses"}
      </button>
      <span aria-live="polite" className="text-sm">
        {result?.ok &&
          (result.value.updated > 0
            ? `${result.value.updated} of ${result.value.read} invitations had news.`
            : `All ${result.value.read} invitations are up to date.`)}
        {result && !result.ok && (
          <span role="alert" className="text-red-700">
            {result.error}
          </span>
        )}
      </span>
    </div>
  );
}
