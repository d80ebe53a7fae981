import "server-only";
// Assessment rows for the set-based apply. On PostgreSQL the rows a batch will write (a
// definition, a first job) are locked FOR UPDATE and the others FOR SHARE before they are read,
// so a job attached by one instance and an attempt created by another never miss each other.
import type { Assessment } from "@generated/prisma-sqlite/client";
import type { Tx } from "../../../db";
import { ApplyRaceError, Statement, quoteColumns, type Dialect } from "../sql";
import type { BatchState } from "../state";

export async function loadAssessments(
  tx: Tx,
  dialect: Dialect,
  keys: Map<string, Set<string>>,
  willWrite: (row: Assessment) => boolean,
): Promise<Assessment[]> {
  if (keys.size === 0) return [];
  const where = {
    OR: [...keys].map(([provider, externalIds]) => ({ provider, externalId: { in: [...externalIds] } })),
  };
  const rows = await tx.assessment.findMany({ where });
  if (dialect !== "postgresql" || rows.length === 0) return rows;
  const writers = rows
    .filter(willWrite)
    .map((row) => row.id)
    .sort();
  const readers = rows
    .filter((row) => !willWrite(row))
    .map((row) => row.id)
    .sort();
  if (writers.length > 0) await lock(tx, dialect, writers, "UPDATE");
  if (readers.length > 0) await lock(tx, dialect, readers, "SHARE");
  // Read again under the locks: a row may have moved between the first read and the lock.
  return tx.assessment.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
}

async function lock(tx: Tx, dialect: Dialect, ids: string[], mode: "UPDATE" | "SHARE") {
  await new Statement(dialect)
    .sql(`SELECT "id" FROM "Assessment" WHERE "id" IN (`)
    .list(ids)
    .sql(`) ORDER BY "id" FOR ${mode}`)
    .query(tx);
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
const MUTABLE = ["name", "jobId", "lifecycle", "gradingBands", "sections", "details", "providerUpdatedAt", "updatedAt"];

/** New and changed assessments in one statement; a new one another writer created first sends the batch round again. */
export async function writeAssessments(tx: Tx, dialect: Dialect, state: BatchState): Promise<void> {
  const dirty = [...state.assessments.values()].filter((assessment) => assessment.dirty);
  if (dirty.length === 0) return;
  const written = await new Statement(dialect)
    .sql(`INSERT INTO "Assessment" (${quoteColumns(COLUMNS)}) VALUES `)
    .rows(dirty.map(({ row }) => COLUMNS.map((column) => row[column])))
    .sql(` ON CONFLICT ("provider", "externalId") DO UPDATE SET `)
    .sql(MUTABLE.map((column) => `"${column}" = excluded."${column}"`).join(", "))
    .sql(` WHERE "Assessment"."id" = excluded."id" RETURNING "id"`)
    .query<{ id: string }>(tx);
  if (written.length < dirty.length) throw new ApplyRaceError("another writer created one of this batch's assessments");
}
