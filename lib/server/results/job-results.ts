import "server-only";
// The results of one job, as the /jobs/[id] table and its CSV export read them: filtered and
// sorted in the database, paged by keyset (the last row's sort value and id), so the first
// page and the thousandth cost the same at 100,000 results.
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import { candidateIdsMatching } from "./text-search";
import { countSearchResults, readSearchSegment, type SearchScope } from "./search-results";
import { countFromTallies } from "./job-tallies";
import { attemptScoreSelect } from "./score-select";
import type { ResultsFilters, ResultsView, SortDirection } from "../../shared/job-results-view";
import {
  RESULT_SORTS,
  decodeKeyset,
  encodeKeyset,
  type Comparison,
  type KeysetPosition,
  type ResultSort,
  type SegmentRead,
} from "./result-sorts";

/** A job id, or null for the results whose assessment is not linked to any job. */
export type JobScope = string | null;

export interface ResultsSelection extends ResultsFilters {
  /** Only these attempts (a recruiter's row selection); filters still apply. */
  ids?: string[];
}

/** Lifecycles of an assessment its provider withdrew: its results are kept but hidden by default. */
export const WITHDRAWN_LIFECYCLES = ["archived", "deleted"];

/**
 * The job's withdrawn assessments whose results the view hides: read first (few rows, by the
 * jobId index) so the results query filters by assessment id and keeps its own indexes.
 */
export async function hiddenAssessmentIds(db: Db, jobId: JobScope, filters: ResultsSelection): Promise<string[]> {
  if (filters.withdrawn === "show") return [];
  const withdrawn = await db.assessment.findMany({
    where: { jobId, lifecycle: { in: WITHDRAWN_LIFECYCLES } },
    select: { id: true },
  });
  return withdrawn.map((assessment) => assessment.id);
}

/**
 * The candidates a search matches, read through the text index before the results query
 * (text-search.ts): their ids, or null for a search too broad for a list of ids, which
 * search-results.ts answers in SQL of its own.
 */
export async function searchedCandidateIds(db: Db, filters: ResultsSelection): Promise<string[] | null | undefined> {
  const search = filters.q?.trim();
  return search ? candidateIdsMatching(db, search) : undefined;
}

/** The filters as a Prisma filter; a search as the ids of the people it matches (searchedCandidateIds). */
export function jobResultsWhere(
  jobId: JobScope,
  filters: ResultsSelection,
  hiddenAssessments: string[] = [],
  searchedCandidates?: string[],
): Prisma.AttemptWhereInput {
  return {
    jobId,
    ...(hiddenAssessments.length > 0 && { assessmentId: { notIn: hiddenAssessments } }),
    ...(filters.ids && { id: { in: filters.ids } }),
    ...(filters.status.length > 0 && { status: { in: filters.status } }),
    ...(filters.provider.length > 0 && { provider: { in: filters.provider } }),
    ...(filters.passed && { passed: filters.passed === "yes" }),
    ...(filters.flagged && { integrityFlagged: true }),
    ...(searchedCandidates && { candidateId: { in: searchedCandidates } }),
  };
}

export const jobResultSelect = {
  id: true,
  ...attemptScoreSelect,
  proctoringScore: true,
  violationCount: true,
  integrityFlagged: true,
  submittedAt: true,
  durationSeconds: true,
  updatedAt: true,
  reportUrl: true,
  recordingUrl: true,
  candidate: { select: { id: true, name: true, email: true } },
  gradingBand: true,
  sections: true,
  proctoringDetails: true,
  assessmentId: true,
  assessment: { select: { name: true, lifecycle: true } },
} satisfies Prisma.AttemptSelect;

export type JobResultRecord = Prisma.AttemptGetPayload<{ select: typeof jobResultSelect }>;

export interface JobResultsPage {
  rows: JobResultRecord[];
  /** Cursor of the page after this one, or null on the last page. */
  nextCursor: string | null;
  /** Cursor of the page before this one, or null on the first page. */
  previousCursor: string | null;
}

export async function countJobResults(db: Db, jobId: JobScope, filters: ResultsSelection): Promise<number> {
  const [hidden, searched] = await Promise.all([
    hiddenAssessmentIds(db, jobId, filters),
    searchedCandidateIds(db, filters),
  ]);
  // Without a search or a row selection, the tallies the database keeps answer the count.
  if (searched === undefined && !filters.ids) return countFromTallies(db, jobId, filters, hidden);
  if (searched === null) return countSearchResults(db, { jobId, filters, hidden, query: filters.q ?? "" });
  return db.attempt.count({ where: jobResultsWhere(jobId, filters, hidden, searched) });
}

type PageRequest = Pick<ResultsView, "sort" | "dir" | "after" | "before"> & { size: number };

