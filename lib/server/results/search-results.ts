import "server-only";
// A job's results for a search that matches many people (more than MATCHED_CANDIDATES_LIMIT),
// in SQL written here: Prisma writes a filter on the candidate as a join checked for each of
// the job's results, so a broad search at a million results read all of them (seconds).
//  - The count starts from the matched candidates (the text index) and reaches each one's
//    results through Attempt(candidateId, jobId): work in proportion to the matches.
//  - A page, when the job's index gives the sort order (result-sorts.ts, `jobIndexed`), walks
//    that index for a bounded number of rows and keeps those whose candidate matches: a search
//    matching one result in ten fills a page of 50 after about 500 rows. When the walk comes back
//    short (a sparse match, the end of the results, or a sort no index gives), the page is read
//    the other way round: the matched candidates' results, sorted.
// SQLite: CROSS JOIN keeps the tables in the order written (its planner cannot tell how many
// people an FTS5 match returns); PostgreSQL plans the same query from its statistics.
import { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import type { JobScope, ResultsSelection } from "./job-results";
import type { ResultSort, SegmentRead } from "./result-sorts";
import { candidateMatch, databaseKindOf, matchedCandidates } from "./text-search";

export interface SearchScope {
  jobId: JobScope;
  filters: ResultsSelection;
  /** Assessments whose results the view hides (hiddenAssessmentIds). */
  hidden: string[];
  query: string;
}

/** Rows of the job's order a page's walk reads, per row of the page: a match rate of 1 in 40 fills it. */
const WALK_ROWS_PER_PAGE_ROW = 40;

export async function countSearchResults(db: Db, scope: SearchScope): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint | number }[]>(
    Prisma.sql`SELECT count(*) AS "count" FROM ${matchedResults(db, scope, false)}`,
  );
  return Number(row?.count ?? 0);
}

/** Ids of up to `take` results of one segment of the sort, in order. */
export async function readSearchSegment(
  db: Db,
  scope: SearchScope,
  sort: ResultSort,
  segment: SegmentRead,
  take: number,
): Promise<string[]> {
  if (take <= 0) return [];
  if (segment.filled && sort.column.jobIndexed) {
    const walked = await walkSegment(db, scope, sort, segment, take);
    if (walked.length === take) return walked;
  }
  return readMatchedSegment(db, scope, sort, segment, take);
}

async function walkSegment(db: Db, scope: SearchScope, sort: ResultSort, segment: SegmentRead, take: number) {
  const value = sortValue(sort);
  const direction = Prisma.raw(segment.direction === "asc" ? "ASC" : "DESC");
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT w."id"
    FROM (
      SELECT a."id", a."candidateId", ${value} AS "sortValue"
      FROM "Attempt" a
      WHERE ${resultFilters(scope)} AND ${segmentConditions(sort, segment)}
      ORDER BY ${value} ${direction}, a."id" ${direction}
      LIMIT ${take * WALK_ROWS_PER_PAGE_ROW}
    ) w ${joinInOrder(db)} "Candidate" c ON c."id" = w."candidateId"
    WHERE ${candidateMatch(db, scope.query)}
    ORDER BY w."sortValue" ${direction}, w."id" ${direction}
    LIMIT ${take}`);
  return rows.map((row) => row.id);
}

async function readMatchedSegment(db: Db, scope: SearchScope, sort: ResultSort, segment: SegmentRead, take: number) {
  const direction = Prisma.raw(segment.direction === "asc" ? "ASC" : "DESC");
  const order = segment.filled
    ? Prisma.sql`${sortValue(sort)} ${direction}, a."id" ${direction}`
    : Prisma.sql`a."id" ${direction}`;
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT a."id"
    FROM ${matchedResults(db, scope, sort.column.of === "candidate")} AND ${segmentConditions(sort, segment)}
    ORDER BY ${order}
    LIMIT ${take}`);
  return rows.map((row) => row.id);
}

/**
 * FROM and WHERE for the results of the people the search matches (alias `a`; the people as
 * `m` when joined, for a sort by name). People not in id order are gathered into a sorted list
 * first (SQLite's IN (subquery)), so the lookups move through Attempt(candidateId, jobId) in its
 * own order rather than jumping about it.
 */
function matchedResults(db: Db, scope: SearchScope, joinPeople: boolean): Prisma.Sql {
  const people = matchedCandidates(db, scope.query);
  return people.inIdOrder || joinPeople
    ? Prisma.sql`(${people.sql}) m ${joinInOrder(db)} "Attempt" a ON a."candidateId" = m."id"
        WHERE ${resultFilters(scope)}`
    : Prisma.sql`"Attempt" a WHERE a."candidateId" IN (SELECT m."id" FROM (${people.sql}) m) AND ${resultFilters(scope)}`;
}

/** SQLite: the left table drives the join, whatever the planner guesses; PostgreSQL: a join it plans. */
function joinInOrder(db: Db): Prisma.Sql {
  return Prisma.raw(databaseKindOf(db) === "sqlite" ? "CROSS JOIN" : "JOIN");
}

/** What job-results.ts's jobResultsWhere asks of a result (alias `a`), but the search. */
function resultFilters({ jobId, filters, hidden }: SearchScope): Prisma.Sql {
  const conditions = [jobId === null ? Prisma.sql`a."jobId" IS NULL` : Prisma.sql`a."jobId" = ${jobId}`];
  if (hidden.length > 0) conditions.push(Prisma.sql`a."assessmentId" NOT IN (${Prisma.join(hidden)})`);
  if (filters.ids)
    conditions.push(filters.ids.length > 0 ? Prisma.sql`a."id" IN (${Prisma.join(filters.ids)})` : Prisma.sql`1 = 0`);
  if (filters.status.length > 0) conditions.push(Prisma.sql`a."status" IN (${Prisma.join(filters.status)})`);
  if (filters.provider.length > 0) conditions.push(Prisma.sql`a."provider" IN (${Prisma.join(filters.provider)})`);
  if (filters.passed) conditions.push(Prisma.sql`a."passed" = ${filters.passed === "yes"}`);
  if (filters.flagged) conditions.push(Prisma.sql`a."integrityFlagged" = ${true}`);
  return Prisma.join(conditions, " AND ");
}

/** The sort's value: a column of the result (alias `a`), or the name of the matched person (alias `m`). */
function sortValue(sort: ResultSort): Prisma.Sql {
  const { of, name } = sort.column;
  return Prisma.raw(`${of === "candidate" ? "m" : "a"}."${name}"`);
}

/** The segment's rows past its position, as job-results.ts's pastPosition and sort.isFilled/isEmpty say. */
function segmentConditions(sort: ResultSort, { filled, direction, after }: SegmentRead): Prisma.Sql {
  const value = sortValue(sort);
  const beyond = Prisma.raw(direction === "asc" ? ">" : "<");
  const conditions: Prisma.Sql[] = [];
  if (!filled) {
    conditions.push(sort.nullable ? Prisma.sql`${value} IS NULL` : Prisma.sql`1 = 0`);
    if (after) conditions.push(Prisma.sql`a."id" ${beyond} ${after.id}`);
  } else {
    if (sort.nullable) conditions.push(Prisma.sql`${value} IS NOT NULL`);
    if (after && after.value !== null) {
      const at = sort.column.dates ? new Date(after.value) : after.value;
      conditions.push(Prisma.sql`(${value} ${beyond} ${at} OR (${value} = ${at} AND a."id" ${beyond} ${after.id}))`);
    }
  }
  return conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`1 = 1`;
}
