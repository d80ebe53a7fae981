import "server-only";
// How each sortable column of the job results view orders rows and how a keyset position on
// it reads. Empty values (no score yet, not submitted) always come last, in either
// direction, on SQLite and PostgreSQL alike: the two databases disagree on where NULLs sort,
// so empty values are queried as their own segment rather than left to the database.
import type { Prisma } from "@generated/prisma-sqlite/client";
import { z } from "zod";
import { decodeOpaque, encodeOpaque } from "./cursor";
import type { ResultSortKey, SortDirection } from "../../shared/job-results-view";

export type SortValue = number | string | null;
export type Comparison = "gt" | "lt";

export interface ResultSort {
  /** True when the column can be empty: those rows form a second segment, after the filled ones. */
  nullable: boolean;
  /** The value in SQL terms, for the queries a broad search writes itself (search-results.ts). */
  column: SortColumn;
  orderBy(direction: SortDirection): Prisma.AttemptOrderByWithRelationInput;
  /** Rows whose value is strictly greater (gt) or smaller (lt) than `value`. */
  beyond(comparison: Comparison, value: Exclude<SortValue, null>): Prisma.AttemptWhereInput;
  equals(value: Exclude<SortValue, null>): Prisma.AttemptWhereInput;
  isEmpty: Prisma.AttemptWhereInput;
  isFilled: Prisma.AttemptWhereInput;
  /** The value a row holds, as it goes into a cursor. */
  valueOf(row: SortableRow): SortValue;
  /** A cursor's value back into what the query compares with; undefined when it does not fit. */
  parse(value: unknown): SortValue | undefined;
}

export interface SortColumn {
  /** A column of the result (alias `a`), or the candidate's name (alias `c`). */
  of: "attempt" | "candidate";
  name: string;
  /** A timestamp: a cursor's ISO text goes back into the query as a Date. */
  dates: boolean;
  /**
   * An index on (jobId, this column) gives a job's rows in this order (a run of equal values is
   * then sorted by id), so a broad search's page is found by walking it (schema.prisma's Attempt
   * indexes). Not so for status: a status's run is most of the job.
   */
  jobIndexed: boolean;
}

/** One of a sort's two segments (filled values, then empty ones), read in a direction from just past a position. */
export interface SegmentRead {
  filled: boolean;
  direction: SortDirection;
  after: KeysetPosition | null;
}

export interface SortableRow {
  score: number | null;
  proctoringScore: number | null;
  violationCount: number | null;
  durationSeconds: number | null;
  submittedAt: Date | null;
  updatedAt: Date;
  status: string;
  candidate: { name: string };
}

type AttemptField =
  "score" | "proctoringScore" | "violationCount" | "durationSeconds" | "submittedAt" | "updatedAt" | "status";

const parsers = {
  number: z.number().finite(),
  date: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  text: z.string(),
};

function columnSort(
  field: AttemptField,
  kind: keyof typeof parsers,
  nullable: boolean,
  jobIndexed = false,
): ResultSort {
  const where = (condition: unknown) => ({ [field]: condition }) as Prisma.AttemptWhereInput;
  const toQueryValue = (value: string | number) => (kind === "date" ? new Date(value) : value);
  return {
    nullable,
    column: { of: "attempt", name: field, dates: kind === "date", jobIndexed },
    orderBy: (direction) => ({ [field]: direction }) as Prisma.AttemptOrderByWithRelationInput,
    beyond: (comparison, value) => where({ [comparison]: toQueryValue(value) }),
    equals: (value) => where(toQueryValue(value)),
    // A required column has no empty segment: nothing matches "empty", everything is "filled".
    isEmpty: nullable ? where(null) : { id: { in: [] } },
    isFilled: nullable ? where({ not: null }) : {},
    valueOf: (row) => {
      const value = row[field];
      return value instanceof Date ? value.toISOString() : value;
    },
    parse: (value) => {
      if (value === null) return nullable ? null : undefined;
      const parsed = parsers[kind].safeParse(value);
      if (!parsed.success) return undefined;
      return parsed.data instanceof Date ? parsed.data.toISOString() : parsed.data;
    },
  };
}

const candidateNameSort: ResultSort = {
  nullable: false,
  column: { of: "candidate", name: "name", dates: false, jobIndexed: false },
  orderBy: (direction) => ({ candidate: { name: direction } }),
  beyond: (comparison, value) => ({ candidate: { name: { [comparison]: String(value) } } }),
  equals: (value) => ({ candidate: { name: String(value) } }),
  isEmpty: { id: { in: [] } },
  isFilled: {},
  valueOf: (row) => row.candidate.name,
  parse: (value) => (typeof value === "string" ? value : undefined),
};

export const RESULT_SORTS: Record<ResultSortKey, ResultSort> = {
  submittedAt: columnSort("submittedAt", "date", true, true),
  score: columnSort("score", "number", true, true),
  proctoringScore: columnSort("proctoringScore", "number", true),
  violationCount: columnSort("violationCount", "number", true),
  durationSeconds: columnSort("durationSeconds", "number", true),
  updatedAt: columnSort("updatedAt", "date", false, true),
  status: columnSort("status", "text", false),
  candidate: candidateNameSort,
};

// Cursors: the sort value and id of a row, so the next page starts right after it at any depth.
const cursorSchema = z.object({ v: z.union([z.number(), z.string(), z.null()]), i: z.string().min(1).max(100) });

export interface KeysetPosition {
  value: SortValue;
  id: string;
}

export function encodeKeyset(position: KeysetPosition): string {
  return encodeOpaque({ v: position.value, i: position.id });
}

/** A cursor for this sort, or null when it is not one (stale link, another sort, tampered). */
export function decodeKeyset(cursor: string, sort: ResultSort): KeysetPosition | null {
  const decoded = decodeOpaque(cursor, cursorSchema);
  if (!decoded) return null;
  const value = sort.parse(decoded.v);
  return value === undefined ? null : { value, id: decoded.i };
}
