import "server-only";
// The video interview provider's resources and webhook envelope (docs/video-provider-api.md).
// Ids, the candidate's email and the times that order events are strict; links the app
// renders must be http(s), and any other link becomes null rather than failing a result.
import { z } from "zod";

const isoTime = z.iso.datetime({ offset: true });
const optionalTime = isoTime.nullish().catch(null);
const optionalText = z.string().nullish().catch(null);
const optionalNumber = z.number().finite().nullish().catch(null);

/** Only http(s): a provider's `javascript:` or `data:` link must never become an href. */
const link = z
  .unknown()
  .transform((value) => (typeof value === "string" && /^https?:\/\/\S+$/i.test(value) ? value : null));

export const assessmentSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  jobTitle: optionalText,
  answerTimeSeconds: z.number().int().positive(),
  questions: z.array(
    z.object({ id: z.string().min(1), text: z.string(), answerTimeSeconds: z.number().int().positive() }),
  ),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type VideoAssessment = z.infer<typeof assessmentSchema>;

const answerSchema = z.object({
  questionId: z.string().min(1),
  question: z.string(),
  status: z.enum(["scored", "processing", "failed"]).catch("processing"),
  score: optionalNumber,
  maxScore: optionalNumber,
  durationSeconds: optionalNumber,
  transcript: optionalText,
  recordingUrl: link,
});

const traitSchema = z.object({
  key: z.string().nullish(),
  name: z.string().min(1),
  score: optionalNumber,
  maxScore: optionalNumber,
  description: optionalText,
});

export const resultSchema = z.object({
  state: z.enum(["partial", "final"]),
  overallScore: optionalNumber,
  maxScore: optionalNumber,
  recommendation: z.enum(["advance", "consider", "decline"]).nullish().catch(null),
  summary: optionalText,
  answers: z.array(answerSchema).catch([]),
  traits: z.array(traitSchema).catch([]),
  transcript: optionalText,
  recordingUrl: link,
  reportUrl: link,
});
export type VideoResult = z.infer<typeof resultSchema>;

export const INVITATION_STATUSES = ["invited", "started", "partially_scored", "completed", "expired"] as const;
export type VideoInvitationStatus = (typeof INVITATION_STATUSES)[number];

export const invitationSchema = z.object({
  id: z.string().min(1),
  assessment: z.object({ id: z.string().min(1), title: z.string(), jobTitle: optionalText }),
  candidate: z.object({ id: z.string().nullish(), name: optionalText, email: z.email() }),
  status: z.enum(INVITATION_STATUSES),
  candidateUrl: link,
  invitedAt: isoTime,
  expiresAt: optionalTime,
  startedAt: optionalTime,
  submittedAt: optionalTime,
  completedAt: optionalTime,
  expiredAt: optionalTime,
  updatedAt: isoTime,
  result: resultSchema.nullish(),
});
export type VideoInvitation = z.infer<typeof invitationSchema>;

export const WEBHOOK_EVENT_TYPES = [
  "interview.started",
  "interview.partially_scored",
  "interview.completed",
  "invitation.expired",
] as const;
export type VideoWebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The Standard Webhooks envelope; `data` is checked once the type is known. */
export const webhookEnvelopeSchema = z.object({
  type: z.string().min(1),
  timestamp: isoTime,
  data: z.unknown(),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullish() });
}

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  webhookEndpoint: z.object({ url: z.string() }).nullish(),
});
export type VideoAccount = z.infer<typeof accountSchema>;
