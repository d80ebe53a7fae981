import { expect, it } from "vitest";
import type { DomainEvent } from "@/lib/server/domain/events";
import { applyEvents } from "@/lib/server/ingestion/apply-events";
import { recentNotifications } from "@/lib/server/notifications/notifications";
import { describeEachDatabase } from "../support/databases";

/**
 * One assessment, job and candidate of its own per test (the database is shared by the file's
 * tests), so each test sets up the story it checks and passes in any order.
 */
function scenario(tag: string) {
  const assessment = {
    externalId: `asmt_${tag}`,
    name: "Full Stack Developer Assessment",
    jobTitle: `Senior Software Engineer ${tag}`,
  };
  const candidate = { email: `Priya.${tag}@Example.com`, name: "Priya Sharma", externalId: `cand_${tag}` };
  const email = candidate.email.toLowerCase();
  const attemptKey = `${assessment.externalId}:${email}`;
  const invited: DomainEvent = {
    kind: "candidates.invited",
    occurredAt: new Date("2026-06-08T09:00:00Z"),
    assessment,
    invitations: [{ attemptKey, candidate, inviteUrl: `https://platform.smartai.app/a/${assessment.externalId}` }],
  };
  const completed: DomainEvent = {
    kind: "attempt.reported",
    occurredAt: new Date("2026-06-09T10:30:00Z"),
    attemptKey,
    assessment,
    candidate,
    facts: {
      status: "completed",
      resultState: "final",
      score: 78,
      maxScore: 100,
      passMark: 60,
      passed: true,
      violationCount: 2,
      proctoringScore: 88,
    },
  };
  return { assessment, candidate, email, attemptKey, invited, completed };
}

describeEachDatabase("applyEvents", (getDb) => {
  async function apply(events: DomainEvent[], deliveryId: string | null = null) {
    return getDb().$transaction((tx) => applyEvents({ tx, provider: "smartai", deliveryId }, events));
  }

  it("creates job, assessment, candidate (matched by email) and one attempt from invitation to result", async () => {
    const { assessment, candidate, email, invited, completed } = scenario("creates");
    await apply([invited]);
    await apply([completed]);
    const db = getDb();
    const attempts = await db.attempt.findMany({
      where: { assessment: { externalId: assessment.externalId } },
      include: { candidate: true, job: true },
    });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      status: "completed",
      score: 78,
      passed: true,
      integrityFlagged: true,
      invitedAt: invited.occurredAt,
      providerUpdatedAt: completed.occurredAt,
      candidate: { email, name: "Priya Sharma" },
      job: { title: assessment.jobTitle },
    });
    expect(await db.invitation.count({ where: { assessment: { externalId: assessment.externalId } } })).toBe(1);
    expect(await db.candidateIdentity.count({ where: { provider: "smartai", externalId: candidate.externalId } })).toBe(
      1,
    );
  });

  it("never lets an older delivery overwrite a newer state, and says so on the timeline", async () => {
    const { attemptKey, invited, completed } = scenario("older");
    await apply([invited]);
    await apply([completed]);
    await apply([invited]);
    const attempt = await getDb().attempt.findFirstOrThrow({ where: { externalKey: attemptKey } });
    expect(attempt.status).toBe("completed");
    const timeline = await getDb().attemptChange.findMany({
      where: { attemptId: attempt.id },
      orderBy: { recordedAt: "asc" },
    });
    expect(timeline.map((change) => change.outcome)).toEqual(["applied", "applied", "skipped_older"]);
  });

  it("applies a duplicate as no change", async () => {
    const { attemptKey, invited, completed } = scenario("duplicate");
    await apply([invited]);
    await apply([completed]);
    await apply([completed]);
    const attempt = await getDb().attempt.findFirstOrThrow({ where: { externalKey: attemptKey } });
    expect(attempt.score).toBe(78);
    const outcomes = await getDb().attemptChange.findMany({
      where: { attemptId: attempt.id },
      select: { outcome: true },
    });
    expect(outcomes.filter((change) => change.outcome === "applied")).toHaveLength(2);
    expect(outcomes.at(-1)).toEqual({ outcome: "duplicate" });
  });

  it("notifies the job's followers once when a candidate finishes", async () => {
    const { assessment, invited, completed } = scenario("followers");
    await apply([invited]);
    const db = getDb();
    const user = await db.user.create({
      data: { email: "r@example.com", name: "Rae", passwordHash: "x", role: "recruiter" },
    });
    const job = await db.job.findFirstOrThrow({ where: { title: assessment.jobTitle } });
    await db.jobMember.create({ data: { jobId: job.id, userId: user.id } });
    const other = {
      ...completed,
      attemptKey: `${assessment.externalId}:tomas@example.com`,
      candidate: { email: "tomas@example.com", name: "Tomás Ortega" },
    };
    await apply([other]);
    await apply([other]);
    // One notice for the event, none per user: the follower hears of it when reading (issue 12).
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
    const { items } = await recentNotifications(db, user.id);
    expect(items.map((item) => item.title)).toEqual(["Tomás Ortega: result is in"]);
  });

  it("keeps a result when SmartAI sends the same assessment to the candidate again", async () => {
    const { attemptKey, invited, completed } = scenario("reinvited");
    await apply([invited]);
    await apply([completed]);
    const reinvited = { ...invited, occurredAt: new Date("2026-06-20T09:00:00Z") };
    await apply([reinvited]);
    const attempt = await getDb().attempt.findFirstOrThrow({ where: { externalKey: attemptKey } });
    expect(attempt).toMatchObject({ status: "completed", resultState: "final", score: 78 });
    expect(attempt.invitedAt).toEqual(reinvited.occurredAt);
  });

  it("moves the invitation with its attempt", async () => {
    const { email, invited, completed } = scenario("invitation");
    await apply([invited]);
    const sent = await getDb().invitation.findFirstOrThrow({ where: { candidate: { email } } });
    expect(sent.status).not.toBe("completed");
    await apply([completed]);
    const invitation = await getDb().invitation.findUniqueOrThrow({ where: { id: sent.id } });
    expect(invitation.status).toBe("completed");
  });

  it("rolls back everything a delivery did when one of its events fails", async () => {
    const { completed } = scenario("rollback");
    const db = getDb();
    const before = await db.candidate.count();
    const broken = {
      ...completed,
      attemptKey: "k2",
      candidate: { email: "new@example.com" },
      facts: { status: "not-a-status" as never, score: "NaN" as never },
    };
    await expect(
      apply([{ ...completed, attemptKey: "k1", candidate: { email: "first@example.com" } }, broken]),
    ).rejects.toThrow();
    expect(await db.candidate.count()).toBe(before);
  });
});
