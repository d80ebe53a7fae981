// Single-delivery stores (one per webhook request) that arrive together go into the inbox in one
// transaction (lib/server/ingestion/store-queue.ts), and each caller still gets its own answer.
import { expect, it } from "vitest";
import { storeDeliveries, type IncomingDelivery } from "@/lib/server/ingestion/inbox";
import { describeEachDatabase } from "../support/databases";

const delivery = (externalId: string): IncomingDelivery => ({
  externalId,
  source: "webhook",
  eventType: "candidate.updated",
  headers: { "webhook-id": externalId },
  body: JSON.stringify({ id: externalId }),
});

describeEachDatabase("inbox: single stores that arrive together", (getDb) => {
  it("are committed in one transaction, each caller learning what became of its own", async () => {
    const ids = Array.from({ length: 20 }, (_, index) => `group-${index}`);
    const answers = await Promise.all(ids.map((id) => storeDeliveries(getDb(), "testlify", [delivery(id)])));
    for (const [index, answer] of answers.entries()) {
      expect(answer.duplicates).toEqual([]);
      expect(answer.created).toEqual([{ id: expect.any(String), externalId: ids[index] }]);
    }
    const rows = await getDb().delivery.findMany({ where: { externalId: { in: ids } } });
    expect(rows).toHaveLength(20);
    // One transaction stamps one arrival time on all of them.
    expect(new Set(rows.map((row) => row.receivedAt.getTime())).size).toBe(1);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(answers.map((answer) => answer.created[0]!.id)));
  });

  it("store a repeat once: within one group, and against what is stored already", async () => {
    const [first, repeat] = await Promise.all([
      storeDeliveries(getDb(), "testlify", [delivery("twice")]),
      storeDeliveries(getDb(), "testlify", [delivery("twice")]),
    ]);
    expect(first!.created).toHaveLength(1);
    expect(repeat).toEqual({ created: [], duplicates: ["twice"] });
    expect(await storeDeliveries(getDb(), "testlify", [delivery("twice")])).toEqual({
      created: [],
      duplicates: ["twice"],
    });
    expect(await getDb().delivery.count({ where: { externalId: "twice" } })).toBe(1);
  });

  it("keep providers apart: the same external id from two providers is two deliveries", async () => {
    const [testlify, engine] = await Promise.all([
      storeDeliveries(getDb(), "testlify", [delivery("shared-id")]),
      storeDeliveries(getDb(), "assessment-engine", [delivery("shared-id")]),
    ]);
    expect(testlify!.created).toHaveLength(1);
    expect(engine!.created).toHaveLength(1);
    const rows = await getDb().delivery.findMany({ where: { externalId: "shared-id" }, orderBy: { provider: "asc" } });
    expect(rows.map((row) => row.provider)).toEqual(["assessment-engine", "testlify"]);
  });
});
