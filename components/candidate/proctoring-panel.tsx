import type { ProctoringDetail } from "@/lib/server/domain/events";
import { formatNumber } from "@/components/format";

interface ProctoringPanelProps {
  proctoringScore: number | null;
  violationCount: number | null;
  integrityFlagged: boolean;
  details: ProctoringDetail[];
}

/** What the provider's proctoring saw: an integrity score, violations and their details. */
export function ProctoringPanel({ proctoringScore, violationCount, integrityFlagged, details }: ProctoringPanelProps) {
  if (proctoringScore === null && violationCount === null && details.length === 0) {
    return (
      <div>
        <h3 className="text-sm font-semibold text-slate-700">Proctoring</h3>
        <p className="mt-1 text-sm text-slate-600">The provider reported no proctoring for this attempt.</p>
      </div>
    );
  }
  return (
    <div className={`rounded-md border p-3 ${integrityFlagged ? "border-rose-200 bg-rose-50/50" : "border-slate-200"}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold text-slate-700">Proctoring</h3>
        {integrityFlagged && (
          <span className="rounded bg-rose-600 px-1.5 py-0.5 text-xs font-semibold text-white">Integrity flagged</span>
        )}
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-slate-500">Integrity score</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatNumber(proctoringScore)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Violations</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatNumber(violationCount)}</dd>
        </div>
      </dl>
      {details.length > 0 && (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {details.map((detail, index) => (
            <li key={`${detail.kind}-${index}`} className="flex justify-between gap-3 py-1.5">
              <span className={detail.flagged ? "font-medium text-rose-800" : "text-slate-700"}>
                {detail.flagged && <span aria-hidden="true">⚠ </span>}
                {detail.label}
                {detail.flagged && <span className="sr-only"> (flagged)</span>}
              </span>
              <span className="text-right text-slate-700">{detail.value}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
