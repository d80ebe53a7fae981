import "server-only";
// What a share link shows: one attempt, and only the parts the link includes. Proctoring
// and recording columns are not even read unless the link includes them.
import { z } from "zod";
import { safeHttpUrl } from "../../shared/safe-url";
import type { Db } from "../db";
import type { ResolvedShareLink } from "./resolve-share-link";
import { attemptScoreSelect } from "../results/score-select";

const sectionsSchema = z.array(
  z.object({
    name: z.string(),
    score: z.number().nullish(),
    maxScore: z.number().nullish(),
    percentage: z.number().nullish(),
    percentile: z.number().nullish(),
    remarks: z.string().nullish(),
    label: z.string().nullish(),
  }),
);
const proctoringDetailsSchema = z.array(
  z.object({ label: z.string(), value: z.string(), flagged: z.boolean().optional() }),
);
const mediaSchema = z.array(z.object({ label: z.string(), url: z.string() }));

export interface SharedReport {
  candidateName: string;
  assessmentName: string;
  jobTitle: string | null;
  provider: string;
  status: string;
  /** pending | partial | final: whether a missing score may still come. */
  resultState: string;
  score: number | null;
  maxScore: number | null;
  passMark: number | null;
  passed: boolean | null;
  gradingBand: string | null;
  submittedAt: Date | null;
  sections: z.infer<typeof sectionsSchema>;
  proctoring: {
    score: number | null;
    violationCount: number | null;
    flagged: boolean;
    details: z.infer<typeof proctoringDetailsSchema>;
  } | null;
  recordings: { label: string; url: string }[] | null;
  expiresAt: Date;
  /** The sharer's IANA zone: every time in the report is written in it, and it is named. */
  timeZone: string;
}

export async function loadSharedReport(db: Db, link: ResolvedShareLink): Promise<SharedReport | null> {
  const attempt = await db.attempt.findUnique({
    where: { id: link.attemptId },
    select: {
      ...attemptScoreSelect,
      gradingBand: true,
      submittedAt: true,
      sections: true,
      proctoringScore: link.includeProctoring,
      violationCount: link.includeProctoring,
      integrityFlagged: link.includeProctoring,
      proctoringDetails: link.includeProctoring,
      recordingUrl: link.includeRecording,
      media: link.includeRecording,
      candidate: { select: { name: true } },
      assessment: { select: { name: true } },
      job: { select: { title: true } },
    },
  });
  if (!attempt) return null;
  return {
    candidateName: attempt.candidate.name,
    assessmentName: attempt.assessment.name,
    jobTitle: attempt.job?.title ?? null,
    provider: attempt.provider,
    status: attempt.status,
    resultState: attempt.resultState,
    score: attempt.score,
    maxScore: attempt.maxScore,
    passMark: attempt.passMark,
    passed: attempt.passed,
    gradingBand: attempt.gradingBand,
    submittedAt: attempt.submittedAt,
    sections: parseOr(sectionsSchema, attempt.sections),
    proctoring: link.includeProctoring
      ? {
          score: attempt.proctoringScore ?? null,
          violationCount: attempt.violationCount ?? null,
          flagged: attempt.integrityFlagged ?? false,
          details: parseOr(proctoringDetailsSchema, attempt.proctoringDetails),
        }
      : null,
    recordings: link.includeRecording ? recordingsOf(attempt.recordingUrl ?? null, attempt.media) : null,
    expiresAt: link.expiresAt,
    timeZone: link.timeZone,
  };
}

function recordingsOf(recordingUrl: string | null, media: unknown) {
  const items = [...(recordingUrl ? [{ label: "Recording", url: recordingUrl }] : []), ...parseOr(mediaSchema, media)];
  // Only web links: a provider-supplied "javascript:" URL must never become a clickable link.
  return items.flatMap((item) => {
    const url = safeHttpUrl(item.url);
    return url ? [{ label: item.label, url }] : [];
  });
}

function parseOr<T>(schema: z.ZodType<T[]>, value: unknown): T[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : [];
}
