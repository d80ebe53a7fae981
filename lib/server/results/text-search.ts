import "server-only";
// Text search on both databases. Short titles (the jobs list) use a case-insensitive
// "contains": SQLite's LIKE already ignores ASCII case, PostgreSQL needs `mode: "insensitive"`,
// which the SQLite client's types do not know. Candidates (a million rows) are found through
// the trigram index of migration 0008 (FTS5 on SQLite, pg_trgm on PostgreSQL): a substring of
// three characters or more, so "ikram" finds "Bikram"; a shorter query is a prefix of the
// name or the email, which their ordinary indexes answer.
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import { normaliseEmail } from "../../shared/vocabulary";

/** Trigram indexes need three characters to look anything up. */
export const TRIGRAM_LENGTH = 3;

export function databaseKindOf(db: Db): "sqlite" | "postgresql" {
  // Set by Prisma on every client from the generated schema's provider.
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  return provider === "postgresql" ? "postgresql" : "sqlite";
}

export function textContains(db: Db, text: string): Prisma.StringFilter {
  return databaseKindOf(db) === "postgresql"
    ? ({ contains: text, mode: "insensitive" } as Prisma.StringFilter)
    : { contains: text };
}

/**
 * A search that matches more people than this filters by a scan instead of by their ids:
 * Prisma binds each id as a parameter, and refuses a query with more than SQLite's 999.
 */
export const MATCHED_CANDIDATES_LIMIT = 500;

/**
 * Ids of the candidates whose name or email contains `query` (three characters or more), or
 * starts with it (fewer), read through the indexes; null when more than MATCHED_CANDIDATES_LIMIT
 * match, where a list of ids would cost more than the scan candidateMatching describes. Read
 * first and passed to the results query as ids, because Prisma writes a relation filter as a
 * join evaluated for every result, and the index must be asked once.
 */
export async function candidateIdsMatching(db: Db, query: string): Promise<string[] | null> {
  const text = query.trim();
  const limit = MATCHED_CANDIDATES_LIMIT + 1;
  let ids: string[];
  if ([...text].length < TRIGRAM_LENGTH) {
    const found = await db.candidate.findMany({
      where: candidateMatching(db, text),
      select: { id: true },
      take: limit,
    });
    ids = found.map((candidate) => candidate.id);
  } else if (databaseKindOf(db) === "postgresql") {
    const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    // The expression the pg_trgm index of migration 0008 is built on, so the index answers it.
    const found = await db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Candidate" WHERE ("name" || E'\\n' || "email") ILIKE ${pattern} LIMIT ${limit}`;
    ids = found.map((row) => row.id);
  } else {
    // A quoted FTS5 phrase of trigrams: exactly the substrings, whatever their case.
    const phrase = `"${text.replaceAll('"', '""')}"`;
    const found = await db.$queryRaw<{ candidateId: string }[]>`
      SELECT "candidateId" FROM "CandidateSearch" WHERE "CandidateSearch" MATCH ${phrase} LIMIT ${limit}`;
    ids = found.map((row) => row.candidateId);
  }
  return ids.length > MATCHED_CANDIDATES_LIMIT ? null : ids;
}

/**
 * The same match as a filter on Candidate, for searches too broad for a list of ids: a
 * substring of the name or email, or under three characters a prefix (an index range on
 * SQLite). Inside a results query it is checked row by row.
 */
export function candidateMatching(db: Db, query: string): Prisma.CandidateWhereInput {
  const text = query.trim();
  if ([...text].length >= TRIGRAM_LENGTH)
    return { OR: [{ name: textContains(db, text) }, { email: textContains(db, normaliseEmail(text)) }] };
  if (databaseKindOf(db) === "postgresql") {
    const prefix = { startsWith: text, mode: "insensitive" } as Prisma.StringFilter;
    return { OR: [{ name: prefix }, { email: prefix }] };
  }
  // SQLite's LIKE 'ab%' cannot use a case-sensitive index, but a range can: emails are stored
  // lower-cased, names are tried in the spellings people type them in ("bi", "Bi", "BI").
  return {
    OR: [
      startingWith("email", normaliseEmail(text)),
      ...spellings(text).map((spelling) => startingWith("name", spelling)),
    ],
  };
}

/** Every string that starts with `prefix`, as a range on the column's index (binary collation). */
function startingWith(column: "name" | "email", prefix: string): Prisma.CandidateWhereInput {
  return { [column]: { gte: prefix, lt: `${prefix}\u{10FFFF}` } };
}

function spellings(text: string): string[] {
  const lower = text.toLowerCase();
  const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
  return [...new Set([text, lower, capitalised, text.toUpperCase()])];
}
