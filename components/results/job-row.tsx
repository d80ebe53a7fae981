import Link from "next/link";
import { ATTEMPT_STATUSES } from "@/lib/shared/vocabulary";
import type { JobOverview } from "@/lib/server/results/jobs-overview";
import { formatPercent, statusLabel } from "@/components/format";
import { formatDateTime } from "@/lib/shared/date-time";

/** One line of the jobs list: the job, its results by status, average score and pass rate. */
export function JobRow({
  job,
  href,
  muted = false,
  trend,
  action,
  timeZone,
}: {
  job: JobOverview;
  /** The viewer's IANA zone, named in the last-activity time. */
  timeZone: string;
  href: string;
  muted?: boolean;
  /** Completions per week (components/insights), when the list shows them. */
  trend?: React.ReactNode;
  /** The user's own control for this row (archive), when there is one. */
  action?: React.ReactNode;
}) {
  const statuses = ATTEMPT_STATUSES.filter((status) => job.byStatus[status]);
  return (
    <tr className={muted ? "bg-slate-50/60" : undefined}>
      <th scope="row" className="px-4 py-3 align-top font-normal">
        <Link href={href} className={`font-medium hover:underline ${muted ? "text-slate-700" : "text-indigo-700"}`}>
          {job.title}
        </Link>
        <p className="text-xs text-slate-500">
          {job.results.toLocaleString("en")} {job.results === 1 ? "result" : "results"} · {job.assessments}{" "}
          {job.assessments === 1 ? "assessment" : "assessments"}
        </p>
      </th>
      <td className="px-4 py-3 align-top">
        {statuses.length === 0 ? (
          <span className="text-slate-400">—</span>
        ) : (
          <ul className="flex flex-wrap gap-1">
            {statuses.map((status) => (
              <li
                key={status}
                className="whitespace-nowrap rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700"
              >
                <span className="font-semibold tabular-nums">{job.byStatus[status]!.toLocaleString("en")}</span>{" "}
                {statusLabel(status).toLowerCase()}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="px-4 py-3 text-right align-top tabular-nums">{formatPercent(job.averagePercent)}</td>
      <td className="px-4 py-3 text-right align-top tabular-nums">{formatPercent(job.passRate)}</td>
      {trend !== undefined && <td className="px-4 py-3 align-top">{trend}</td>}
      <td className="whitespace-nowrap px-4 py-3 align-top text-slate-600">
        {formatDateTime(job.lastActivityAt, timeZone)}
      </td>
      {action !== undefined && <td className="px-4 py-3 align-top">{action}</td>}
    </tr>
  );
}
