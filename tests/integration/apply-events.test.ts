import { expect, it } from "vitest";
import type { DomainEvent } from "@/lib/server/domain/events";
import { applyEvents } from "@/lib/server/ingestion/apply-events";
import { describeEachDatabase } from "../support/databases";

const assessment = {
  externalId: "asmt_xyz789",
  name: "Full Stack Developer Assessment",
  jobTitle: "Senior Software Engineer",
};
const candidate = { email: "Priya@Example.com", name: "Priya Sharma", externalId: "cand_abc123" };
const attemptKey = "asmt_xyz789:priya@example.com";

const invited: DomainEvent = {
  kind: "candidates.invited",
  occurredAt: new Date("2026-06-08T09:00:00Z"),
  assessment,
  invitations: [{ attemptKey, candidate, inviteUrl: "https://platform.smartai.app/a/asmt_xyz789" }],
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

describeEachDatabase("applyEvents", (getDb) => {
  async function apply(events: DomainEvent[], deliveryId: string | null = null) {
    return getDb().$transaction((tx) => applyEvents({ tx, provider: "smartai", deliveryId }, events));
  }

  it("creates job, assessment, candidate (matched by email) and one attempt from invitation to result", async () => {
    await apply([invited]);
    await apply([completed]);
    const db = getDb();
    const attempts = await db.attempt.findMany({ include: { candidate: true, job: true } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      status: "completed",
      score: 78,
      passed: true,
      integrityFlagged: true,
      invitedAt: invited.occurredAt,
      providerUpdatedAt: completed.occurredAt,
      candidate: { email: "priya@example.com", name: "Priya Sharma" },
      job: { title: "Senior Software Engineer" },
    });
    expect(await db.invitation.count()).toBe(1);
    expect(await db.candidateIdentity.count({ where: { provider: "smartai", externalId: "cand_abc123" } })).toBe(1);
  });

  it("never lets an older delivery overwrite a newer state, and says so on the timeline", async () => {
    await apply([invited]);
    const attempt = await getDb().attempt.findFirstOrThrow();
    expect(attempt.status).toBe("completed");
    const timeline = await getDb().attemptChange.findMany({
      where: { attemptId: attempt.id },
      orderBy: { recordedAt: "asc" },
    });
    expect(timeline.map((change) => change.outcome)).toEqual(["applied", "applied", "skipped_older"]);
  });

  it("applies a duplicate as no change", async () => {
    await apply([completed]);
    const attempt = await getDb().attempt.findFirstOrThrow();
    expect(attempt.score).toBe(78);
    const outcomes = await getDb().attemptChange.findMany({
      where: { attemptId: attempt.id },
      select: { outcome: true },
    });
    expect(outcomes.filter((change) => change.outcome === "applied")).toHaveLength(2);
    expect(outcomes.at(-1)).toEqual({ outcome: "duplicate" });
  });

  it("notifies the job's followers once when a candidate finishes", async () => {
    const db = getDb();
    const user = await db.user.create({
      data: { email: "r@example.com", name: "Rae", passwordHash: "x", role: "recruiter" },
    });
    const job = await db.job.findFirstOrThrow();
    await db.jobMember.create({ data: { jobId: job.id, userId: user.id } });
    const other = {
      ...completed,
      attemptKey: "asmt_xyz789:tomas@example.com",
      candidate: { email: "tomas@example.com", name: "Tomás Ortega" },
    };
    await apply([other]);
    await apply([other]);
    const notifications = await db.notification.findMany({ where: { userId: user.id } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.title).toBe("Tomás Ortega completed");
  });

  it("keeps a result when SmartAI sends the same assessment to the candidate again", async () => {
    const reinvited = { ...invited, occurredAt: new Date("2026-06-20T09:00:00Z") };
    await apply([reinvited]);
    const attempt = await getDb().attempt.findFirstOrThrow({ where: { externalKey: attemptKey } });
    expect(attempt).toMatchObject({ status: "completed", resultState: "final", score: 78 });
    expect(attempt.invitedAt).toEqual(reinvited.occurredAt);
  });

  it("moves the invitation with its attempt", async () => {
    const invitation = await getDb().invitation.findFirstOrThrow({
      where: { candidate: { email: "priya@example.com" } },
    });
    expect(invitation.status).toBe("completed");
  });

  it("rolls back everything a delivery did when one of its events fails", async () => {
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
