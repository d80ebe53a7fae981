import "server-only";
// Attempt rows for the set-based apply. Read by (provider, externalKey) — locked FOR UPDATE on
// PostgreSQL, so two instances applying deliveries for one attempt take turns — and written back
// in one INSERT … ON CONFLICT whose update is conditional on the provider time: a row never
// moves to an older provider time, and a row another writer created or moved first sends the
// batch round again instead of being overwritten.
import type { Attempt } from "@generated/prisma-sqlite/client";
import type { GradingBand } from "../../../domain/events";
import { bandFor } from "../../grading-band";
import { decodeRows, type SqlRunner } from "../runner";
import { ApplyRaceError, chunked, columnTypes, quoteColumns, Statement } from "../sql";
import type { BatchState } from "../state";

export async function loadAttempts(run: SqlRunner, keys: Map<string, Set<string>>): Promise<Attempt[]> {
  if (keys.size === 0) return [];
  const statement = new Statement(run.dialect)
    .sql(`SELECT * FROM "Attempt" WHERE `)
    .groupedIn("provider", "externalKey", keys);
  if (run.dialect === "postgresql") statement.sql(` ORDER BY "id" FOR UPDATE`);
  return decodeRows<Attempt>(await statement.query(run), ATTEMPT_KINDS);
}

const COLUMNS = [
  "id",
  "provider",
  "externalKey",
  "assessmentId",
  "candidateId",
  "jobId",
  "status",
  "resultState",
  "score",
  "maxScore",
  "passMark",
  "passed",
  "gradingBand",
  "sections",
  "proctoringScore",
  "violationCount",
  "proctoringDetails",
  "integrityFlagged",
  "recordingUrl",
  "media",
  "reportUrl",
  "aiFeedback",
  "questionAnswers",
  "traits",
  "transcript",
  "details",
  "invitedAt",
  "startedAt",
  "submittedAt",
  "durationSeconds",
  "providerUpdatedAt",
  "lastDeliveryId",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof Attempt)[];
const IMMUTABLE = new Set(["id", "provider", "externalKey", "assessmentId", "candidateId", "createdAt"]);
const MUTABLE = COLUMNS.filter((column) => !IMMUTABLE.has(column));

const NUMBERS = new Set(["score", "maxScore", "passMark", "proctoringScore"]);
const INTEGERS = new Set(["violationCount", "durationSeconds"]);
const DATES = new Set(["invitedAt", "startedAt", "submittedAt", "providerUpdatedAt", "createdAt", "updatedAt"]);
const BOOLEANS = new Set(["passed", "integrityFlagged"]);
const JSON_COLUMNS = new Set(["sections", "proctoringDetails", "media", "questionAnswers", "traits", "details"]);
const ATTEMPT_TYPES = columnTypes(COLUMNS, {
  ...Object.fromEntries([...NUMBERS].map((column) => [column, "float8"] as const)),
  ...Object.fromEntries([...INTEGERS].map((column) => [column, "int4"] as const)),
  ...Object.fromEntries([...DATES].map((column) => [column, "timestamp(3)"] as const)),
  ...Object.fromEntries([...BOOLEANS].map((column) => [column, "bool"] as const)),
  ...Object.fromEntries([...JSON_COLUMNS].map((column) => [column, "jsonb"] as const)),
});
const ATTEMPT_KINDS = Object.fromEntries([
  ...[...DATES].map((column) => [column, "date"] as const),
  ...[...BOOLEANS].map((column) => [column, "boolean"] as const),
  ...[...JSON_COLUMNS].map((column) => [column, "json"] as const),
]);

/** Raw statements skip the client's checks of each value's type: an adapter's slip must fail here, not store a wrong value. */
function checkRow(row: Attempt) {
  for (const column of COLUMNS) {
    const value: unknown = row[column];
    if (value === null) continue;
    const ok = NUMBERS.has(column)
      ? typeof value === "number" && Number.isFinite(value)
      : INTEGERS.has(column)
        ? Number.isInteger(value)
        : DATES.has(column)
          ? value instanceof Date && !Number.isNaN(value.getTime())
          : BOOLEANS.has(column)
            ? typeof value === "boolean"
            : JSON_COLUMNS.has(column) || typeof value === "string";
    if (!ok) throw new TypeError(`attempt ${row.externalKey}: ${column} cannot be ${JSON.stringify(value)}`);
  }
}

