import "server-only";
// A recruiter creates a video interview for a job. The provider creates it first; only its
// answer is stored, so a provider that is down leaves nothing behind.
import type { Db } from "../../../db";
import { applyEvents } from "../../../ingestion/apply-events";
import { assessmentDefined } from "../adapter";
import type { AssessmentInput, VideoClient } from "../client";
import { UserFacingError } from "../../../errors";
import { idempotencyKeyFor } from "./idempotency-key";
import type { CreateVideoAssessmentInput } from "./inputs";

export async function createVideoAssessment(
  db: Db,
  client: VideoClient,
  input: CreateVideoAssessmentInput,
): Promise<{ assessmentId: string }> {
  const job = await db.job.findUnique({ where: { id: input.jobId }, select: { id: true, title: true } });
  if (!job) throw new UserFacingError("This job no longer exists.");

  const request: AssessmentInput = {
    title: input.title,
    jobTitle: job.title,
    answerTimeSeconds: input.answerTimeSeconds,
    questions: input.questions.map((text) => ({ text })),
  };
  const created = await client.createAssessment(request, idempotencyKeyFor("assessment", input.requestKey, request));

  return db.$transaction(async (tx) => {
    await applyEvents({ tx, provider: "video", deliveryId: null }, [assessmentDefined(created)]);
    // Attached to the job the recruiter chose, whatever the provider later calls it.
    const assessment = await tx.assessment.update({
      where: { provider_externalId: { provider: "video", externalId: created.id } },
      data: { jobId: job.id },
      select: { id: true },
    });
    return { assessmentId: assessment.id };
  });
}
