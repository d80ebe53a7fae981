import "server-only";
// Candidate and CandidateIdentity rows for the set-based apply. A known candidate's name, phone
// and country each move only to a value carried by a newer provider time, written as a
// conditional UPDATE: two instances updating the same person cannot undo each other.
import type { Candidate } from "@generated/prisma-sqlite/client";
import { decodeRows, type SqlRunner } from "../runner";
import { ApplyRaceError, columnTypes, newRowId, quoteColumns, Statement } from "../sql";
import { keyOf, type BatchState } from "../state";

export async function loadCandidates(run: SqlRunner, emails: string[]): Promise<Candidate[]> {
  if (emails.length === 0) return [];
  const rows = await new Statement(run.dialect)
    .sql(`SELECT * FROM "Candidate" WHERE "email" IN (`)
    .list(emails)
    .sql(")")
    .query(run);
  return decodeRows<Candidate>(rows, {
    nameUpdatedAt: "date",
    phoneUpdatedAt: "date",
    countryUpdatedAt: "date",
    createdAt: "date",
    updatedAt: "date",
  });
}

/** "provider:externalId" of the identities that exist already. */
export async function loadIdentities(run: SqlRunner, keys: Map<string, Set<string>>): Promise<string[]> {
  if (keys.size === 0) return [];
  const rows = await new Statement(run.dialect)
    .sql(`SELECT "provider", "externalId" FROM "CandidateIdentity" WHERE `)
    .groupedIn("provider", "externalId", keys)
    .query<{ provider: string; externalId: string }>(run);
  return rows.map((row) => keyOf(row.provider, row.externalId));
}

const COLUMNS = [
  "id",
  "email",
  "name",
  "phone",
  "country",
  "nameUpdatedAt",
  "phoneUpdatedAt",
  "countryUpdatedAt",
  "createdAt",
  "updatedAt",
] as const;
const CANDIDATE_TYPES = columnTypes(COLUMNS, {
  nameUpdatedAt: "timestamp(3)",
  phoneUpdatedAt: "timestamp(3)",
  countryUpdatedAt: "timestamp(3)",
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
});
const PROFILE = [
  ["name", "nameUpdatedAt"],
  ["phone", "phoneUpdatedAt"],
  ["country", "countryUpdatedAt"],
] as const;

export async function writeCandidates(run: SqlRunner, state: BatchState): Promise<void> {
  const { dialect } = run;
  const all = [...state.candidates.values()];
  const created = all.filter((candidate) => candidate.isNew);
  if (created.length > 0) {
    const inserted = await new Statement(dialect)
      .sql(`INSERT INTO "Candidate" (${quoteColumns(COLUMNS)}) `)
      .values(
        CANDIDATE_TYPES,
        created.map(({ row }) => COLUMNS.map((column) => row[column])),
      )
      .sql(` ON CONFLICT ("email") DO NOTHING RETURNING "id"`)
      .query<{ id: string }>(run);
    if (inserted.length < created.length)
      throw new ApplyRaceError("another writer created one of this batch's candidates");
  }
  const filled = all.filter((candidate) => !candidate.isNew && candidate.dirty);
  if (filled.length > 0) {
    const statement = new Statement(dialect).sql(`UPDATE "Candidate" AS c SET `);
    PROFILE.forEach(([field, timeField], index) => {
      const value = `v.column${2 + index * 2}`;
      const at = statement.timestamp(`v.column${3 + index * 2}`);
      const newer = `${value} IS NOT NULL AND (c."${timeField}" IS NULL OR c."${timeField}" <= ${at})`;
      statement.sql(`"${field}" = CASE WHEN ${newer} THEN ${value} ELSE c."${field}" END, `);
      statement.sql(`"${timeField}" = CASE WHEN ${newer} THEN ${at} ELSE c."${timeField}" END, `);
    });
    await statement
      .sql(`"updatedAt" = `)
      .value(state.now)
      .sql(` FROM (`)
      .values(
        ["text", ...PROFILE.flatMap(() => ["text", "timestamp(3)"] as const)],
        filled.map(({ row, fill }) => [
          row.id,
          ...PROFILE.flatMap(([field]) => [fill[field]?.value ?? null, fill[field]?.at ?? null]),
        ]),
      )
      .sql(`) AS v WHERE c."id" = v.column1`)
      .execute(run);
  }
  if (state.newIdentities.length > 0) {
    await new Statement(dialect)
      .sql(`INSERT INTO "CandidateIdentity" ("id", "candidateId", "provider", "externalId", "createdAt") `)
      .values(
        ["text", "text", "text", "text", "timestamp(3)"],
        state.newIdentities.map((identity) => [
          newRowId("p"),
          identity.candidateId,
          identity.provider,
          identity.externalId,
          state.now,
        ]),
      )
      .sql(` ON CONFLICT ("provider", "externalId") DO NOTHING`)
      .execute(run);
  }
}
