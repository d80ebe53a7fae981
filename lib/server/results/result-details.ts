import "server-only";
// Reads the JSON columns of an attempt back into the domain shapes adapters wrote. Lenient
// on purpose: an item that does not fit is left out rather than breaking the whole page.
import { z } from "zod";
import type { GradingBand, MediaItem, ProctoringDetail, QuestionAnswer, SectionScore, Trait } from "../domain/events";

const maybeNumber = z.number().finite().nullable().optional();
const maybeText = z.string().nullable().optional();

const sectionSchema = z.object({
  name: z.string(),
  score: maybeNumber.transform((value) => value ?? null),
  maxScore: maybeNumber.transform((value) => value ?? null),
  percentage: maybeNumber.transform((value) => value ?? null),
  recommended: maybeNumber,
  skill: maybeText,
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
});

const traitSchema = z.object({
  name: z.string(),
  score: maybeNumber.transform((value) => value ?? null),
  maxScore: maybeNumber,
  description: maybeText,
});

const mediaSchema = z.object({ label: z.string(), url: z.string() });

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
