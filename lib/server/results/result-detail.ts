import "server-only";
// GET /api/v1/results/{id} (docs/contract.md §5): one result, every list field plus the full normalised
// detail. Absent data is null or [], never a missing key; every URL is http(s).
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import { answerStateOf, publicLifecycle } from "../../shared/answer-state";
import { safeHttpUrl } from "../../shared/safe-url";
import { toResultItem } from "./api-results";
import {
  readAttemptDetails,
  readMedia,
  readProctoringDetails,
  readQuestionAnswers,
  readSections,
  readTraits,
} from "./result-details";

/** Timeline lines returned at most (newest kept): a result's history is read, not exported. */
export const DETAIL_TIMELINE_LIMIT = 200;

const OUTCOMES: Record<string, "applied" | "older" | "unchanged"> = {
  applied: "applied",
  skipped_older: "older",
  duplicate: "unchanged",
};

const detailInclude = {
  candidate: { select: { email: true, name: true } },
  assessment: { select: { name: true, lifecycle: true } },
  job: { select: { title: true } },
  changes: {
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    take: DETAIL_TIMELINE_LIMIT,
    select: {
      outcome: true,
      summary: true,
      occurredAt: true,
      recordedAt: true,
      provider: true,
      delivery: { select: { eventType: true } },
    },
  },
} satisfies Prisma.AttemptInclude;

export async function loadResultDetail(db: Db, id: string) {
  const row = await db.attempt.findUnique({ where: { id }, include: detailInclude });
  if (!row) return null;
  const invitation = await db.invitation.findUnique({
    where: { assessmentId_candidateId: { assessmentId: row.assessmentId, candidateId: row.candidateId } },
    select: { inviteUrl: true, expiresAt: true },
  });
  const media = readMedia(row.media);
  const details = readAttemptDetails(row.details);
  const link = (value: string | null | undefined) => safeHttpUrl(value ?? null);
  return {
    ...toResultItem(row),
    recordingUrl: link(row.recordingUrl),
    reportUrl: link(row.reportUrl),
    gradingBand: row.gradingBand,
    startedAt: row.startedAt?.toISOString() ?? null,
    inviteUrl: link(invitation?.inviteUrl),
    inviteExpiresAt: invitation?.expiresAt?.toISOString() ?? null,
    assessment: { name: row.assessment.name, lifecycle: publicLifecycle(row.assessment.lifecycle) },
    sections: readSections(row.sections).map((section) => ({
      name: section.name,
      score: section.score,
      maxScore: section.maxScore,
      percentile: section.percentile ?? null,
      remarks: section.remarks ?? null,
      label: section.label ?? null,
    })),
    answers: readQuestionAnswers(row.questionAnswers).map((answer) => ({
      question: answer.question,
      answer: answer.answer ?? null,
      score: answer.marks ?? null,
      maxScore: answer.maxMarks ?? null,
      status: answerStateOf(answer, row.resultState),
      recordingUrl: link(answer.recordingUrl),
    })),
    aiFeedback: row.aiFeedback,
    proctoring: {
      score: row.proctoringScore,
      violationCount: row.violationCount,
      flagged: row.integrityFlagged,
      signals: readProctoringDetails(row.proctoringDetails).map((detail) => ({
        name: detail.label,
        value: detail.value,
        flagged: detail.flagged,
      })),
      snapshots: media.flatMap((item) => {
        const url = item.kind === "snapshot" ? link(item.url) : null;
        return url ? [url] : [];
      }),
    },
    media: media.flatMap((item) => {
      const url = item.kind === "snapshot" ? null : link(item.url);
      return url ? [{ label: item.label, url, kind: item.kind ?? "recording" }] : [];
    }),
    traits: readTraits(row.traits).map((trait) => ({
      name: trait.name,
      score: trait.score,
      maxScore: trait.maxScore ?? null,
    })),
    review: details.review ?? null,
    totals: details.totals ?? null,
    consent: details.consent ?? null,
    timeline: [...row.changes].reverse().map((change) => ({
      at: (change.occurredAt ?? change.recordedAt).toISOString(),
      kind: change.delivery?.eventType ?? `${change.provider} update`,
      outcome: OUTCOMES[change.outcome] ?? "applied",
      summary: change.summary,
      recordedAt: change.recordedAt.toISOString(),
    })),
  };
}

export type ResultDetail = NonNullable<Awaited<ReturnType<typeof loadResultDetail>>>;
