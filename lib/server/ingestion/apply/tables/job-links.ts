import "server-only";
// A person linked an assessment that named no job to a job; now its provider names one. The
// provider's job wins (the assessment row already carries it): the link is released here, and
// the person who made it is told, in one statement each for the whole batch.
import type { SqlRunner } from "../runner";
import { Statement, chunked, newRowId } from "../sql";
import type { BatchState } from "../state";

export async function releaseJobLinks(run: SqlRunner, state: BatchState): Promise<void> {
  const takeovers = state.jobLinkTakeovers;
  if (takeovers.length === 0) return;
  await new Statement(run.dialect)
    .sql(`UPDATE "Assessment" SET "jobLinkedById" = NULL, "jobLinkedAt" = NULL WHERE "id" IN (`)
    .list(takeovers.map((takeover) => takeover.assessmentId))
    .sql(")")
    .execute(run);
  const rows = takeovers.map((takeover) => [
    newRowId("n"),
    takeover.userId,
    null,
    `${takeover.assessmentName} moved to ${takeover.jobTitle}`,
    `You had linked "${takeover.assessmentName}" to a job; its provider now names the job "${takeover.jobTitle}", so its results are there.`,
    state.now,
  ]);
  for (const chunk of chunked(rows, 6)) {
    await new Statement(run.dialect)
      .sql(`INSERT INTO "Notification" ("id", "userId", "attemptId", "title", "body", "createdAt") VALUES `)
      .rows(chunk)
      .execute(run);
  }
}
