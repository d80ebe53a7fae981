import "server-only";
// What the /jobs/[id] page says about the job above its results table.
import type { Db } from "../db";
import { isProviderId, PROVIDER_LABELS } from "../../shared/vocabulary";

/** The path segment that stands for "results whose assessment is not linked to a job". */
export const UNLINKED_JOB_SEGMENT = "unlinked";

export interface JobHeader {
  id: string | null;
  title: string;
  assessments: { name: string; provider: string; lifecycle: string }[];
}

export async function findJobHeader(db: Db, segment: string): Promise<JobHeader | null> {
  const jobId = segment === UNLINKED_JOB_SEGMENT ? null : segment;
  const assessments = await db.assessment.findMany({
    where: { jobId },
    orderBy: { name: "asc" },
    take: 50,
    select: { name: true, provider: true, lifecycle: true },
  });
  const named = assessments.map((assessment) => ({
    name: assessment.name,
    provider: isProviderId(assessment.provider) ? PROVIDER_LABELS[assessment.provider] : assessment.provider,
    lifecycle: assessment.lifecycle,
  }));
  if (jobId === null) return { id: null, title: "Results not linked to a job", assessments: named };
  const job = await db.job.findUnique({ where: { id: jobId }, select: { id: true, title: true } });
  return job ? { ...job, assessments: named } : null;
}
