import "server-only";
// The /jobs list: each job with its results counted by status, average score and pass rate,
// aggregated by the database (groupBy), never by loading every result.
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import { WITHDRAWN_LIFECYCLES } from "./job-results";
import type { AttemptStatus } from "../../shared/vocabulary";
import { textContains } from "./text-search";

export const JOBS_PER_PAGE = 50;

export interface JobOverview {
  /** Null for the results whose assessment is not linked to a job. */
  id: string | null;
  title: string;
  assessments: number;
  lastActivityAt: Date | null;
  results: number;
  byStatus: Partial<Record<AttemptStatus, number>>;
  /** Mean of score / max score, in percent, over scored results. */
  averagePercent: number | null;
  /** Passed / (passed + failed), in percent, over results with a verdict. */
  passRate: number | null;
}

export interface JobsOverviewPage {
  jobs: JobOverview[];
  /** Results not linked to any job, shown on the first page when there are any. */
  unlinked: JobOverview | null;
  totalJobs: number;
  page: number;
  pageCount: number;
}

export async function listJobsOverview(db: Db, options: { q?: string; page?: number }): Promise<JobsOverviewPage> {
  const page = Math.max(1, options.page ?? 1);
  const where: Prisma.JobWhereInput = options.q ? { title: textContains(db, options.q) } : {};
  const [totalJobs, jobs] = await Promise.all([
    db.job.count({ where }),
    db.job.findMany({
      where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * JOBS_PER_PAGE,
      take: JOBS_PER_PAGE,
      select: { id: true, title: true, lastActivityAt: true, _count: { select: { assessments: true } } },
    }),
  ]);
  const withUnlinked = page === 1 && !options.q;
  const stats = await resultStats(
    db,
    jobs.map((job) => job.id),
    withUnlinked,
  );

  const overview = jobs.map((job) => ({
    ...stats.of(job.id),
    id: job.id,
    title: job.title,
    assessments: job._count.assessments,
    lastActivityAt: job.lastActivityAt,
  }));
  let unlinked: JobOverview | null = null;
  if (withUnlinked && stats.of(null).results > 0) {
    const [assessments, latest] = await Promise.all([
      db.assessment.count({ where: { jobId: null } }),
      db.attempt.findFirst({ where: { jobId: null }, orderBy: { updatedAt: "desc" }, select: { updatedAt: true } }),
    ]);
    unlinked = {
      ...stats.of(null),
      id: null,
      title: "Not linked to a job",
      assessments,
      lastActivityAt: latest?.updatedAt ?? null,
    };
  }
  return { jobs: overview, unlinked, totalJobs, page, pageCount: Math.max(1, Math.ceil(totalJobs / JOBS_PER_PAGE)) };
}

type Stats = Omit<JobOverview, "id" | "title" | "assessments" | "lastActivityAt">;

interface Tally {
  results: number;
  byStatus: Partial<Record<AttemptStatus, number>>;
  passed: number;
  decided: number;
  percentSum: number;
  scored: number;
}

async function resultStats(db: Db, jobIds: string[], withUnlinked: boolean) {
  // Two grouped scans per scope: status counts come from the (jobId, status, score) index
  // alone; verdicts and score scales share one pass over the rows. Unlinked results are a
  // separate scope because "jobId IN (…) OR jobId IS NULL" defeats the index.
  const scopes: Prisma.AttemptWhereInput[] = [{ jobId: { in: jobIds } }, ...(withUnlinked ? [{ jobId: null }] : [])];
  // Results of withdrawn assessments are left out of the figures. There are few such assessments,
  // so their results are tallied on their own and taken away: the scans above keep their index.
  const withdrawn = await db.assessment.findMany({
    where: {
      lifecycle: { in: WITHDRAWN_LIFECYCLES },
      OR: [{ jobId: { in: jobIds } }, ...(withUnlinked ? [{ jobId: null }] : [])],
    },
    select: { id: true },
  });
  const withdrawnScope: Prisma.AttemptWhereInput[] =
    withdrawn.length > 0 ? [{ assessmentId: { in: withdrawn.map((assessment) => assessment.id) } }] : [];
  const grouped = await Promise.all(
    [...scopes, ...withdrawnScope].map((where) =>
      Promise.all([
        db.attempt.groupBy({ by: ["jobId", "status"], where, _count: { _all: true } }),
        db.attempt.groupBy({
          by: ["jobId", "passed", "maxScore"],
          where,
          _count: { _all: true, score: true },
          _avg: { score: true },
        }),
      ]),
    ),
  );

  const tallies = new Map<string | null, Tally>();
  const tally = (jobId: string | null) => {
    let found = tallies.get(jobId);
    if (!found) {
      found = { results: 0, byStatus: {}, passed: 0, decided: 0, percentSum: 0, scored: 0 };
      tallies.set(jobId, found);
    }
    return found;
  };
  grouped.forEach(([byStatus, byVerdictAndScale], index) => {
    // The last scope, when there is one beyond the jobs', is the withdrawn results: subtracted.
    const sign = index >= scopes.length ? -1 : 1;
    for (const group of byStatus) {
      const job = tally(group.jobId);
      job.results += sign * group._count._all;
      const status = group.status as AttemptStatus;
      job.byStatus[status] = (job.byStatus[status] ?? 0) + sign * group._count._all;
      if (job.byStatus[status] === 0) delete job.byStatus[status];
    }
    for (const group of byVerdictAndScale) {
      const job = tally(group.jobId);
      if (group.passed !== null) {
        job.decided += sign * group._count._all;
        if (group.passed) job.passed += sign * group._count._all;
      }
      // Providers score on different scales: average per scale, then combine as percentages.
      if (group._avg.score !== null && group.maxScore && group.maxScore > 0) {
        job.percentSum += sign * (group._avg.score / group.maxScore) * 100 * group._count.score;
        job.scored += sign * group._count.score;
      }
    }
  });

  return {
    of(jobId: string | null): Stats {
      const job = tally(jobId);
      return {
        results: job.results,
        byStatus: job.byStatus,
        averagePercent: job.scored > 0 ? job.percentSum / job.scored : null,
        passRate: job.decided > 0 ? (job.passed / job.decided) * 100 : null,
      };
    },
  };
}