export async function listJobResults(
  db: Db,
  jobId: JobScope,
  filters: ResultsSelection,
  page: PageRequest,
): Promise<JobResultsPage> {
  const sort = RESULT_SORTS[page.sort];
  const [hidden, searched] = await Promise.all([
    hiddenAssessmentIds(db, jobId, filters),
    searchedCandidateIds(db, filters),
  ]);
  const read =
    searched === null
      ? searchSegments(db, { jobId, filters, hidden, query: filters.q ?? "" }, sort)
      : prismaSegments(db, jobResultsWhere(jobId, filters, hidden, searched), sort);
  const after = page.after ? decodeKeyset(page.after, sort) : null;
  const before = !after && page.before ? decodeKeyset(page.before, sort) : null;

  if (before) {
    const earlier = await readBackward(read, page.dir, before, page.size + 1);
    // Fewer rows before than a page: show the full first page instead of a short one.
    if (earlier.length > page.size) {
      const rows = earlier.slice(0, page.size).reverse();
      return {
        rows,
        previousCursor: cursorOf(sort, rows[0]),
        nextCursor: cursorOf(sort, rows.at(-1)),
      };
    }
  }

  const fetched = await readForward(read, sort, page.dir, after, page.size + 1);
  const rows = fetched.slice(0, page.size);
  return {
    rows,
    previousCursor: after ? cursorOf(sort, rows[0]) : null,
    nextCursor: fetched.length > page.size ? cursorOf(sort, rows.at(-1)) : null,
  };
}

function cursorOf(sort: ResultSort, row: JobResultRecord | undefined): string | null {
  return row ? encodeKeyset({ value: sort.valueOf(row), id: row.id }) : null;
}

function opposite(direction: SortDirection): SortDirection {
  return direction === "asc" ? "desc" : "asc";
}

function comparisonFor(direction: SortDirection): Comparison {
  return direction === "asc" ? "gt" : "lt";
}

/** Reads up to `take` rows of one segment of the sort, in order. */
type SegmentReader = (segment: SegmentRead, take: number) => Promise<JobResultRecord[]>;

/** Rows after `position` in the order (value, id): a later value, or the same value and a later id. */
function pastPosition(
  sort: ResultSort,
  comparison: Comparison,
  value: string | number,
  id: string,
): Prisma.AttemptWhereInput {
  return { OR: [sort.beyond(comparison, value), { AND: [sort.equals(value), { id: { [comparison]: id } }] }] };
}

function prismaSegments(db: Db, where: Prisma.AttemptWhereInput, sort: ResultSort): SegmentReader {
  return async ({ filled, direction, after }, take) => {
    if (take <= 0) return [];
    const comparison = comparisonFor(direction);
    const conditions = filled
      ? [sort.isFilled, ...(after?.value != null ? [pastPosition(sort, comparison, after.value, after.id)] : [])]
      : [sort.isEmpty, ...(after ? [{ id: { [comparison]: after.id } }] : [])];
    const orderBy = filled ? [sort.orderBy(direction), { id: direction }] : [{ id: direction }];
    return db.attempt.findMany({ where: { AND: [where, ...conditions] }, orderBy, take, select: jobResultSelect });
  };
}

function searchSegments(db: Db, scope: SearchScope, sort: ResultSort): SegmentReader {
  return async (segment, take) => {
    const ids = await readSearchSegment(db, scope, sort, segment, take);
    if (ids.length === 0) return [];
    const rows = await db.attempt.findMany({ where: { id: { in: ids } }, select: jobResultSelect });
    const byId = new Map(rows.map((row) => [row.id, row]));
    // A result deleted between the two reads is left out.
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
}

/** Filled values in the chosen order, then empty ones by id. */
async function readForward(
  read: SegmentReader,
  sort: ResultSort,
  direction: SortDirection,
  position: KeysetPosition | null,
  take: number,
): Promise<JobResultRecord[]> {
  const rows: JobResultRecord[] = [];
  if (!position || position.value !== null)
    rows.push(...(await read({ filled: true, direction, after: position }, take)));
  if (sort.nullable && rows.length < take) {
    const after = position?.value === null ? position : null;
    rows.push(...(await read({ filled: false, direction, after }, take - rows.length)));
  }
  return rows;
}

/** The rows before `position`, nearest first: the same two segments walked backwards. */
async function readBackward(
  read: SegmentReader,
  direction: SortDirection,
  position: KeysetPosition,
  take: number,
): Promise<JobResultRecord[]> {
  const reverse = opposite(direction);
  const rows: JobResultRecord[] = [];
  if (position.value === null) rows.push(...(await read({ filled: false, direction: reverse, after: position }, take)));
  const after = position.value !== null ? position : null;
  rows.push(...(await read({ filled: true, direction: reverse, after }, take - rows.length)));
  return rows;
}
