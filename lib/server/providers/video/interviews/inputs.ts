import "server-only";
// What recruiters submit on /jobs/<id>/video, checked at the boundary.
import { z } from "zod";

const questionLines = z
  .string()
  .max(20_000)
  .transform((text) =>
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  )
  .pipe(
    z
      .array(z.string().max(1000, "Keep each question under 1,000 characters"))
      .min(1, "Add at least one question, one per line")
      .max(20, "An interview can have at most 20 questions"),
  );

export const createVideoAssessmentInput = z.object({
  jobId: z.string().min(1).max(64),
  title: z.string().trim().min(1, "Give the interview a title").max(200, "Keep the title under 200 characters"),
  questions: questionLines,
  answerTimeSeconds: z.coerce
    .number()
    .int()
    .min(30, "At least 30 seconds per answer")
    .max(600, "At most 10 minutes per answer"),
  /** Made once per form by the browser and sent again on a retry: the provider's idempotency key comes from it. */
  requestKey: z.uuid(),
});
export type CreateVideoAssessmentInput = z.infer<typeof createVideoAssessmentInput>;

export const videoCandidate = z.object({
  name: z.string().trim().min(1, "Enter the candidate's name").max(200),
  email: z.email("Enter a valid email address").transform((email) => email.trim().toLowerCase()),
});

export const inviteVideoCandidatesInput = z.object({
  assessmentId: z.string().min(1).max(64),
  candidates: z
    .array(videoCandidate)
    .min(1, "Add at least one candidate")
    .max(50, "Invite at most 50 candidates at a time"),
  expiresInDays: z.coerce.number().int().min(1).max(30).default(7),
});
export type InviteVideoCandidatesInput = z.infer<typeof inviteVideoCandidatesInput>;

export const refreshVideoInvitationsInput = z.object({ assessmentId: z.string().min(1).max(64) });
