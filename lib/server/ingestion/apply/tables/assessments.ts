import "server-only";
// Assessment rows for the set-based apply. On PostgreSQL the rows a batch will write (a
// definition, a first job) are locked FOR UPDATE and the others FOR SHARE before they are read,
// so a job attached by one instance and an attempt created by another never miss each other.
import type { Assessment } from "@generated/prisma-sqlite/client";
import { decodeRows, type SqlRunner } from "../runner";
import { ApplyRaceError, columnTypes, quoteColumns, Statement } from "../sql";
import type { BatchState } from "../state";

const KINDS = {
  gradingBands: "json",
  sections: "json",
  details: "json",
  providerUpdatedAt: "date",
  jobLinkedAt: "date",
  createdAt: "date",
  updatedAt: "date",
} as const;

export async function loadAssessments(
  run: SqlRunner,
  keys: Map<string, Set<string>>,
  willWrite: (row: Assessment) => boolean,
): Promise<Assessment[]> {
  if (keys.size === 0) return [];
  const rows = decodeRows<Assessment>(
    await new Statement(run.dialect)
      .sql(`SELECT * FROM "Assessment" WHERE `)
      .groupedIn("provider", "externalId", keys)
      .query(run),
    KINDS,
  );
  if (run.dialect !== "postgresql" || rows.length === 0) return rows;
  const writers = rows.filter(willWrite).map((row) => row.id);
  const readers = rows.filter((row) => !willWrite(row)).map((row) => row.id);
  // Read again under the locks: a row may have moved between the first read and the lock.
  return [...(await lock(run, writers, "UPDATE")), ...(await lock(run, readers, "SHARE"))];
}

async function lock(run: SqlRunner, ids: string[], mode: "UPDATE" | "SHARE"): Promise<Assessment[]> {
  if (ids.length === 0) return [];
  const rows = await new Statement(run.dialect)
    .sql(`SELECT * FROM "Assessment" WHERE "id" IN (`)
    .list(ids)
    .sql(`) ORDER BY "id" FOR ${mode}`)
    .query(run);
  return decodeRows<Assessment>(rows, KINDS);
}

const COLUMNS = [
  "id",
  "provider",
  "externalId",
  "name",
  "jobId",
  "lifecycle",
  "gradingBands",
  "sections",
  "details",
  "providerUpdatedAt",
  "createdAt",
  "updatedAt",
] as const;
const ASSESSMENT_TYPES = columnTypes(COLUMNS, {
  gradingBands: "jsonb",
  sections: "jsonb",
  details: "jsonb",
  providerUpdatedAt: "timestamp(3)",
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
});
const MUTABLE = ["name", "jobId", "lifecycle", "gradingBands", "sections", "details", "providerUpdatedAt", "updatedAt"];

/** New and changed assessments in one statement; a new one another writer created first sends the batch round again. */
export async function writeAssessments(run: SqlRunner, state: BatchState): Promise<void> {
  const { dialect } = run;
  const dirty = [...state.assessments.values()].filter((assessment) => assessment.dirty);
  if (dirty.length === 0) return;
  const written = await new Statement(dialect)
    .sql(`INSERT INTO "Assessment" (${quoteColumns(COLUMNS)}) `)
    .values(
      ASSESSMENT_TYPES,
      dirty.map(({ row }) => COLUMNS.map((column) => row[column])),
    )
    .sql(` ON CONFLICT ("provider", "externalId") DO UPDATE SET `)
    .sql(MUTABLE.map((column) => `"${column}" = excluded."${column}"`).join(", "))
    .sql(` WHERE "Assessment"."id" = excluded."id" RETURNING "id"`)
    .query<{ id: string }>(run);
  if (written.length < dirty.length) throw new ApplyRaceError("another writer created one of this batch's assessments");
}
