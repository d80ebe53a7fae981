// The after-answer processing queue: one delivery at a time, in arrival order, every one
// accounted for.
import { expect, it } from "vitest";
import { storeDeliveries } from "@/lib/server/ingestion/inbox";
import { ProcessingQueue } from "@/lib/server/ingestion/processing-queue";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";

describeEachDatabase("processing queue", (getDb) => {
  it("processes what it is given in arrival order, one at a time", async () => {
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
    const queue = new ProcessingQueue(db);
    const outcomes = await Promise.all(ids.map((id) => queue.enqueue(id)));
    expect(outcomes).toEqual(["processed", "processed", "processed", "processed", "processed"]);
    expect(queue.size).toBe(0);

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
    const queue = new ProcessingQueue(getDb());
    expect(await queue.enqueue("no-such-delivery")).toBe("skipped");
  });
});
