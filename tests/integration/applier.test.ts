// The applier: what is stored is applied at once, in arrival order, batched with whatever else
// is waiting, every delivery accounted for; stopping it finishes the batch in hand.
import { expect, it } from "vitest";
import { storeDeliveries } from "@/lib/server/ingestion/inbox";
import { DeliveryApplier } from "@/lib/server/ingestion/applier";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";

describeEachDatabase("delivery applier", (getDb) => {
  it("applies what it is given in arrival order, batched, every one applied", async () => {
    const db = getDb();
    const steps = ["invited", "enrolled", "in-progress", "completed", "score-updated"];
    const ids: string[] = [];
    for (const step of steps) {
      const body = fixture<{ data: Record<string, unknown> }>(`testlify-${step}.json`);
      body.data.email = "queued@example.com";
      const stored = await storeDeliveries(db, "testlify", [
        { externalId: `queue-${step}`, source: "webhook", eventType: null, body: JSON.stringify(body) },
      ]);
      ids.push(stored.created[0]!.id);
    }
    const applier = new DeliveryApplier(db);
    const outcomes = await Promise.all(ids.map((id) => applier.settle(id)));
    expect(outcomes).toEqual(["processed", "processed", "processed", "processed", "processed"]);

    // In arrival order, each delivery was the newest so far: every one applied, none skipped.
    const timeline = await db.attemptChange.findMany({
      where: { attempt: { candidate: { email: "queued@example.com" } } },
      orderBy: { recordedAt: "asc" },
      select: { outcome: true, deliveryId: true },
    });
    expect(timeline.map((line) => line.outcome)).toEqual(["applied", "applied", "applied", "applied", "applied"]);
    expect(timeline.map((line) => line.deliveryId)).toEqual(ids);
  });

  it("answers for a delivery it cannot find without stopping", async () => {
    const applier = new DeliveryApplier(getDb());
    expect(await applier.settle("no-such-delivery")).toBe("skipped");
  });

  it("started, it applies what is stored after a nudge; stopped, it leaves the rest pending and unclaimed", async () => {
    const db = getDb();
    const applier = new DeliveryApplier(db, { idlePollMs: 10 });
    applier.start();
    const body = fixture<{ data: Record<string, unknown> }>("testlify-completed.json");
    body.data.email = "started@example.com";
    const stored = await storeDeliveries(db, "testlify", [
      { externalId: "started-1", source: "webhook", eventType: null, body: JSON.stringify(body) },
    ]);
    expect(await applier.settle(stored.created[0]!.id)).toBe("processed");
    await applier.stop();

    body.data.email = "after-stop@example.com";
    const later = await storeDeliveries(db, "testlify", [
      { externalId: "after-stop-1", source: "webhook", eventType: null, body: JSON.stringify(body) },
    ]);
    applier.stored();
    expect(await db.delivery.findUniqueOrThrow({ where: { id: later.created[0]!.id } })).toMatchObject({
      status: "pending",
      claimedBy: null,
    });
  });
});
