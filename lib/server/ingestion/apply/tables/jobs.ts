import "server-only";
// Job rows for the set-based apply: looked up by title key, created in one INSERT, and their
// last activity moved in one UPDATE.
import { decodeRows, type SqlRunner } from "../runner";
import { ApplyRaceError, columnTypes, quoteColumns, Statement } from "../sql";
import type { BatchState, JobRow } from "../state";

export async function loadJobs(run: SqlRunner, titleKeys: string[]): Promise<JobRow[]> {
  if (titleKeys.length === 0) return [];
  const rows = await new Statement(run.dialect)
    .sql(`SELECT "id", "title", "titleKey", "lastActivityAt" FROM "Job" WHERE "titleKey" IN (`)
    .list(titleKeys)
    .sql(")")
    .query(run);
  return decodeRows<Omit<JobRow, "isNew">>(rows, { lastActivityAt: "date" }).map((row) => ({ ...row, isNew: false }));
}

const COLUMNS = ["id", "title", "titleKey", "createdAt", "updatedAt", "lastActivityAt"] as const;
const JOB_TYPES = columnTypes(COLUMNS, {
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
  lastActivityAt: "timestamp(3)",
});

export async function writeJobs(run: SqlRunner, state: BatchState): Promise<void> {
  const { dialect } = run;
  const created = [...state.jobs.values()].filter((job) => job.isNew);
  if (created.length > 0) {
    const inserted = await new Statement(dialect)
      .sql(`INSERT INTO "Job" (${quoteColumns(COLUMNS)}) `)
      .values(
        JOB_TYPES,
        created.map((job) => [job.id, job.title, job.titleKey, state.now, state.now, job.lastActivityAt]),
      )
      .sql(` ON CONFLICT ("titleKey") DO NOTHING RETURNING "id"`)
      .query<{ id: string }>(run);
    if (inserted.length < created.length) throw new ApplyRaceError("another writer created one of this batch's jobs");
  }
  if (state.touchedJobs.size > 0) {
    await new Statement(dialect)
      .sql(`UPDATE "Job" SET "lastActivityAt" = `)
      .value(state.now)
      .sql(`, "updatedAt" = `)
      .value(state.now)
      .sql(` WHERE "id" IN (`)
      .list([...state.touchedJobs])
      .sql(")")
      .execute(run);
  }
}
