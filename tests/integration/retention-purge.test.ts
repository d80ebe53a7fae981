// Issue 14 item 2: the daily purge deletes results past RETENTION_DAYS, empties processed raw
// bodies past RAW_RETENTION_DAYS (keeping the row, so an old re-sent delivery is still a
// duplicate), and runs on one instance a day under a lease.
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { storeDeliveries } from "@/lib/server/ingestion/inbox";
import { processPendingDeliveries } from "@/lib/server/ingestion/process-delivery";
import { purgeExpired } from "@/lib/server/retention/purge";
import { purgeStatus, releasePurgeLease, runPurgeIfDue, takePurgeLease } from "@/lib/server/retention/purge-schedule";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";
import { seedAttempt } from "../support/seed-attempt";

const DAY = 86_400_000;
const policy = { retentionDays: 365, rawRetentionDays: 30 };

async function resetTables(db: Db) {
  await db.attempt.deleteMany();
  await db.invitation.deleteMany();
  await db.candidate.deleteMany();
  await db.delivery.deleteMany();
  await db.auditEntry.deleteMany();
  await db.retentionPurge.deleteMany();
}

describeEachDatabase("retention purge", (getDb) => {
  beforeEach(async () => resetTables(getDb()));

  it("deletes results not updated for RETENTION_DAYS with their candidates, and keeps recent ones", async () => {
    const db = getDb();
    const now = new Date();
    const old = await seedAttempt(db, { candidate: { email: "old@example.com" } });
    const recent = await seedAttempt(db, { candidate: { email: "recent@example.com" } });
    const longAgo = new Date(now.getTime() - 400 * DAY);
    await db.attempt.update({ where: { id: old }, data: { updatedAt: longAgo } });
    await db.invitation.updateMany({
      where: { candidate: { email: "old@example.com" } },
      data: { updatedAt: longAgo },
    });
    await db.candidate.update({ where: { email: "old@example.com" }, data: { updatedAt: longAgo } });
    await recordAudit(db, { actor: { kind: "system", label: "test" }, action: "candidate.viewed", at: longAgo });
    await recordAudit(db, { actor: { kind: "system", label: "test" }, action: "candidate.viewed", at: now });
    await recordAudit(db, { actor: { kind: "system", label: "test" }, action: "person.erased", at: longAgo });

    const counts = await purgeExpired(db, policy, now);
    expect(counts).toMatchObject({ attempts: 1, candidates: 1, auditEntries: 1 });
    expect(await db.attempt.findUnique({ where: { id: old } })).toBeNull();
    expect(await db.attempt.findUnique({ where: { id: recent } })).not.toBeNull();
    expect(await db.candidate.findUnique({ where: { email: "old@example.com" } })).toBeNull();
    // Old entries go, except the record of an erasure, which names no one and proves it was done.
    expect((await db.auditEntry.findMany({ orderBy: { at: "asc" } })).map((entry) => entry.action)).toEqual([
      "person.erased",
      "candidate.viewed",
    ]);
  });

  it("empties processed raw bodies after RAW_RETENTION_DAYS, and a re-sent old delivery is still a duplicate", async () => {
    const db = getDb();
    const body = JSON.stringify(fixture("smartai-assessment-completed.json"));
    const stored = await storeDeliveries(db, "smartai", [
      { externalId: "evt_old", source: "poll", eventType: "assessment.completed", body },
      { externalId: "evt_failed", source: "poll", eventType: "assessment.completed", body: "{not json" },
    ]);
    await processPendingDeliveries(db);
    const now = new Date(Date.now() + 31 * DAY);
    const counts = await purgeExpired(db, policy, now);
    expect(counts.rawBodies).toBe(1);
    const processed = await db.delivery.findUniqueOrThrow({ where: { id: stored.created[0]!.id } });
    expect(processed).toMatchObject({ body: "", candidateEmail: null, headers: null, status: "processed" });
    // A failed delivery keeps its body for an admin's replay.
    expect((await db.delivery.findUniqueOrThrow({ where: { id: stored.created[1]!.id } })).body).toBe("{not json");
    const again = await storeDeliveries(db, "smartai", [
      { externalId: "evt_old", source: "poll", eventType: "assessment.completed", body },
    ]);
    expect(again.duplicates).toEqual(["evt_old"]);
  });

  it("runs on the instance holding the lease, once a day, and records its last run for settings", async () => {
    const db = getDb();
    const now = new Date();
    expect(await takePurgeLease(db, "instance-a", now)).toBe(true);
    expect(await takePurgeLease(db, "instance-b", now)).toBe(false);
    expect(await runPurgeIfDue(db, policy, { instanceId: "instance-b", now })).toBeNull();

    expect(await runPurgeIfDue(db, policy, { instanceId: "instance-a", now })).toMatchObject({ attempts: 0 });
    const status = await purgeStatus(db);
    expect(status.lastStartedAt?.getTime()).toBe(now.getTime());
    expect(status.lastCounts).toMatchObject({ attempts: 0, rawBodies: 0 });
    // Not again within the day, even on the same instance.
    expect(
      await runPurgeIfDue(db, policy, { instanceId: "instance-a", now: new Date(now.getTime() + DAY - 1) }),
    ).toBeNull();

    // Released at shutdown: another instance takes over and runs the next day's purge.
    await releasePurgeLease(db, "instance-a", new Date(now.getTime() + DAY));
    expect(
      await runPurgeIfDue(db, policy, { instanceId: "instance-b", now: new Date(now.getTime() + DAY) }),
    ).not.toBeNull();
  });
});
