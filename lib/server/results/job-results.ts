import "server-only";
// The results of one job, as the /jobs/[id] table and its CSV export read them: filtered and
// sorted in the database, paged by keyset (the last row's sort value and id), so the first
// page and the thousandth cost the same at 100,000 results.
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import { candidateIdsMatching, candidateMatching } from "./text-search";
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
 * (text-search.ts): their ids, or null for a search too broad for a list of ids.
 */
export async function searchedCandidateIds(db: Db, filters: ResultsSelection): Promise<string[] | null | undefined> {
  const search = filters.q?.trim();
  return search ? candidateIdsMatching(db, search) : undefined;
}

export function jobResultsWhere(
  db: Db,
  jobId: JobScope,
  filters: ResultsSelection,
  hiddenAssessments: string[] = [],
  searchedCandidates?: string[] | null,
): Prisma.AttemptWhereInput {
  const search = filters.q?.trim();
  return {
    jobId,
    ...(hiddenAssessments.length > 0 && { assessmentId: { notIn: hiddenAssessments } }),
    ...(filters.ids && { id: { in: filters.ids } }),
    ...(filters.status.length > 0 && { status: { in: filters.status } }),
    ...(filters.provider.length > 0 && { provider: { in: filters.provider } }),
    ...(filters.passed && { passed: filters.passed === "yes" }),
    ...(filters.flagged && { integrityFlagged: true }),
    ...(search &&
      (searchedCandidates
        ? { candidateId: { in: searchedCandidates } }
        : { candidate: candidateMatching(db, search) })),
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
  return db.attempt.count({ where: jobResultsWhere(db, jobId, filters, hidden, searched) });
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
  const where = jobResultsWhere(db, jobId, filters, hidden, searched);
  const after = page.after ? decodeKeyset(page.after, sort) : null;
  const before = !after && page.before ? decodeKeyset(page.before, sort) : null;

  if (before) {
    const earlier = await readBackward(db, where, sort, page.dir, before, page.size + 1);
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

  const fetched = await readForward(db, where, sort, page.dir, after, page.size + 1);
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

/** Rows after `position` in the order (value, id): a later value, or the same value and a later id. */
function pastPosition(
  sort: ResultSort,
  comparison: Comparison,
  value: string | number,
  id: string,
): Prisma.AttemptWhereInput {
  return { OR: [sort.beyond(comparison, value), { AND: [sort.equals(value), { id: { [comparison]: id } }] }] };
}

async function readSegment(
  db: Db,
  where: Prisma.AttemptWhereInput[],
  orderBy: Prisma.AttemptOrderByWithRelationInput[],
  take: number,
) {
  if (take <= 0) return [];
  return db.attempt.findMany({ where: { AND: where }, orderBy, take, select: jobResultSelect });
}

/** Filled values in the chosen order, then empty ones by id. */
async function readForward(
  db: Db,
  where: Prisma.AttemptWhereInput,
  sort: ResultSort,
  direction: SortDirection,
  position: KeysetPosition | null,
  take: number,
): Promise<JobResultRecord[]> {
  const comparison = comparisonFor(direction);
  const rows: JobResultRecord[] = [];
  if (!position || position.value !== null) {
    const past = position?.value != null ? [pastPosition(sort, comparison, position.value, position.id)] : [];
    rows.push(
      ...(await readSegment(db, [where, sort.isFilled, ...past], [sort.orderBy(direction), { id: direction }], take)),
    );
  }
  if (sort.nullable && rows.length < take) {
    const past = position?.value === null ? [{ id: { [comparison]: position.id } }] : [];
    rows.push(...(await readSegment(db, [where, sort.isEmpty, ...past], [{ id: direction }], take - rows.length)));
  }
  return rows;
}

/** The rows before `position`, nearest first: the same two segments walked backwards. */
async function readBackward(
  db: Db,
  where: Prisma.AttemptWhereInput,
  sort: ResultSort,
  direction: SortDirection,
  position: KeysetPosition,
  take: number,
): Promise<JobResultRecord[]> {
  const reverse = opposite(direction);
  const comparison = comparisonFor(reverse);
  const rows: JobResultRecord[] = [];
  if (position.value === null) {
    rows.push(
      ...(await readSegment(db, [where, sort.isEmpty, { id: { [comparison]: position.id } }], [{ id: reverse }], take)),
    );
  }
  const past = position.value !== null ? [pastPosition(sort, comparison, position.value, position.id)] : [];
  rows.push(
    ...(await readSegment(
      db,
      [where, sort.isFilled, ...past],
      [sort.orderBy(reverse), { id: reverse }],
      take - rows.length,
    )),
  );
  return rows;
}
