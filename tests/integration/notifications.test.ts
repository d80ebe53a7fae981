import { expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { isFollowingJob, setFollowingJob } from "@/lib/server/jobs/job-followers";
import { markNotificationsRead, recentNotifications } from "@/lib/server/notifications/notifications";
import { noticePreferences, setNoticePreferences } from "@/lib/server/notifications/result-notices";
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

  it("tells a follower when a final result is in, links to the candidate, and moves the activity stamp", async () => {
    const db = getDb();
    const { recruiter, colleague, completion, emailOf } = await followedJob(db);
    const before = await activityStamp(db, recruiter.id);
    await applyAttempts(db, [completion("priya")]);
    const { unread, items } = await recentNotifications(db, recruiter.id);
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({ title: "priya: result is in", read: false });
    const candidate = await db.candidate.findUniqueOrThrow({ where: { email: emailOf("priya") } });
    expect(items[0]!.href).toMatch(new RegExp(`^/candidates/${candidate.id}#attempt-`));
    expect((await recentNotifications(db, colleague.id)).unread).toBe(0);
    expect(await activityStamp(db, recruiter.id)).not.toBe(before);
  });

  it("writes one notice per event and no row per user; a user choosing all jobs hears of every job", async () => {
    const db = getDb();
    const { recruiter, colleague, completion } = await followedJob(db);
    const notificationsBefore = await db.notification.count();
    const noticesBefore = await db.resultNotice.count();
    await applyAttempts(db, [completion("priya")]);
    expect(await db.notification.count()).toBe(notificationsBefore);
    expect(await db.resultNotice.count()).toBe(noticesBefore + 1);
    await setNoticePreferences(db, colleague.id, { scope: "all", muted: [] });
    expect((await recentNotifications(db, colleague.id)).items[0]).toMatchObject({ title: "priya: result is in" });
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(1);
  });

  it("marks only the user's own notifications read", async () => {
    const db = getDb();
    const { recruiter, colleague, completion } = await followedJob(db);
    await applyAttempts(db, [completion("priya")]);
    const [notification] = (await recentNotifications(db, recruiter.id)).items;
    await markNotificationsRead(db, colleague.id, [notification!.id]);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(1);
    await markNotificationsRead(db, recruiter.id, [notification!.id]);
    expect((await recentNotifications(db, recruiter.id)).items[0]!.read).toBe(true);

    await applyAttempts(db, [completion("omar"), completion("mei")]);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(2);
    await markNotificationsRead(db, recruiter.id, "all");
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(0);
  });

  it("tells of what happens after a job is followed, not of what happened before", async () => {
    const db = getDb();
    const { jobId, recruiter, colleague, completion } = await followedJob(db);
    await applyAttempts(db, [completion("before")]);
    expect(await setFollowingJob(db, jobId, colleague.id, true)).toBe("following");
    expect((await recentNotifications(db, colleague.id)).items).toEqual([]);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(1);
  });

  it("stops notifying once the job is unfollowed", async () => {
    const db = getDb();
    const { jobId, recruiter, completion } = await followedJob(db);
    expect(await setFollowingJob(db, jobId, recruiter.id, false)).toBe("not-following");
    await applyAttempts(db, [completion("ada")]);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(0);
  });

  it("waits for the final part of a result, tells of a later score change and of a start, each kind switchable", async () => {
    const db = getDb();
    const { recruiter, completion } = await followedJob(db);
    const base = completion("lin");
    const at = (minutes: number) => new Date(base.occurredAt.getTime() + minutes * 60_000);
    await applyAttempts(db, [{ ...base, occurredAt: at(0), facts: { status: "in_progress", resultState: "pending" } }]);
    await applyAttempts(db, [{ ...base, occurredAt: at(1), facts: { ...base.facts, resultState: "partial" } }]);
    const titles = async () => (await recentNotifications(db, recruiter.id)).items.map((item) => item.title);
    expect(await titles()).toEqual(["lin started"]);
    await applyAttempts(db, [{ ...base, occurredAt: at(2) }]);
    await applyAttempts(db, [{ ...base, occurredAt: at(3), facts: { ...base.facts, score: 91 } }]);
    expect(await titles()).toEqual(["lin's score changed", "lin: result is in", "lin started"]);

    await setNoticePreferences(db, recruiter.id, { scope: "followed", muted: ["started", "score_changed"] });
    expect(await titles()).toEqual(["lin: result is in"]);
    expect(await noticePreferences(db, recruiter.id)).toEqual({
      scope: "followed",
      muted: ["started", "score_changed"],
    });
  });

  it("sums up a burst as one notice, not one per result", async () => {
    const db = getDb();
    const { recruiter, completion } = await followedJob(db);
    await applyAttempts(
      db,
      ["a", "b", "c", "d", "e", "f"].map((name) => completion(`burst-${name}`)),
    );
    const { unread, items } = await recentNotifications(db, recruiter.id);
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({ title: "6 × A final result is in", read: false });
    await markNotificationsRead(db, recruiter.id, [items[0]!.id]);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(0);
  });
});
