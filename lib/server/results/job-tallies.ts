import "server-only";
// Per-job counts, average and pass rate for the jobs overview, read from ResultTally: a few
// hundred rows per job, kept current by triggers on Attempt (prisma/schema.prisma), so the
// overview costs the same at a thousand results and at a million.
import type { Db } from "../db";
import type { AttemptStatus } from "../../shared/vocabulary";
import { WITHDRAWN_LIFECYCLES } from "./job-results";

export interface JobTally {
  results: number;
  byStatus: Partial<Record<AttemptStatus, number>>;
  /** Mean of score / max score, in percent, over scored results. */
  averagePercent: number | null;
  /** Passed / (passed + failed), in percent, over results with a verdict. */
  passRate: number | null;
}

/** ResultTally's key for results not linked to a job. */
const UNLINKED = "";

export async function jobTallies(db: Db, jobIds: string[], withUnlinked: boolean) {
  const keys = [...jobIds, ...(withUnlinked ? [UNLINKED] : [])];
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
      const job = sums.get(jobId ?? UNLINKED);
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
