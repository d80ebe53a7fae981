import "server-only";
// Linking an assessment whose provider names no job (the assessment engine's never do) to a job,
// by hand. Its results, past and future, follow: stored attempts move now, and new ones take the
// assessment's job as they arrive. A provider that later names a job wins (ingestion releases the
// link and tells the person who made it: apply/tables/job-links.ts).
import type { Db } from "../db";
import { UserFacingError } from "../errors";

export interface LinkableAssessment {
  id: string;
  name: string;
  provider: string;
  jobId: string | null;
  linkedByName: string | null;
}

/** Assessments a person may link or unlink: no job yet, or a job a person chose. */
export async function linkableAssessments(db: Db, jobId: string | null): Promise<LinkableAssessment[]> {
  const rows = await db.assessment.findMany({
    where: jobId === null ? { jobId: null } : { jobId, jobLinkedById: { not: null } },
    orderBy: { name: "asc" },
    take: 100,
    select: { id: true, name: true, provider: true, jobId: true, jobLinkedBy: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    provider: row.provider,
    jobId: row.jobId,
    linkedByName: row.jobLinkedBy?.name ?? null,
  }));
}

export async function linkAssessmentToJob(
  db: Db,
  input: { assessmentId: string; jobId: string; userId: string },
  now = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { id: input.jobId }, select: { id: true } });
    if (!job) throw new UserFacingError("That job no longer exists.");
    // Only an assessment without a job, or one a person linked: never move a job the provider named.
    const linked = await tx.assessment.updateMany({
      where: { id: input.assessmentId, OR: [{ jobId: null }, { jobLinkedById: { not: null } }] },
      data: { jobId: job.id, jobLinkedById: input.userId, jobLinkedAt: now },
    });
    if (linked.count === 0) {
      throw new UserFacingError("This assessment's provider names its job, or the assessment no longer exists.");
    }
    await tx.attempt.updateMany({ where: { assessmentId: input.assessmentId }, data: { jobId: job.id } });
  });
}

export async function unlinkAssessment(db: Db, assessmentId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const unlinked = await tx.assessment.updateMany({
      where: { id: assessmentId, jobLinkedById: { not: null } },
      data: { jobId: null, jobLinkedById: null, jobLinkedAt: null },
    });
    if (unlinked.count === 0) {
      throw new UserFacingError("Only an assessment a person linked can be unlinked; its provider names this job.");
    }
    await tx.attempt.updateMany({ where: { assessmentId }, data: { jobId: null } });
  });
}
