// Results side by side: one column per result, one row per fact. What matters is said in
// words inside the cell (Best score, Failed, Flagged, Fastest); colour only repeats it.
import Link from "next/link";
import { COMPARE_MIN, compareHref, type CompareView, type Highlight } from "@/lib/shared/compare/compare-view";
import { formatDuration, formatNumber, formatPercent, providerLabel, statusLabel } from "@/components/format";

const HIGHLIGHT_STYLE: Record<Highlight, string> = {
  "best score": "bg-emerald-100 text-emerald-900",
  failed: "bg-rose-100 text-rose-900",
  flagged: "bg-amber-100 text-amber-900",
  fastest: "bg-sky-100 text-sky-900",
};

function Tag({ highlight }: { highlight: Highlight }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${HIGHLIGHT_STYLE[highlight]}`}>
      {highlight === "best score" ? "★ Best score" : highlight.charAt(0).toUpperCase() + highlight.slice(1)}
    </span>
  );
}

function PercentCell({ value, best }: { value: number | null; best: boolean }) {
  if (value === null) return <span className="text-slate-500">no score</span>;
  return (
    <span className="block min-w-28">
      <span className="tabular-nums font-medium">{formatPercent(value)}</span>
      {best && <span className="ml-2 text-xs font-semibold text-emerald-800">★ best</span>}
      <span aria-hidden="true" className="mt-1 block h-1.5 rounded bg-slate-100">
        <span
          className={`block h-1.5 rounded ${best ? "bg-emerald-600" : "bg-indigo-400"}`}
          style={{ width: `${Math.min(100, Math.max(0, value))}%` }}
        />
      </span>
    </span>
  );
}

export function CompareTable({ view, jobKey }: { view: CompareView; jobKey: string }) {
  const { columns } = view;
  const ids = columns.map((column) => column.id);
  const rowHeader = "sticky left-0 z-10 bg-slate-50 px-3 py-2 text-left text-xs font-medium text-slate-600";
  const cell = "px-3 py-2 align-top";
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">
          {columns.length} results side by side; scores in percent of each assessment&apos;s maximum
        </caption>
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={rowHeader}>
              <span className="sr-only">Fact</span>
            </th>
            {columns.map((column) => (
              <th key={column.id} scope="col" className="px-3 py-2 text-left align-top font-normal">
                <Link
                  href={`/candidates/${column.candidateId}#attempt-${column.id}`}
                  className="font-semibold text-indigo-700 hover:underline"
                >
                  {column.candidateName}
                </Link>
                <span className="mt-1 flex flex-wrap gap-1">
                  {column.highlights.map((highlight) => (
                    <Tag key={highlight} highlight={highlight} />
                  ))}
                </span>
                {columns.length > COMPARE_MIN && (
                  <Link
                    href={compareHref(
                      jobKey,
                      ids.filter((id) => id !== column.id),
                    )}
                    className="mt-1 block text-xs text-slate-600 underline-offset-2 hover:underline"
                  >
                    Remove from comparison<span className="sr-only">: {column.candidateName}</span>
                  </Link>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          <tr>
            <th scope="row" className={rowHeader}>
              Assessment
            </th>
            {columns.map((column) => (
              <td key={column.id} className={cell}>
                {column.assessmentName}
                <span className="block text-xs text-slate-600">
                  {providerLabel(column.provider)} · {statusLabel(column.status)}
                </span>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className={rowHeader}>
              Overall score
            </th>
            {columns.map((column) => (
              <td key={column.id} className={cell}>
                <PercentCell value={column.overallPercent} best={column.highlights.includes("best score")} />
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className={rowHeader}>
              Pass / fail
            </th>
            {columns.map((column) => (
              <td key={column.id} className={cell}>
                {column.verdict === "passed" ? (
                  <span className="font-medium text-emerald-800">✓ Passed</span>
                ) : column.verdict === "failed" ? (
                  <span className="font-medium text-rose-800">✗ Failed</span>
                ) : (
                  <span className="text-slate-500">no verdict</span>
                )}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className={rowHeader}>
              Grading band
            </th>
            {columns.map((column) => (
              <td key={column.id} className={cell}>
                {column.gradingBand ?? <span className="text-slate-500">none</span>}
              </td>
            ))}
          </tr>
          {view.sections.map((section) => (
            <tr key={section.name}>
              <th scope="row" className={`${rowHeader} font-normal`}>
                <span className="sr-only">Section: </span>
                {section.name}
              </th>
              {section.percents.map((value, index) => (
                <td key={columns[index]!.id} className={cell}>
                  <PercentCell value={value} best={section.best.includes(index)} />
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row" className={rowHeader}>
              Integrity
            </th>
            {columns.map((column) => (
              <td key={column.id} className={cell}>
                {column.integrityFlagged ? (
                  <span className="font-medium text-amber-900">⚑ Flagged</span>
                ) : (
                  <span>Not flagged</span>
                )}
                <span className="block text-xs text-slate-600">
                  Integrity score {formatNumber(column.proctoringScore)} · violations{" "}
                  {formatNumber(column.violationCount)}
                </span>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className={rowHeader}>
              Time taken
            </th>
            {columns.map((column) => (
              <td key={column.id} className={`${cell} tabular-nums`}>
                {formatDuration(column.durationSeconds)}
                {column.highlights.includes("fastest") && (
                  <span className="ml-2 text-xs font-semibold text-sky-900">fastest</span>
                )}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className={rowHeader}>
              Recording and report
            </th>
            {columns.map((column) => (
              <td key={column.id} className={cell}>
                {column.recordingUrl || column.reportUrl ? (
                  <span className="flex flex-col gap-1">
                    {column.recordingUrl && (
                      <a
                        href={column.recordingUrl}
                        rel="noopener noreferrer"
                        target="_blank"
                        className="text-indigo-700 underline"
                      >
                        Recording<span className="sr-only"> of {column.candidateName}</span> (opens in a new tab)
                      </a>
                    )}
                    {column.reportUrl && (
                      <a
                        href={column.reportUrl}
                        rel="noopener noreferrer"
                        target="_blank"
                        className="text-indigo-700 underline"
                      >
                        Provider report<span className="sr-only"> of {column.candidateName}</span> (opens in a new tab)
                      </a>
                    )}
                  </span>
                ) : (
                  <span className="text-slate-500">none</span>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
