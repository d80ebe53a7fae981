import "server-only";
// Result notices for the set-based apply: one row per event worth hearing of, in one statement
// for the whole batch. No row per user here: who hears of a notice (their scope, their muted
// kinds, the jobs they follow) is worked out when they read (lib/server/notifications).
import type { SqlRunner } from "../runner";
import { Statement, chunked, newRowId } from "../sql";
import type { BatchState } from "../state";

export async function writeResultNotices(run: SqlRunner, state: BatchState): Promise<void> {
  const rows = state.notices.map((notice) => [newRowId("r"), notice.kind, notice.attemptId, notice.jobId, state.now]);
  for (const chunk of chunked(rows, 5)) {
    await new Statement(run.dialect)
      .sql(`INSERT INTO "ResultNotice" ("id", "kind", "attemptId", "jobId", "createdAt") `)
      .values(["text", "text", "text", "text", "timestamp(3)"], chunk)
      .execute(run);
  }
}
