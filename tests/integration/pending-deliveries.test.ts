// Deliveries answered but not yet processed: a stop in between leaves them pending under a
// claim that lapses, and any instance then takes them over; two processors of one delivery
// never apply it twice.
import { expect, it } from "vitest";
import { deliveryIdForBody, storeDeliveries } from "@/lib/server/ingestion/inbox";
import {
  CLAIM_TTL_MS,
  processDelivery,
  processPendingDeliveries,
  replayDeliveries,
} from "@/lib/server/ingestion/process-delivery";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";

function completedFor(email: string): string {
  const body = fixture<{ data: Record<string, unknown> }>("testlify-completed.json");
  body.data.email = email;
  return JSON.stringify(body);
}

describeEachDatabase("pending deliveries", (getDb, kind) => {
  async function store(body: string) {
    const stored = await storeDeliveries(getDb(), "testlify", [
      { externalId: deliveryIdForBody(body), source: "webhook", eventType: "candidate.completed", body },
    ]);
    return stored.created[0]!.id;
  }

  it("takes over deliveries whose claim lapsed (their instance stopped) and leaves live claims alone", async () => {
    const db = getDb();
    const stuck = await store(completedFor("stuck@example.com"));
    const held = await store(completedFor("held@example.com"));
    const now = new Date();
    await db.delivery.update({
      where: { id: stuck },
      data: { claimedBy: "dead-instance/1", claimExpiresAt: new Date(now.getTime() - 1) },
    });
    await db.delivery.update({
      where: { id: held },
      data: { claimedBy: "live-instance/1", claimExpiresAt: new Date(now.getTime() + CLAIM_TTL_MS) },
    });

    if (kind === "postgresql") {
      // Instances apply side by side: the lapsed claim is taken over, the live one left alone.
      expect(await processPendingDeliveries(db, { now: () => now })).toMatchObject({ processed: 1 });
      expect(await db.delivery.findUniqueOrThrow({ where: { id: stuck } })).toMatchObject({
        status: "processed",
        claimedBy: null,
      });
      expect(await db.attempt.count({ where: { candidate: { email: "stuck@example.com" } } })).toBe(1);
    } else {
      // One process applies at a time on SQLite: while another holds live claims, this one only stores.
      expect(await processPendingDeliveries(db, { now: () => now })).toMatchObject({ processed: 0 });
      expect(await db.delivery.findUniqueOrThrow({ where: { id: stuck } })).toMatchObject({ status: "pending" });
    }
    expect(await db.delivery.findUniqueOrThrow({ where: { id: held } })).toMatchObject({ status: "pending" });

    // Once the live claim lapses too, everything is taken over, and each delivery applied once.
    const later = new Date(now.getTime() + CLAIM_TTL_MS + 1);
    expect(await processPendingDeliveries(db, { now: () => later })).toMatchObject({
      processed: kind === "postgresql" ? 1 : 2,
    });
    expect(await db.attemptChange.count({ where: { deliveryId: { in: [stuck, held] } } })).toBe(2);
    expect(await db.delivery.count({ where: { id: { in: [stuck, held] }, status: "processed" } })).toBe(2);
  });

  it("two processors of one delivery at once: one applies it, the other finds it taken", async () => {
    const db = getDb();
    const id = await store(completedFor("twice@example.com"));
    const outcomes = await Promise.all([processDelivery(db, id), processDelivery(db, id), processDelivery(db, id)]);
    expect(outcomes.filter((outcome) => outcome === "processed")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "skipped")).toHaveLength(2);
    expect(await db.attemptChange.count({ where: { deliveryId: id } })).toBe(1);
    expect(await db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "processed", attempts: 1 });
  });

  it("replay processes failed deliveries again and leaves processed ones alone", async () => {
    const db = getDb();
    const failed = await store(completedFor("replay@example.com"));
    await db.delivery.update({
      where: { id: failed },
      data: { status: "failed", error: "cannot translate: (before the fix)" },
    });
    const done = await store(completedFor("done@example.com"));
    await processDelivery(db, done);

    expect(await replayDeliveries(db, [failed, done])).toMatchObject({ processed: 1, skipped: 1 });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: failed } })).toMatchObject({
      status: "processed",
      error: null,
    });
    expect(await db.attemptChange.count({ where: { deliveryId: done } })).toBe(1);
  });
});
