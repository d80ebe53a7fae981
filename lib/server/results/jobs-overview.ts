import "server-only";
// The /jobs list: each job with its results counted by status, average score and pass rate,
// read from the per-job tallies the database keeps (job-tallies.ts), never by loading every result.
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import type { AttemptStatus } from "../../shared/vocabulary";
import { textContains } from "./text-search";
import { jobTallies } from "./job-tallies";
import { archiveWhere, type ArchiveView } from "../insights/job-archive";
import { jobOrderValues, orderJobs, type JobOrder } from "../insights/job-trends";

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

export interface JobsOverviewOptions {
  q?: string;
  page?: number;
  /** Whose archive to honour, and whether to list the archived jobs or the others. */
  archive?: ArchiveView;
  order?: JobOrder;
  direction?: "asc" | "desc";
  now?: Date;
}

const jobSelect = {
  id: true,
  title: true,
  lastActivityAt: true,
  _count: { select: { assessments: true } },
} satisfies Prisma.JobSelect;

export async function listJobsOverview(db: Db, options: JobsOverviewOptions): Promise<JobsOverviewPage> {
  const page = Math.max(1, options.page ?? 1);
  const where: Prisma.JobWhereInput = {
    ...(options.q ? { title: textContains(db, options.q) } : {}),
    ...(options.archive ? archiveWhere(options.archive) : {}),
  };
  const [totalJobs, jobs] = await Promise.all([db.job.count({ where }), pageOfJobs(db, where, page, options)]);
  const withUnlinked = page === 1 && !options.q && options.archive?.show !== "archived";
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

async function pageOfJobs(db: Db, where: Prisma.JobWhereInput, page: number, options: JobsOverviewOptions) {
  const order = options.order ?? "activity";
  if (order === "activity") {
    return db.job.findMany({
      where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * JOBS_PER_PAGE,
      take: JOBS_PER_PAGE,
      select: jobSelect,
    });
  }
  // Ordered by an aggregate: rank every listed job (jobs are few beside results), then read one page.
  const [candidates, values] = await Promise.all([
    db.job.findMany({ where, select: { id: true, lastActivityAt: true } }),
    jobOrderValues(db, order, options.now ?? new Date()),
  ]);
  const ids = orderJobs(candidates, values, options.direction ?? "desc").slice(
    (page - 1) * JOBS_PER_PAGE,
    page * JOBS_PER_PAGE,
  );
  const rows = await db.job.findMany({ where: { id: { in: ids } }, select: jobSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
