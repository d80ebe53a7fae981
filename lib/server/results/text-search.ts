import "server-only";
// Text search on both databases. Short titles (the jobs list) use a case-insensitive
// "contains": SQLite's LIKE already ignores ASCII case, PostgreSQL needs `mode: "insensitive"`,
// which the SQLite client's types do not know. Candidates (a million rows) are found through
// the trigram index of migration 0008 (FTS5 on SQLite, pg_trgm on PostgreSQL): a substring of
// three characters or more, so "ikram" finds "Bikram"; a shorter query is a prefix of the
// name or the email, which their ordinary indexes answer. One condition (candidateMatch)
// says who matches, for the ids of a narrow search and inside a broad search's queries alike.
import { Prisma } from "@generated/prisma-sqlite/client";
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
 * A search that matches more people than this is answered by search-results.ts's queries,
 * which join the matched candidates in SQL, instead of by their ids: Prisma binds each id as
 * a parameter, and refuses a query with more than SQLite's 999.
 */
export const MATCHED_CANDIDATES_LIMIT = 500;

/**
 * Ids of the candidates whose name or email contains `query` (three characters or more), or
 * starts with it (fewer), read through the indexes; null when more than MATCHED_CANDIDATES_LIMIT
 * match. Read first and passed to the results query as ids, because Prisma writes a relation
 * filter as a join evaluated for every result, and the index must be asked once.
 */
export async function candidateIdsMatching(db: Db, query: string): Promise<string[] | null> {
  const found = await db.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT m."id" FROM (${matchedCandidates(db, query).sql}) m LIMIT ${MATCHED_CANDIDATES_LIMIT + 1}`,
  );
  return found.length > MATCHED_CANDIDATES_LIMIT ? null : found.map((row) => row.id);
}

export interface MatchedCandidates {
  /** A subquery of the matched people's "id" and "name", each once. */
  sql: Prisma.Sql;
  /**
   * They come about in the order of their ids, so looking up each one's results in an index on
   * candidateId reads neighbouring pages: FTS5 yields rowids, which follow insertion as cuids
   * do. A short query's come in name order, and are better sorted by id first.
   */
  inIdOrder: boolean;
}

/**
 * The candidates `query` matches, read through the indexes. SQLite: the FTS5 index's matches
 * (streamed, so a LIMIT stops it early), or for a short query one range per spelling on
 * Candidate(name, id), which holds both columns, and the email range for the people no name
 * range holds. PostgreSQL: the rows the pg_trgm index finds, checked.
 */
export function matchedCandidates(db: Db, query: string): MatchedCandidates {
  const text = query.trim();
  if (databaseKindOf(db) === "postgresql")
    return {
      sql: Prisma.sql`SELECT c."id", c."name" FROM "Candidate" c WHERE ${candidateMatch(db, text)}`,
      inIdOrder: true,
    };
  if (isTrigramQuery(text)) {
    const sql = Prisma.sql`SELECT c."id", c."name" FROM "CandidateSearch" f CROSS JOIN "Candidate" c ON c.rowid = f.rowid
      WHERE f."CandidateSearch" MATCH ${ftsPhrase(text)}`;
    return { sql, inIdOrder: true };
  }
  // UNION ALL streams where UNION would collect every row to drop duplicates: the name ranges
  // do not overlap (nameRanges), and the email's leaves out the people they hold.
  const names = nameRanges(text);
  const sql = Prisma.join(
    [
      ...names.map((range) => Prisma.sql`SELECT c."id", c."name" FROM "Candidate" c WHERE ${range}`),
      Prisma.sql`SELECT c."id", c."name" FROM "Candidate" c
        WHERE ${emailRange(text)} AND NOT (${Prisma.join(names, " OR ")})`,
    ],
    " UNION ALL ",
  );
  return { sql, inIdOrder: false };
}

/**
 * The condition on a candidate row (alias `c`) that `query` matches it: the same people as
 * matchedCandidates, checked one row at a time. On SQLite, three characters or more: its rowid
 * among the FTS5 index's matches (a subquery SQLite evaluates once per statement); fewer: the
 * ranges. On PostgreSQL: ILIKE on the expression the pg_trgm index of migration 0008 is built
 * on, or on the name and the email.
 */
export function candidateMatch(db: Db, query: string): Prisma.Sql {
  const text = query.trim();
  const postgres = databaseKindOf(db) === "postgresql";
  const indexed = Prisma.sql`(c."name" || E'\\n' || c."email")`;
  if (isTrigramQuery(text)) {
    return postgres
      ? Prisma.sql`${indexed} ILIKE ${`%${likeEscaped(text)}%`}`
      : Prisma.sql`c.rowid IN (SELECT rowid FROM "CandidateSearch" WHERE "CandidateSearch" MATCH ${ftsPhrase(text)})`;
  }
  if (postgres) {
    // The exact match, behind a looser one the trigram index answers (a word of the indexed text
    // starting with the query: the name's start, or the email's after the line break), so the
    // rows checked are those the index finds, not every candidate.
    const prefix = `${likeEscaped(text)}%`;
    return Prisma.sql`((${indexed} ILIKE ${prefix} OR ${indexed} ILIKE ${`%\n${prefix}`})
      AND (c."name" ILIKE ${prefix} OR c."email" ILIKE ${prefix}))`;
  }
  return Prisma.sql`(${Prisma.join([emailRange(text), ...nameRanges(text)], " OR ")})`;
}

function isTrigramQuery(text: string): boolean {
  return [...text].length >= TRIGRAM_LENGTH;
}

/** A quoted FTS5 phrase of trigrams: exactly the substrings, whatever their case. */
function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** `text` as literal characters of a LIKE pattern (PostgreSQL's default escape is the backslash). */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

// SQLite's LIKE 'ab%' cannot use a case-sensitive index, but a range can: emails are stored
// lower-cased, names are tried in the spellings people type them in ("bi", "Bi", "BI").
function emailRange(text: string): Prisma.Sql {
  return startingWith("email", normaliseEmail(text));
}

/** Disjoint ranges: a spelling another one starts (case mappings can change a length) is within its range. */
function nameRanges(text: string): Prisma.Sql[] {
  const all = spellings(text);
  return all
    .filter((spelling) => !all.some((other) => other !== spelling && spelling.startsWith(other)))
    .map((spelling) => startingWith("name", spelling));
}

/** Every string that starts with `prefix`, as a range on the column's index (binary collation). */
function startingWith(column: "name" | "email", prefix: string): Prisma.Sql {
  const name = Prisma.raw(`c."${column}"`);
  return Prisma.sql`(${name} >= ${prefix} AND ${name} < ${`${prefix}\u{10FFFF}`})`;
}

function spellings(text: string): string[] {
  const lower = text.toLowerCase();
  const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
  return [...new Set([text, lower, capitalised, text.toUpperCase()])];
}
