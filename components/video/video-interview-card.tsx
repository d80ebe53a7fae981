// One video interview on the job's video page: its questions, the invite form, and who is
// invited with their status.
import { formatDuration } from "@/components/format";
import { formatDateTime } from "@/lib/shared/date-time";
import type { VideoInterviewSummary } from "@/lib/server/providers/video/interviews/job-video-overview";
import { InviteCandidatesForm } from "./invite-candidates-form";
import { RefreshStatusesButton } from "./refresh-statuses-button";
import { VideoCandidatesTable } from "./video-candidates-table";

export function VideoInterviewCard({
  interview,
  canCallProvider,
  timeZone,
}: {
  interview: VideoInterviewSummary;
  canCallProvider: boolean;
  /** The viewer's IANA zone, named in every time. */
  timeZone: string;
}) {
  const headingId = `video-interview-${interview.id}`;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            {interview.name}
          </h2>
          <p className="text-sm text-slate-600">
            {interview.questions.length > 0
              ? `${interview.questions.length} question${interview.questions.length === 1 ? "" : "s"}`
              : "Created at the provider"}
            {interview.answerTimeSeconds ? ` · ${formatDuration(interview.answerTimeSeconds)} per answer` : ""} ·
            created {formatDateTime(interview.createdAt, timeZone)}
          </p>
        </div>
        <RefreshStatusesButton assessmentId={interview.id} disabled={!canCallProvider} />
      </header>
      {interview.questions.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-700">Questions</summary>
          <ol className="mt-2 list-decimal space-y-1 pl-6 text-slate-800">
            {interview.questions.map((question, index) => (
              <li key={index}>{question}</li>
            ))}
          </ol>
        </details>
      )}
      <div className="mt-5 grid gap-6 lg:grid-cols-[minmax(0,22rem)_1fr]">
        <section aria-label="Invite candidates">
          <h3 className="mb-2 text-sm font-semibold text-slate-700">Invite candidates</h3>
          <InviteCandidatesForm
            assessmentId={interview.id}
            interviewName={interview.name}
            disabled={!canCallProvider}
          />
        </section>
        <section aria-label="Invited candidates">
          <h3 className="mb-2 text-sm font-semibold text-slate-700">Invited ({interview.candidateCount})</h3>
          <VideoCandidatesTable
            candidates={interview.candidates}
            total={interview.candidateCount}
            timeZone={timeZone}
          />
        </section>
      </div>
    </article>
  );
}
