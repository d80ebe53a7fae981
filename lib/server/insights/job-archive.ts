import "server-only";
// A user's own archive of jobs: hidden from their /jobs list by default, still there for
// everyone else and behind the "Archived" filter for them.
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";

export type ArchiveView = { userId: string; show: "active" | "archived" };

export function archiveWhere(view: ArchiveView): Prisma.JobWhereInput {
  const mine = { userId: view.userId };
  return view.show === "archived" ? { archives: { some: mine } } : { archives: { none: mine } };
}

export async function setJobArchived(
  db: Db,
  userId: string,
  jobId: string,
  archived: boolean,
): Promise<"archived" | "active" | "no-such-job"> {
  if (archived) {
    const job = await db.job.findUnique({ where: { id: jobId }, select: { id: true } });
    if (!job) return "no-such-job";
    await db.jobArchive.upsert({
      where: { userId_jobId: { userId, jobId } },
      create: { userId, jobId },
      update: {},
    });
    return "archived";
  }
  await db.jobArchive.deleteMany({ where: { userId, jobId } });
  return "active";
}

export async function countArchivedJobs(db: Db, userId: string): Promise<number> {
  return db.jobArchive.count({ where: { userId } });
}
