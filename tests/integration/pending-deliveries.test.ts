// Deliveries answered but not yet processed: a stop in between leaves them pending, and the
// sweep processes them; two processors of one delivery never apply it twice.
import { expect, it } from "vitest";
import { deliveryIdForBody, storeDeliveries } from "@/lib/server/ingestion/inbox";
import { sweepPendingDeliveries } from "@/lib/server/ingestion/pending-sweeper";
import { processDelivery, replayDeliveries } from "@/lib/server/ingestion/process-delivery";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";

function completedFor(email: string): string {
  const body = fixture<{ data: Record<string, unknown> }>("testlify-completed.json");
  body.data.email = email;
  return JSON.stringify(body);
}

describeEachDatabase("pending deliveries", (getDb) => {
  async function store(body: string) {
    const stored = await storeDeliveries(getDb(), "testlify", [
      { externalId: deliveryIdForBody(body), source: "webhook", eventType: "candidate.completed", body },
    ]);
    return stored.created[0]!.id;
  }

  it("the sweep processes deliveries pending for minutes and leaves fresh ones to their own task", async () => {
    const db = getDb();
    const stuck = await store(completedFor("stuck@example.com"));
    const fresh = await store(completedFor("fresh@example.com"));
    await db.delivery.update({ where: { id: stuck }, data: { receivedAt: new Date(Date.now() - 5 * 60_000) } });

    expect(await sweepPendingDeliveries(db)).toMatchObject({ processed: 1 });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: stuck } })).toMatchObject({ status: "processed" });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: fresh } })).toMatchObject({ status: "pending" });
    expect(await db.attempt.count({ where: { candidate: { email: "stuck@example.com" } } })).toBe(1);
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
