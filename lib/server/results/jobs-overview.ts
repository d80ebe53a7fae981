import "server-only";
// The /jobs list: each job with its results counted by status, average score and pass rate,
// read from the per-job tallies the database keeps (job-tallies.ts), never by loading every result.
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import type { AttemptStatus } from "../../shared/vocabulary";
import { textContains } from "./text-search";
import { jobTallies } from "./job-tallies";

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
  const stats = await jobTallies(
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
