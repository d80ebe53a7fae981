// Pending deliveries are applied many to a transaction (processPendingDeliveries): the result
// must be exactly what one-by-one processing gives, and one bad delivery must not take the
// others down with it.
import { expect, it, onTestFinished } from "vitest";
import { processPendingDeliveries } from "@/lib/server/ingestion/process-delivery";
import { describeEachDatabase } from "../support/databases";
import { storePolledPending } from "../support/fixture-deliveries";
import { fixture } from "../support/fixtures";
import { rejectCandidate } from "../support/reject-candidate";

type Completed = Record<string, unknown> & { eventId: string };
const completed = fixture<Completed>("smartai-assessment-completed.json");
const sent = fixture<Completed>("smartai-assessment-sent.json");

function completion(index: number, email: string, score: number, submittedAt: string): Completed {
  return {
    ...completed,
    eventId: `evt_done_${index}`,
    candidateEmail: email,
    candidateName: `Candidate ${email}`,
    score,
    submittedAt,
  };
}

describeEachDatabase("batch processing of pending deliveries", (getDb, kind) => {
  it("applies a backlog — invitations, results, and late older results — as in-order processing would", async () => {
    const db = getDb();
    const emails = Array.from({ length: 12 }, (_, index) => `person${index}@example.com`);
    const invitation = {
      ...sent,
      eventId: "evt_sent_all",
      candidates: emails.map((email, index) => ({ id: `cand_${index}`, name: `Person ${index}`, email })),
    };
    const newer = emails.map((email, index) => completion(index, email, 60 + index, "2026-06-09T12:00:00.000Z"));
    const older = emails
      .slice(0, 4)
      .map((email, index) => completion(100 + index, email, 10, "2026-06-09T08:00:00.000Z"));
    await storePolledPending(db, [invitation, ...newer, ...older]);

    const counts = await processPendingDeliveries(db, { provider: "smartai" });
    expect(counts).toEqual({ processed: 17, unrecognised: 0, failed: 0, skipped: 0 });

    // Counted among this backlog's people and deliveries: the file's other test shares the database.
    const ours = { candidate: { email: { in: emails } } };
    const attempts = await db.attempt.findMany({
      where: ours,
      include: { candidate: true },
      orderBy: { score: "asc" },
    });
    expect(attempts).toHaveLength(12);
    expect(attempts.map((attempt) => [attempt.candidate.email, attempt.status, attempt.score])).toEqual(
      emails.map((email, index) => [email, "completed", 60 + index]),
    );
    expect(await db.candidate.count({ where: { email: { in: emails } } })).toBe(12);
    expect(new Set(attempts.map((attempt) => attempt.jobId)).size).toBe(1);
    expect(attempts[0]?.jobId).not.toBeNull();
    expect(await db.attemptChange.count({ where: { outcome: "skipped_older", attempt: ours } })).toBe(4);
    const storedIds = [invitation, ...newer, ...older].map((event) => event.eventId);
    expect(await db.delivery.count({ where: { externalId: { in: storedIds }, status: "processed" } })).toBe(17);
  });

  it("rolls a failing batch back and processes each delivery alone, so only the bad one fails", async () => {
    const db = getDb();
    onTestFinished(await rejectCandidate(db, kind, "rejected@example.com"));
    await storePolledPending(db, [
      completion(200, "fresh1@example.com", 70, "2026-06-10T10:00:00.000Z"),
      completion(201, "rejected@example.com", 80, "2026-06-10T10:00:00.000Z"),
      completion(202, "fresh2@example.com", 90, "2026-06-10T10:00:00.000Z"),
    ]);

    const counts = await processPendingDeliveries(db, { provider: "smartai" });
    expect(counts).toEqual({ processed: 2, unrecognised: 0, failed: 1, skipped: 0 });
    const failed = await db.delivery.findUniqueOrThrow({
      where: { provider_externalId: { provider: "smartai", externalId: "evt_done_201" } },
    });
    expect(failed.status).toBe("failed");
    // The reason, without Prisma's frame of our source code (SQLite's adapter words it as a constraint).
    expect(failed.error).toMatch(kind === "sqlite" ? /constraint/i : /rejected by test/);
    expect(failed.error).not.toContain("invocation");
    expect(await db.candidate.count({ where: { email: { in: ["fresh1@example.com", "fresh2@example.com"] } } })).toBe(
      2,
    );
    expect(await db.attempt.count({ where: { candidate: { email: "rejected@example.com" } } })).toBe(0);
  });
});
