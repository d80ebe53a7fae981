import "server-only";
// The WHERE of every insight query, written once for both databases. It mirrors the job
// table's filters (lib/server/results/job-results.ts) except the free-text search, which
// narrows the table only: the pictures describe the pool, not one name.
import { Prisma } from "@generated/prisma-sqlite/client";
import type { ResultsFilters } from "../../shared/job-results-view";

export type InsightFilters = Omit<ResultsFilters, "q">;

/** A job id, or null for results whose assessment names no job. */
export type InsightScope = string | null;

/** `hiddenAssessments`: the withdrawn assessments the table hides too (hiddenAssessmentIds). */
export function scopeCondition(
  jobId: InsightScope,
  filters: InsightFilters,
  hiddenAssessments: readonly string[] = [],
): Prisma.Sql {
  const conditions = [jobId === null ? Prisma.sql`a."jobId" IS NULL` : Prisma.sql`a."jobId" = ${jobId}`];
  if (hiddenAssessments.length > 0)
    conditions.push(Prisma.sql`a."assessmentId" NOT IN (${Prisma.join(hiddenAssessments)})`);
  if (filters.status.length > 0) conditions.push(Prisma.sql`a."status" IN (${Prisma.join(filters.status)})`);
  if (filters.provider.length > 0) conditions.push(Prisma.sql`a."provider" IN (${Prisma.join(filters.provider)})`);
  // Literal TRUE/FALSE: both databases read them, and SQLite cannot bind a boolean.
  if (filters.passed)
    conditions.push(filters.passed === "yes" ? Prisma.sql`a."passed" = TRUE` : Prisma.sql`a."passed" = FALSE`);
  if (filters.flagged) conditions.push(Prisma.sql`a."integrityFlagged" = TRUE`);
  return Prisma.join(conditions, " AND ");
}

/** Counts and sums come back as bigint on PostgreSQL and number or bigint on SQLite. */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value === null || value === undefined) return 0;
  return Number(value);
}

/** A raw DATETIME: a Date on PostgreSQL, an ISO text on SQLite. */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * CASE expression numbering the week each `column` value falls in (0 = oldest), for weeks
 * starting at `starts` (ascending); rows before the first start are left out by the caller.
 */
export function weekIndex(column: Prisma.Sql, starts: readonly Date[]): Prisma.Sql {
  const branches = starts
    .map((start, index) => ({ start, index }))
    .reverse()
    .map(({ start, index }) => Prisma.sql`WHEN ${column} >= ${start} THEN ${index}`);
  return Prisma.sql`CASE ${Prisma.join(branches, " ")} ELSE -1 END`;
}
