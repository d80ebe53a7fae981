import "server-only";
// Which tally cells (ResultTally, InsightTally, WeekTally: one key shape, kept by triggers on
// Attempt) belong to a job's view: the job table's filters but the free-text search, which
// narrows the table only. A provider filter becomes the job's assessments from that provider.
import type { Db } from "../db";
import type { ResultsFilters } from "../../shared/job-results-view";

export type InsightFilters = Omit<ResultsFilters, "q">;

/** A job id, or null for results whose assessment names no job. */
export type InsightScope = string | null;

/** The tallies' job key for results whose assessment names no job. */
export const UNLINKED_TALLY_KEY = "";

export interface TallyCells {
  /** A where clause every tally model takes. */
  where: ReturnType<typeof tallyWhere<{ in: string[] }>>;
  /** The provider of each assessment in scope. */
  providerOf: Map<string, string>;
}

/** `hiddenAssessments`: the withdrawn assessments the table hides too (hiddenAssessmentIds). */
export async function tallyCells(
  db: Db,
  jobId: InsightScope,
  filters: InsightFilters,
  hiddenAssessments: readonly string[] = [],
): Promise<TallyCells> {
  const assessments = await db.assessment.findMany({
    where: {
      jobId,
      id: { notIn: [...hiddenAssessments] },
      ...(filters.provider.length > 0 && { provider: { in: filters.provider } }),
    },
    select: { id: true, provider: true },
  });
  const providerOf = new Map(assessments.map((assessment) => [assessment.id, assessment.provider]));
  return { providerOf, where: tallyWhere(jobId, filters, { in: [...providerOf.keys()] }) };
}

/**
 * The where clause of a job's tally cells under these filters, over the assessments given: the
 * one place the filters' names become the tallies' columns (the job table's count uses it too).
 */
export function tallyWhere<Assessments extends { in?: string[]; notIn?: string[] }>(
  jobId: InsightScope,
  filters: { status: readonly string[]; passed?: "yes" | "no"; flagged?: "yes" },
  assessmentId: Assessments,
) {
  return {
    jobKey: jobId ?? UNLINKED_TALLY_KEY,
    assessmentId,
    ...(filters.status.length > 0 && { status: { in: [...filters.status] } }),
    ...(filters.passed && { verdict: filters.passed === "yes" ? "passed" : "failed" }),
    ...(filters.flagged && { flagged: true as const }),
  };
}
