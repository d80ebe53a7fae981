import { expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { isFollowingJob, setFollowingJob } from "@/lib/server/jobs/job-followers";
import { markNotificationsRead, recentNotifications } from "@/lib/server/notifications/notifications";
import { activityStamp } from "@/lib/server/results/activity";
import { describeEachDatabase } from "../support/databases";
import { applyAttempts, smartAiCompletedFacts, type AttemptSeed } from "../support/result-events";

let minute = 0;
let jobNumber = 0;

async function createUser(db: Db, email: string) {
  return db.user.create({ data: { email, name: email, passwordHash: "not-used-here" } });
}

/**
 * A job of its own with one invited candidate, a recruiter who follows it and a colleague
 * who does not: each test starts from here, so none relies on what another left behind.
 */
async function followedJob(db: Db) {
  jobNumber += 1;
  const tag = `job${jobNumber}`;
  const assessment = {
    externalId: `asmt_${tag}`,
    name: "Full Stack Developer Assessment",
    jobTitle: `Engineer ${tag}`,
  };
  const completion = (name: string): AttemptSeed => {
    minute += 1;
    const email = `${name}.${tag}@example.com`;
    return {
      provider: "smartai",
      attemptKey: `${assessment.externalId}:${email}`,
      candidate: { email, name },
      assessment,
      occurredAt: new Date(Date.UTC(2026, 5, 9, 10, minute)),
      facts: smartAiCompletedFacts(),
    };
  };
  await applyAttempts(db, [{ ...completion("first"), facts: { status: "invited", resultState: "pending" } }]);
  const jobId = (await db.job.findUniqueOrThrow({ where: { titleKey: `engineer ${tag}` } })).id;
  const recruiter = await createUser(db, `recruiter.${tag}@example.com`);
  const colleague = await createUser(db, `colleague.${tag}@example.com`);
  expect(await setFollowingJob(db, jobId, recruiter.id, true)).toBe("following");
  return { jobId, recruiter, colleague, completion, emailOf: (name: string) => `${name}.${tag}@example.com` };
}

describeEachDatabase("following a job and its notifications", (getDb) => {
  it("follows and unfollows, idempotently, and refuses an unknown job", async () => {
    const db = getDb();
    const { jobId, recruiter, colleague } = await followedJob(db);
    expect(await setFollowingJob(db, jobId, recruiter.id, true)).toBe("following");
    expect(await isFollowingJob(db, jobId, recruiter.id)).toBe(true);
    expect(await isFollowingJob(db, jobId, colleague.id)).toBe(false);
    expect(await setFollowingJob(db, "no-such-job", recruiter.id, true)).toBe("no-such-job");
    expect(await setFollowingJob(db, jobId, recruiter.id, false)).toBe("not-following");
    expect(await setFollowingJob(db, jobId, recruiter.id, false)).toBe("not-following");
    expect(await isFollowingJob(db, jobId, recruiter.id)).toBe(false);
  });

  it("notifies a follower when a candidate completes, links to the candidate, and moves the activity stamp", async () => {
    const db = getDb();
    const { recruiter, colleague, completion, emailOf } = await followedJob(db);
    const before = await activityStamp(db, recruiter.id);
    await applyAttempts(db, [completion("priya")]);
    const { unread, items } = await recentNotifications(db, recruiter.id);
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({ title: "priya completed", read: false });
    const candidate = await db.candidate.findUniqueOrThrow({ where: { email: emailOf("priya") } });
    expect(items[0]!.href).toMatch(new RegExp(`^/candidates/${candidate.id}#attempt-`));
    expect((await recentNotifications(db, colleague.id)).unread).toBe(0);
    expect(await activityStamp(db, recruiter.id)).not.toBe(before);
  });

  it("marks only the user's own notifications read", async () => {
    const db = getDb();
    const { recruiter, colleague, completion } = await followedJob(db);
    await applyAttempts(db, [completion("priya")]);
    const [notification] = (await recentNotifications(db, recruiter.id)).items;
    expect(await markNotificationsRead(db, colleague.id, [notification!.id])).toBe(0);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(1);
    expect(await markNotificationsRead(db, recruiter.id, [notification!.id])).toBe(1);
    expect((await recentNotifications(db, recruiter.id)).items[0]!.read).toBe(true);

    await applyAttempts(db, [completion("omar"), completion("mei")]);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(2);
    expect(await markNotificationsRead(db, recruiter.id, "all")).toBe(2);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(0);
  });

  it("stops notifying once the job is unfollowed", async () => {
    const db = getDb();
    const { jobId, recruiter, completion } = await followedJob(db);
    expect(await setFollowingJob(db, jobId, recruiter.id, false)).toBe("not-following");
    await applyAttempts(db, [completion("ada")]);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(0);
  });
});
