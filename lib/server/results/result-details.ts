import "server-only";
// Reads the JSON columns of an attempt back into the domain shapes adapters wrote. Lenient
// on purpose: an item that does not fit is left out rather than breaking the whole page.
import { z } from "zod";
import {
  ANSWER_STATES,
  type AttemptDetails,
  type GradingBand,
  type MediaItem,
  type ProctoringDetail,
  type QuestionAnswer,
  type SectionScore,
  type Trait,
} from "../domain/events";

const maybeNumber = z.number().finite().nullable().optional();
const maybeText = z.string().nullable().optional();

const sectionSchema = z.object({
  name: z.string(),
  score: maybeNumber.transform((value) => value ?? null),
  maxScore: maybeNumber.transform((value) => value ?? null),
  percentage: maybeNumber.transform((value) => value ?? null),
  recommended: maybeNumber,
  skill: maybeText,
  percentile: maybeNumber.transform((value) => value ?? null),
  remarks: maybeText.transform((value) => value ?? null),
  label: maybeText.transform((value) => value ?? null),
  durationSeconds: maybeNumber.transform((value) => value ?? null),
  completedAt: maybeText.transform((value) => value ?? null),
});

const proctoringDetailSchema = z.object({
  kind: z.string(),
  label: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]).transform(String),
  flagged: z.boolean(),
});

const questionAnswerSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  question: z.string(),
  answer: maybeText,
  marks: maybeNumber,
  maxMarks: maybeNumber,
  correct: z.boolean().nullable().optional(),
  recordingUrl: maybeText,
  status: z.enum(ANSWER_STATES).nullable().optional().catch(null),
});

const traitSchema = z.object({
  name: z.string(),
  score: maybeNumber.transform((value) => value ?? null),
  maxScore: maybeNumber,
  description: maybeText,
});

const mediaSchema = z.object({
  label: z.string(),
  url: z.string(),
  kind: z.enum(["recording", "snapshot", "link"]).nullable().optional().catch(null),
});

const maybeTime = z.string().nullable().optional().catch(null);
const detailsSchema = z.object({
  totals: z
    .object({ achieved: maybeNumber, possible: maybeNumber, questionCount: maybeNumber })
    .nullable()
    .optional()
    .catch(null),
  review: z.object({ rating: maybeNumber, remark: maybeText }).nullable().optional().catch(null),
  consent: z
    .object({ terms: z.boolean().nullable().optional(), recording: z.boolean().nullable().optional() })
    .nullable()
    .optional()
    .catch(null),
  scoredAt: maybeTime,
  completedAt: maybeTime,
  expiredAt: maybeTime,
});

const bandSchema = z.object({ name: z.string(), min: z.number(), max: z.number(), color: maybeText });

function listOf<T>(schema: z.ZodType<T>, value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export const readSections = (value: unknown): SectionScore[] => listOf(sectionSchema, value);
export const readProctoringDetails = (value: unknown): ProctoringDetail[] => listOf(proctoringDetailSchema, value);
export const readQuestionAnswers = (value: unknown): QuestionAnswer[] => listOf(questionAnswerSchema, value);
export const readTraits = (value: unknown): Trait[] => listOf(traitSchema, value);
export const readMedia = (value: unknown): MediaItem[] => listOf(mediaSchema, value);
export const readGradingBands = (value: unknown): GradingBand[] => listOf(bandSchema, value);

export function readAttemptDetails(value: unknown): AttemptDetails {
  const parsed = detailsSchema.safeParse(value);
  return parsed.success ? (parsed.data as AttemptDetails) : {};
}