export async function writeAttempts(run: SqlRunner, state: BatchState): Promise<void> {
  const { dialect } = run;
  const dirty = [...state.attempts.values()].filter((attempt) => attempt.dirty);
  for (const { row } of dirty) checkRow(row);
  for (const chunk of chunked(dirty, COLUMNS.length)) {
    const written = await new Statement(dialect)
      .sql(`INSERT INTO "Attempt" (${quoteColumns(COLUMNS)}) `)
      .values(
        ATTEMPT_TYPES,
        chunk.map(({ row }) => COLUMNS.map((column) => row[column])),
      )
      .sql(` ON CONFLICT ("provider", "externalKey") DO UPDATE SET `)
      .sql(MUTABLE.map((column) => `"${column}" = excluded."${column}"`).join(", "))
      .sql(` WHERE "Attempt"."id" = excluded."id"`)
      .sql(
        ` AND ("Attempt"."providerUpdatedAt" IS NULL OR "Attempt"."providerUpdatedAt" <= excluded."providerUpdatedAt")`,
      )
      .sql(` RETURNING "id"`)
      .query<{ id: string }>(run);
    if (written.length < chunk.length)
      throw new ApplyRaceError("an attempt of this batch was created or moved by another writer meanwhile");
  }
}

/** Stored attempts follow their assessment to the job it was attached to in this batch. */
export async function followAssessmentJobs(run: SqlRunner, state: BatchState): Promise<void> {
  const { dialect } = run;
  if (state.attachedAssessments.size === 0) return;
  const jobOf = `(SELECT a."jobId" FROM "Assessment" a WHERE a."id" = "Attempt"."assessmentId")`;
  await new Statement(dialect)
    .sql(`UPDATE "Attempt" SET "jobId" = ${jobOf}, "updatedAt" = `)
    .value(state.now)
    .sql(` WHERE "assessmentId" IN (`)
    .list([...state.attachedAssessments])
    .sql(`) AND ("jobId" IS NULL OR "jobId" <> ${jobOf})`)
    .execute(run);
}

/** Stored attempts outside the batch take the band their score falls in under their assessment's new bands. */
export async function relabelStoredAttempts(run: SqlRunner, state: BatchState): Promise<void> {
  if (state.relabels.size === 0) return;
  const inBatch = new Set([...state.attempts.values()].map((attempt) => attempt.row.id));
  const scored = await new Statement(run.dialect)
    .sql(`SELECT "id", "assessmentId", "score", "maxScore", "gradingBand" FROM "Attempt" WHERE "assessmentId" IN (`)
    .list([...state.relabels.keys()])
    .sql(`) AND "score" IS NOT NULL`)
    .query<Pick<Attempt, "id" | "assessmentId" | "score" | "maxScore" | "gradingBand">>(run);
  const idsByBand = new Map<string | null, string[]>();
  for (const attempt of scored) {
    if (inBatch.has(attempt.id)) continue;
    const bands: GradingBand[] | null = state.relabels.get(attempt.assessmentId) ?? null;
    const band = bandFor(bands, attempt.score, attempt.maxScore);
    if (band === attempt.gradingBand) continue;
    idsByBand.set(band, [...(idsByBand.get(band) ?? []), attempt.id]);
  }
  for (const [band, ids] of idsByBand) {
    for (const chunk of chunked(ids, 1)) {
      await new Statement(run.dialect)
        .sql(`UPDATE "Attempt" SET "gradingBand" = `)
        .value(band)
        .sql(`, "updatedAt" = `)
        .value(state.now)
        .sql(` WHERE "id" IN (`)
        .list(chunk)
        .sql(")")
        .execute(run);
    }
  }
}
