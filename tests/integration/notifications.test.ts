import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { isFollowingJob, setFollowingJob } from "@/lib/server/jobs/job-followers";
import { markNotificationsRead, recentNotifications } from "@/lib/server/notifications/notifications";
import { activityStamp } from "@/lib/server/results/activity";
import { describeEachDatabase } from "../support/databases";
import { applyAttempts, smartAiCompletedFacts, type AttemptSeed } from "../support/result-events";

const assessment = {
  externalId: "asmt_1",
  name: "Full Stack Developer Assessment",
  jobTitle: "Senior Software Engineer",
};
let minute = 0;
function completion(email: string): AttemptSeed {
  minute += 1;
  return {
    provider: "smartai",
    attemptKey: `asmt_1:${email}`,
    candidate: { email, name: email.split("@")[0]! },
    assessment,
    occurredAt: new Date(Date.UTC(2026, 5, 9, 10, minute)),
    facts: smartAiCompletedFacts(),
  };
}

async function createUser(db: Db, email: string) {
  return db.user.create({ data: { email, name: email, passwordHash: "not-used-here" } });
}

describeEachDatabase("following a job and its notifications", (getDb) => {
  let jobId: string;
  let recruiter: { id: string };
  let colleague: { id: string };

  beforeAll(async () => {
    const db = getDb();
    await applyAttempts(db, [
      { ...completion("first@example.com"), facts: { status: "invited", resultState: "pending" } },
    ]);
    jobId = (await db.job.findUniqueOrThrow({ where: { titleKey: "senior software engineer" } })).id;
    recruiter = await createUser(db, "recruiter@example.com");
    colleague = await createUser(db, "colleague@example.com");
  });

  it("follows and unfollows, idempotently, and refuses an unknown job", async () => {
    const db = getDb();
    expect(await setFollowingJob(db, jobId, recruiter.id, true)).toBe("following");
    expect(await setFollowingJob(db, jobId, recruiter.id, true)).toBe("following");
    expect(await isFollowingJob(db, jobId, recruiter.id)).toBe(true);
    expect(await isFollowingJob(db, jobId, colleague.id)).toBe(false);
    expect(await setFollowingJob(db, "no-such-job", recruiter.id, true)).toBe("no-such-job");
  });

  it("notifies a follower when a candidate completes, links to the candidate, and moves the activity stamp", async () => {
    const db = getDb();
    const before = await activityStamp(db, recruiter.id);
    await applyAttempts(db, [completion("priya@example.com")]);
    const { unread, items } = await recentNotifications(db, recruiter.id);
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({ title: "priya completed", read: false });
    const candidate = await db.candidate.findUniqueOrThrow({ where: { email: "priya@example.com" } });
    expect(items[0]!.href).toMatch(new RegExp(`^/candidates/${candidate.id}#attempt-`));
    expect((await recentNotifications(db, colleague.id)).unread).toBe(0);
    expect(await activityStamp(db, recruiter.id)).not.toBe(before);
  });

  it("marks only the user's own notifications read", async () => {
    const db = getDb();
    const [notification] = (await recentNotifications(db, recruiter.id)).items;
    expect(await markNotificationsRead(db, colleague.id, [notification!.id])).toBe(0);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(1);
    expect(await markNotificationsRead(db, recruiter.id, [notification!.id])).toBe(1);
    expect((await recentNotifications(db, recruiter.id)).items[0]!.read).toBe(true);

    await applyAttempts(db, [completion("omar@example.com"), completion("mei@example.com")]);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(2);
    expect(await markNotificationsRead(db, recruiter.id, "all")).toBe(2);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(0);
  });

  it("stops notifying once the job is unfollowed", async () => {
    const db = getDb();
    expect(await setFollowingJob(db, jobId, recruiter.id, false)).toBe("not-following");
    await applyAttempts(db, [completion("ada@example.com")]);
    expect((await recentNotifications(db, recruiter.id)).unread).toBe(0);
  });
});
