import "server-only";
// "Follow this job": followers (JobMember rows) get a notification when a candidate of the
// job finishes (see notifyJobMembers in ingestion/apply-events.ts).
import type { Db } from "../db";

export async function isFollowingJob(db: Db, jobId: string, userId: string): Promise<boolean> {
  const member = await db.jobMember.findUnique({ where: { jobId_userId: { jobId, userId } }, select: { jobId: true } });
  return member !== null;
}

export async function setFollowingJob(
  db: Db,
  jobId: string,
  userId: string,
  follow: boolean,
): Promise<"following" | "not-following" | "no-such-job"> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { id: true } });
  if (!job) return "no-such-job";
  if (follow) {
    await db.jobMember.upsert({
      where: { jobId_userId: { jobId, userId } },
      create: { jobId, userId },
      update: {},
    });
    return "following";
  }
  await db.jobMember.deleteMany({ where: { jobId, userId } });
  return "not-following";
}
