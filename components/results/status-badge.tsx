import { statusLabel } from "@/components/format";

const STATUS_TONES: Record<string, string> = {
  completed: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  in_progress: "bg-sky-50 text-sky-800 ring-sky-600/30",
  enrolled: "bg-indigo-50 text-indigo-800 ring-indigo-600/30",
  invited: "bg-slate-100 text-slate-700 ring-slate-500/30",
  timeout: "bg-amber-50 text-amber-900 ring-amber-600/30",
  abandoned: "bg-amber-50 text-amber-900 ring-amber-600/30",
  expired: "bg-slate-100 text-slate-600 ring-slate-500/30",
  disqualified: "bg-rose-50 text-rose-800 ring-rose-600/30",
  rejected: "bg-rose-50 text-rose-800 ring-rose-600/30",
};

const RESULT_STATE_LABELS: Record<string, string> = {
  pending: "result pending",
  partial: "partial result",
};

/** The attempt's status, and whether its result is still pending or only partly in. */
export function StatusBadge({ status, resultState }: { status: string; resultState: string }) {
  const resultLabel = RESULT_STATE_LABELS[resultState];
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span
        className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_TONES[status] ?? STATUS_TONES.invited}`}
      >
        {statusLabel(status)}
      </span>
      {resultLabel && (
        <span
          className={`whitespace-nowrap rounded-full border border-dashed px-2 py-0.5 text-xs ${
            resultState === "partial" ? "border-amber-500 text-amber-800" : "border-slate-400 text-slate-600"
          }`}
        >
          {resultLabel}
        </span>
      )}
    </span>
  );
}

export function VerdictBadge({ passed }: { passed: boolean | null }) {
  if (passed === null)
    return (
      <span className="text-slate-400">
        <span aria-hidden="true">—</span>
        <span className="sr-only">No verdict</span>
      </span>
    );
  return passed ? (
    <span className="rounded-full bg-emerald-700 px-2 py-0.5 text-xs font-semibold text-white">Passed</span>
  ) : (
    <span className="rounded-full bg-rose-600 px-2 py-0.5 text-xs font-semibold text-white">Failed</span>
  );
}
