import Link from "next/link";
import type { ReactNode } from "react";
import type { AttemptDetail } from "@/lib/server/results/candidate-detail";
import { formatDuration, providerLabel, safeHttpUrl } from "@/components/format";
import { formatDateTime } from "@/lib/shared/date-time";
import { safeCssColor } from "@/lib/shared/safe-css";
import { isWithdrawn } from "@/lib/shared/answer-state";
import { CopyField } from "@/components/copy-field";
import { AssessmentCoverageView } from "./assessment-coverage";
import { AttemptExtras } from "./attempt-extras";
import { SnapshotGallery } from "./snapshot-gallery";
import { mediaLinkNote } from "./media-link-note";
import { StatusBadge, VerdictBadge } from "@/components/results/status-badge";
import { AttemptMedia } from "./attempt-media";
import { AttemptTimeline } from "./attempt-timeline";
import { ProctoringPanel } from "./proctoring-panel";
import { QuestionAnswers } from "./question-answers";
import { RecordingPlayer } from "./recording-player";
import { ScoreBar } from "./score-bar";
import { SectionChart } from "./section-chart";
import { TraitsList } from "./traits-list";

interface AttemptSectionProps {
  attempt: AttemptDetail;
  /** Report sharing for this attempt (share links); rendered in the section's "share" slot. */
  share?: ReactNode;
  /** The viewer's IANA zone (the signed-in user's): every time is written in it, named. */
  timeZone: string;
}

/**
 * One attempt on the candidate page, the same for every provider. All provider text is
 * rendered as React text (escaped): never as HTML.
 */
export function AttemptSection({ attempt, share, timeZone }: AttemptSectionProps) {
  const recordingUrl = safeHttpUrl(attempt.recordingUrl);
  const reportUrl = safeHttpUrl(attempt.reportUrl);
  const bandColor = safeCssColor(attempt.gradingBandColor);
  const headingId = `attempt-${attempt.id}-heading`;
  const inviteUrl = safeHttpUrl(attempt.inviteUrl);
  const note = (url: string) => mediaLinkNote(url, attempt.mediaReceivedAt, attempt.loadedAt);
  const snapshots = attempt.media
    .filter((item) => item.kind === "snapshot")
    .map((item) => ({ label: item.label, url: item.url, note: note(item.url) }));
  const otherMedia = attempt.media.filter((item) => item.kind !== "snapshot");
  return (
    <section
      id={`attempt-${attempt.id}`}
      aria-labelledby={headingId}
      className="scroll-mt-6 rounded-lg border border-slate-200 bg-white"
    >
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-4 py-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            {attempt.assessmentName}
          </h2>
          <p className="text-sm text-slate-600">
            {providerLabel(attempt.provider)}
            {attempt.job && (
              <>
                {" · "}
                <Link href={`/jobs/${attempt.job.id}`} className="text-indigo-700 underline underline-offset-2">
                  {attempt.job.title}
                </Link>
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {isWithdrawn(attempt.assessmentLifecycle) && (
            <span
              data-testid="withdrawn-assessment"
              className="rounded-full bg-slate-700 px-2 py-0.5 text-xs font-medium text-white"
              title="The provider withdrew this assessment; its results are kept."
            >
              Assessment {attempt.assessmentLifecycle}
            </span>
          )}
          <StatusBadge status={attempt.status} resultState={attempt.resultState} />
          {attempt.passed !== null && <VerdictBadge passed={attempt.passed} />}
          {attempt.gradingBand && (
            <span
              className="rounded-full border px-2 py-0.5 text-xs font-medium"
              style={bandColor ? { borderColor: bandColor, color: bandColor } : undefined}
            >
              {attempt.gradingBand.replace(/_/g, " ").toLowerCase()}
            </span>
          )}
        </div>
      </header>

      <div className="space-y-6 px-4 py-4">
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-3">
            <ScoreBar
              score={attempt.score}
              maxScore={attempt.maxScore}
              passMark={attempt.passMark}
              passed={attempt.passed}
            />
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
              <Fact label="Invited" value={formatDateTime(attempt.invitedAt, timeZone)} />
              <Fact label="Started" value={formatDateTime(attempt.startedAt, timeZone)} />
              <Fact label="Submitted" value={formatDateTime(attempt.submittedAt, timeZone)} />
              <Fact label="Duration" value={formatDuration(attempt.durationSeconds)} />
              <Fact label="Last update" value={formatDateTime(attempt.updatedAt, timeZone)} />
            </dl>
            <AttemptExtras details={attempt.details} timeZone={timeZone} />
            {inviteUrl && attempt.status === "invited" && (
              <CopyField label="Invite link (not started yet)" url={inviteUrl} />
            )}
            {reportUrl && (
              <a
                href={reportUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="inline-block text-sm font-medium text-indigo-700 hover:underline"
              >
                Provider report
              </a>
            )}
          </div>
          <ProctoringPanel
            proctoringScore={attempt.proctoringScore}
            violationCount={attempt.violationCount}
            integrityFlagged={attempt.integrityFlagged}
            details={attempt.proctoringDetails}
          />
        </div>

        <AssessmentCoverageView coverage={attempt.coverage} />
        {attempt.sections.length > 0 && <SectionChart sections={attempt.sections} />}

        {recordingUrl && (
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">Recording</h3>
            <RecordingPlayer url={recordingUrl} label="Recording" note={note(recordingUrl)} />
          </div>
        )}
        {otherMedia.length > 0 && (
          <AttemptMedia items={otherMedia} receivedAt={attempt.mediaReceivedAt} now={attempt.loadedAt} />
        )}
        {snapshots.length > 0 && <SnapshotGallery items={snapshots} />}
        {attempt.traits.length > 0 && <TraitsList traits={attempt.traits} />}

        {attempt.aiFeedback && (
          <div>
            <h3 className="text-sm font-semibold text-slate-700">AI feedback</h3>
            <p data-testid="ai-feedback" className="mt-1 whitespace-pre-wrap text-sm text-slate-800">
              {attempt.aiFeedback}
            </p>
          </div>
        )}
        {attempt.questionAnswers.length > 0 && (
          <QuestionAnswers answers={attempt.questionAnswers} resultState={attempt.resultState} />
        )}
        {attempt.transcript && (
          <details>
            <summary className="cursor-pointer text-sm font-semibold text-slate-700">Transcript</summary>
            <p className="mt-2 whitespace-pre-wrap text-sm text-slate-700">{attempt.transcript}</p>
          </details>
        )}

        <AttemptTimeline timeline={attempt.timeline} total={attempt.timelineTotal} timeZone={timeZone} />

        {/* Share links (issue 6) render here: the candidate page passes them as `share`. */}
        <div data-slot="share">{share}</div>
      </div>
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-800">{value}</dd>
    </div>
  );
}
