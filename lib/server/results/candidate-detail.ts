import "server-only";
// One person across providers: every attempt with its full result and the timeline of
// deliveries that touched it, for /candidates/[id].
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import { assessmentCoverage } from "./assessment-coverage";
import { attemptScoreSelect } from "./score-select";
import {
  readAttemptDetails,
  readGradingBands,
  readMedia,
  readProctoringDetails,
  readQuestionAnswers,
  readSections,
  readTraits,
} from "./result-details";

/** The newest deliveries shown per attempt; older ones are counted, not listed. */
export const TIMELINE_LIMIT = 50;

const attemptDetailSelect = {
  id: true,
  ...attemptScoreSelect,
  gradingBand: true,
  sections: true,
  proctoringScore: true,
  violationCount: true,
  proctoringDetails: true,
  integrityFlagged: true,
  recordingUrl: true,
  media: true,
  reportUrl: true,
  aiFeedback: true,
  questionAnswers: true,
  traits: true,
  transcript: true,
  details: true,
  assessmentId: true,
  invitedAt: true,
  startedAt: true,
  submittedAt: true,
  durationSeconds: true,
  updatedAt: true,
  assessment: { select: { name: true, gradingBands: true, lifecycle: true, sections: true, details: true } },
  job: { select: { id: true, title: true } },
  changes: {
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    take: TIMELINE_LIMIT,
    select: {
      id: true,
      provider: true,
      outcome: true,
      summary: true,
      occurredAt: true,
      recordedAt: true,
      changes: true,
    },
  },
  _count: { select: { changes: true } },
} satisfies Prisma.AttemptSelect;

type AttemptRecord = Prisma.AttemptGetPayload<{ select: typeof attemptDetailSelect }>;

/** Fields whose change brings new media links: the newest such line says when the links arrived. */
const MEDIA_FIELDS = ["media", "recordingUrl", "questionAnswers"];

function mediaReceivedAt(changes: { changes: unknown; recordedAt: Date }[]): Date | null {
  const line = changes.find(
    (change) =>
      typeof change.changes === "object" &&
      change.changes !== null &&
      MEDIA_FIELDS.some((field) => field in (change.changes as object)),
  );
  return line?.recordedAt ?? null;
}

export async function loadCandidateDetail(db: Db, candidateId: string, now = new Date()) {
  const candidate = await db.candidate.findUnique({
    where: { id: candidateId },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      country: true,
      createdAt: true,
      identities: { select: { provider: true }, orderBy: { provider: "asc" } },
      attempts: { orderBy: [{ updatedAt: "desc" }, { id: "desc" }], select: attemptDetailSelect },
      invitations: { select: { assessmentId: true, inviteUrl: true, expiresAt: true } },
    },
  });
  if (!candidate) return null;
  const { invitations, ...rest } = candidate;
  const invitationOf = new Map(invitations.map((invitation) => [invitation.assessmentId, invitation]));
  return {
    ...rest,
    providers: [...new Set(candidate.identities.map((identity) => identity.provider))],
    attempts: candidate.attempts.map((attempt) =>
      toAttemptDetail(attempt, invitationOf.get(attempt.assessmentId), now),
    ),
  };
}

export type CandidateDetail = NonNullable<Awaited<ReturnType<typeof loadCandidateDetail>>>;
export type AttemptDetail = ReturnType<typeof toAttemptDetail>;

function toAttemptDetail(
  attempt: AttemptRecord,
  invitation: { inviteUrl: string | null; expiresAt: Date | null } | undefined,
  now: Date,
) {
  const { changes, _count, assessment, assessmentId: _assessmentId, ...rest } = attempt;
  const band = readGradingBands(assessment.gradingBands).find((candidate) => candidate.name === attempt.gradingBand);
  return {
    ...rest,
    assessmentName: assessment.name,
    assessmentLifecycle: assessment.lifecycle,
    coverage: assessmentCoverage(assessment.sections, assessment.details),
    details: readAttemptDetails(attempt.details),
    inviteUrl: invitation?.inviteUrl ?? null,
    inviteExpiresAt: invitation?.expiresAt ?? null,
    /** When the newest media links arrived (changes are newest first), and the time the page was read. */
    mediaReceivedAt: mediaReceivedAt(changes),
    loadedAt: now,
    gradingBandColor: band?.color ?? null,
    sections: readSections(attempt.sections),
    proctoringDetails: readProctoringDetails(attempt.proctoringDetails),
    questionAnswers: readQuestionAnswers(attempt.questionAnswers),
    traits: readTraits(attempt.traits),
    media: readMedia(attempt.media),
    /** Oldest first, as a timeline reads. */
    timeline: [...changes].reverse().map(({ changes: _changes, ...line }) => line),
    timelineTotal: _count.changes,
  };
}
