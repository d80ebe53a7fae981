import "server-only";
// Text search on both databases. Short titles (the jobs list) use a case-insensitive
// "contains": SQLite's LIKE already ignores ASCII case, PostgreSQL needs `mode: "insensitive"`,
// which the SQLite client's types do not know. Candidates (a million rows) go through the
// CandidateSearch index (prisma/schema.prisma): a substring of three characters or more is
// found by trigrams, so "ikram" finds "Bikram"; a shorter query is a prefix of the name or
// the email, which an ordinary index answers.
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

/** Candidates whose name or email contains `query` (or, under three characters, starts with it). */
export function candidateMatching(db: Db, query: string): Prisma.CandidateWhereInput {
  const text = query.trim();
  if ([...text].length >= TRIGRAM_LENGTH) return { search: { is: { text: textContains(db, text) } } };
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
