// Everyone invited to one video interview: status, score, and the result in full on demand.
import Link from "next/link";
import { formatNumber, formatScore, safeHttpUrl } from "@/components/format";
import { formatDateTime } from "@/lib/shared/date-time";
import { StatusBadge } from "@/components/results/status-badge";
import type { VideoCandidateRow } from "@/lib/server/providers/video/interviews/job-video-overview";
import { HeaderCells, TableShell } from "@/components/data-table";
import { VideoResultDetails } from "./video-result-details";

export function VideoCandidatesTable({
  candidates,
  total,
  timeZone,
}: {
  candidates: VideoCandidateRow[];
  total: number;
  timeZone: string;
}) {
  if (candidates.length === 0) {
    return <p className="text-sm text-slate-600">Nobody is invited yet.</p>;
  }
  return (
    <TableShell>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Invited candidates and their results</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <HeaderCells
              pad="py-2 pr-4"
              columns={[
                "Candidate",
                "Status",
                "Score",
                "Invited",
                "Last update",
                { label: "Interview link", pad: "py-2" },
              ]}
            />
          </tr>
        </thead>
        <tbody>
          {candidates.map((row) => (
            <CandidateRows key={row.id} row={row} timeZone={timeZone} />
          ))}
        </tbody>
      </table>
      {total > candidates.length && (
        <p className="mt-2 text-sm text-slate-600">
          Showing the {formatNumber(candidates.length)} most recently updated of {formatNumber(total)} candidates.
        </p>
      )}
    </TableShell>
  );
}

function CandidateRows({ row, timeZone }: { row: VideoCandidateRow; timeZone: string }) {
  const inviteUrl = safeHttpUrl(row.inviteUrl);
  const hasResult =
    row.resultState !== "pending" && (row.questionAnswers.length > 0 || row.traits.length > 0 || row.transcript);
  return (
    <>
      <tr className="border-b border-slate-100 align-top" data-testid={`video-candidate-${row.candidate.email}`}>
        <td className="py-2 pr-4">
          <Link href={`/candidates/${row.candidate.id}`} className="font-medium text-indigo-700 hover:underline">
            {row.candidate.name}
          </Link>
          <span className="block text-slate-600">{row.candidate.email}</span>
        </td>
        <td className="py-2 pr-4">
          <StatusBadge status={row.status} resultState={row.resultState} />
        </td>
        <td className="py-2 pr-4">
          {formatScore(row.score, row.maxScore)}
          {row.gradingBand && <span className="block text-slate-600">{row.gradingBand}</span>}
        </td>
        <td className="py-2 pr-4">
          {formatDateTime(row.invitedAt, timeZone)}
          {row.expiresAt && (
            <span className="block text-slate-600">expires {formatDateTime(row.expiresAt, timeZone)}</span>
          )}
        </td>
        <td className="py-2 pr-4">{formatDateTime(row.updatedAt, timeZone)}</td>
        <td className="py-2">
          {inviteUrl ? (
            <a href={inviteUrl} target="_blank" rel="noopener noreferrer" className="text-indigo-700 hover:underline">
              Open<span className="sr-only"> {row.candidate.name}&apos;s interview link</span>
            </a>
          ) : (
            "—"
          )}
        </td>
      </tr>
      {hasResult && (
        <tr className="border-b border-slate-100">
          <td colSpan={6} className="pb-3">
            <details>
              <summary className="cursor-pointer text-sm font-medium text-indigo-700">
                {row.resultState === "partial" ? "Partial result (scoring continues)" : "Result"} for{" "}
                {row.candidate.name}
              </summary>
              <div className="mt-3">
                <VideoResultDetails
                  aiFeedback={row.aiFeedback}
                  traits={row.traits}
                  questionAnswers={row.questionAnswers}
                  media={row.media}
                  transcript={row.transcript}
                  recordingUrl={row.recordingUrl}
                  reportUrl={row.reportUrl}
                />
              </div>
            </details>
          </td>
        </tr>
      )}
    </>
  );
}
