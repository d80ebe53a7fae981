import "server-only";
// Per-job counts, average and pass rate for the jobs overview, read from ResultTally: a few
// hundred rows per job, kept current by triggers on Attempt (prisma/schema.prisma), so the
// overview costs the same at a thousand results and at a million.
import type { Db } from "../db";
import type { AttemptStatus } from "../../shared/vocabulary";
import { UNLINKED_TALLY_KEY, tallyWhere } from "../insights/tally-cells";
import { WITHDRAWN_LIFECYCLES } from "./job-results";

export interface JobTally {
  results: number;
  byStatus: Partial<Record<AttemptStatus, number>>;
  /** Mean of score / max score, in percent, over scored results. */
  averagePercent: number | null;
  /** Passed / (passed + failed), in percent, over results with a verdict. */
  passRate: number | null;
}

export async function jobTallies(db: Db, jobIds: string[], withUnlinked: boolean) {
  const keys = [...jobIds, ...(withUnlinked ? [UNLINKED_TALLY_KEY] : [])];
  // Results of withdrawn (archived or deleted) assessments are left out of the figures.
  const withdrawn = await db.assessment.findMany({
    where: {
      lifecycle: { in: WITHDRAWN_LIFECYCLES },
      OR: [{ jobId: { in: jobIds } }, ...(withUnlinked ? [{ jobId: null }] : [])],
    },
    select: { id: true },
  });
  const cells = await db.resultTally.groupBy({
    by: ["jobKey", "status", "verdict"],
    where: { jobKey: { in: keys }, assessmentId: { notIn: withdrawn.map((assessment) => assessment.id) } },
    _sum: { results: true, scored: true, percentSum: true },
  });

  const sums = new Map<
    string,
    {
      byStatus: Partial<Record<AttemptStatus, number>>;
      passed: number;
      decided: number;
      scored: number;
      percentSum: number;
    }
  >();
  for (const cell of cells) {
    const results = cell._sum.results ?? 0;
    let job = sums.get(cell.jobKey);
    if (!job) {
      job = { byStatus: {}, passed: 0, decided: 0, scored: 0, percentSum: 0 };
      sums.set(cell.jobKey, job);
    }
    // Cells every result has left stay behind with zero counts: they are not a status seen.
    if (results !== 0) {
      const status = cell.status as AttemptStatus;
      job.byStatus[status] = (job.byStatus[status] ?? 0) + results;
    }
    if (cell.verdict !== "") job.decided += results;
    if (cell.verdict === "passed") job.passed += results;
    job.scored += cell._sum.scored ?? 0;
    job.percentSum += cell._sum.percentSum ?? 0;
  }

  return {
    of(jobId: string | null): JobTally {
      const job = sums.get(jobId ?? UNLINKED_TALLY_KEY);
      const byStatus = job?.byStatus ?? {};
      return {
        results: Object.values(byStatus).reduce((total, count) => total + (count ?? 0), 0),
        byStatus,
        averagePercent: job && job.scored > 0 ? job.percentSum / job.scored : null,
        passRate: job && job.decided > 0 ? (job.passed / job.decided) * 100 : null,
      };
    },
  };
}

/** What a count from the tallies can honour: everything in a results view but a search or a row selection. */
export interface TallyFilters {
  status: string[];
  provider: string[];
  passed?: "yes" | "no";
  flagged?: "yes";
}

/**
 * The number of a job's results that pass these filters, summed from its tally cells instead
 * of counted row by row (a million results' count is a scan of a million index entries).
 * A provider filter becomes the job's assessments from that provider: each assessment
 * belongs to one provider, and its results to it.
 */
export async function countFromTallies(
  db: Db,
  jobId: string | null,
  filters: TallyFilters,
  hiddenAssessments: string[],
): Promise<number> {
  const providerAssessments =
    filters.provider.length > 0
      ? (
          await db.assessment.findMany({ where: { jobId, provider: { in: filters.provider } }, select: { id: true } })
        ).map((assessment) => assessment.id)
      : null;
  const total = await db.resultTally.aggregate({
    where: tallyWhere(jobId, filters, {
      notIn: hiddenAssessments,
      ...(providerAssessments && { in: providerAssessments }),
    }),
    _sum: { results: true },
  });
  return total._sum.results ?? 0;
}
