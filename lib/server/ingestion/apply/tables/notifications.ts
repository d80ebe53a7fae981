import "server-only";
// Notification rows for the set-based apply: a job's active followers hear when a candidate
// finishes; one read of the followers and one insert for the whole batch.
import type { SqlRunner } from "../runner";
import { Statement, chunked, newRowId } from "../sql";
import type { BatchState } from "../state";

export async function notifyFollowers(run: SqlRunner, state: BatchState): Promise<void> {
  if (state.notifications.length === 0) return;
  const members = await new Statement(run.dialect)
    .sql(
      `SELECT m."jobId", m."userId" FROM "JobMember" AS m JOIN "User" AS u ON u."id" = m."userId" WHERE m."jobId" IN (`,
    )
    .list([...new Set(state.notifications.map((note) => note.jobId))])
    .sql(`) AND u."active" = `)
    .value(true)
    .query<{ jobId: string; userId: string }>(run);
  if (members.length === 0) return;
  const followers = new Map<string, string[]>();
  for (const member of members) followers.set(member.jobId, [...(followers.get(member.jobId) ?? []), member.userId]);
  const rows = state.notifications.flatMap((note) =>
    (followers.get(note.jobId) ?? []).map((userId) => [
      newRowId("n"),
      userId,
      note.attemptId,
      `${note.candidateName ?? "A candidate"} ${note.status === "completed" ? "completed" : `is ${note.status.replace("_", " ")}`}`,
      `${note.jobTitle ?? "Job"}: the result is in.`,
      state.now,
    ]),
  );
  for (const chunk of chunked(rows, 6)) {
    await new Statement(run.dialect)
      .sql(`INSERT INTO "Notification" ("id", "userId", "attemptId", "title", "body", "createdAt") `)
      .values(["text", "text", "text", "text", "text", "timestamp(3)"], chunk)
      .execute(run);
  }
}
