import "server-only";
// SmartAI's queue events, as its Webhook Event Schema describes them. Lenient where the
// provider is: optional fields may be missing or null, and unknown keys are ignored (the
// raw body is kept in the inbox anyway).
import { z } from "zod";

export const SMARTAI_EVENT_TYPES = ["assessment.sent", "assessment.completed"] as const;
export type SmartAiEventType = (typeof SMARTAI_EVENT_TYPES)[number];

export const SMARTAI_COMPLETION_STATUSES = ["completed", "timeout", "abandoned"] as const;

const text = z.string().trim().min(1);
// Lenient on purpose: any date the platform writes that JavaScript can read is accepted.
const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), { message: "is not a date" });
// Only what identifies a person: the provider validated the address when it sent the invitation.
const email = z
  .string()
  .trim()
  .regex(/^[^\s@]+@[^\s@]+$/, { message: "is not an email address" });

/** What every queued event carries, whatever its type. */
export const smartAiEnvelopeSchema = z.object({
  eventId: text.nullish(),
  event: z.string().nullish(),
  storedAt: timestamp.nullish(),
});

export const smartAiSentSchema = z.object({
  eventId: text.nullish(),
  event: z.literal("assessment.sent"),
  assessmentId: text,
  assessmentName: z.string().nullish(),
  assessmentUrl: z.string().nullish(),
  jobTitle: z.string().nullish(),
  orgId: z.string().nullish(),
  candidates: z
    .array(
      z.object({
        id: z.string().nullish(),
        name: z.string().nullish(),
        email,
      }),
    )
    .min(1),
  totalCandidates: z.number().nullish(),
  storedAt: timestamp,
});
export type SmartAiSentEvent = z.infer<typeof smartAiSentSchema>;

const questionAnswerSchema = z.object({
  questionId: z.string().nullish(),
  question: z.string().nullish(),
  answer: z.string().nullish(),
  marks: z.number().nullish(),
  maxMarks: z.number().nullish(),
});

export const smartAiCompletedSchema = z.object({
  eventId: text.nullish(),
  event: z.literal("assessment.completed"),
  assessmentId: text,
  candidateId: z.string().nullish(),
  candidateName: z.string().nullish(),
  candidateEmail: email,
  assessmentName: z.string().nullish(),
  jobTitle: z.string().nullish(),
  skills: z.array(z.string()).nullish(),
  score: z.number().nullish(),
  totalMarks: z.number().nullish(),
  passMarks: z.number().nullish(),
  passed: z.boolean().nullish(),
  status: z.enum(SMARTAI_COMPLETION_STATUSES).nullish(),
  submittedAt: timestamp.nullish(),
  durationMinutes: z.number().nonnegative().nullish(),
  aiFeedback: z.string().nullish(),
  reportUrl: z.string().nullish(),
  proctoring: z
    .object({ score: z.number().nullish(), violationCount: z.number().int().nonnegative().nullish() })
    .nullish(),
  recording: z.object({ url: z.string().nullish() }).nullish(),
  questionAnswers: z.array(questionAnswerSchema).nullish(),
  storedAt: timestamp.nullish(),
});
export type SmartAiCompletedEvent = z.infer<typeof smartAiCompletedSchema>;

export function isSmartAiEventType(value: unknown): value is SmartAiEventType {
  return typeof value === "string" && (SMARTAI_EVENT_TYPES as readonly string[]).includes(value);
}
