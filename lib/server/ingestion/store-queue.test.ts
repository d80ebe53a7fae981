import { describe, expect, it } from "vitest";
import type { Db } from "../db";
import type { IncomingDelivery, StoredBatch } from "./inbox";
import { StoreQueue, type StoreNow } from "./store-queue";

const delivery = (externalId: string): IncomingDelivery => ({
  externalId,
  source: "webhook",
  eventType: null,
  body: "{}",
});

/** A stand-in for inbox.ts's storeNow: records each call's ids, stores what it has not seen, refuses "poison". */
function fakeStore(options: { failWith?: (ids: string[]) => Error | null } = {}) {
  const calls: string[][] = [];
  const stored = new Set<string>();
  const storeNow: StoreNow = async (_db, _provider, deliveries) => {
    const ids = deliveries.map((item) => item.externalId);
    calls.push(ids);
    const failure = options.failWith?.(ids);
    if (failure) throw failure;
    const batch: StoredBatch = { created: [], duplicates: [] };
    for (const id of ids) {
      if (stored.has(id)) batch.duplicates.push(id);
      else {
        stored.add(id);
        batch.created.push({ id: `row-${id}`, externalId: id });
      }
    }
    return batch;
  };
  return { calls, storeNow };
}

describe("StoreQueue: single stores that arrive together share one commit", () => {
  it("stores what arrives in one turn of the event loop in one call, and answers each caller its own", async () => {
    const { calls, storeNow } = fakeStore();
    const queue = new StoreQueue({} as Db, storeNow);
    const answers = await Promise.all(["a", "b", "a", "c"].map((id) => queue.store("testlify", delivery(id))));
    expect(calls).toEqual([["a", "b", "a", "c"]]);
    expect(answers).toEqual([
      { created: [{ id: "row-a", externalId: "a" }], duplicates: [] },
      { created: [{ id: "row-b", externalId: "b" }], duplicates: [] },
      { created: [], duplicates: ["a"] },
      { created: [{ id: "row-c", externalId: "c" }], duplicates: [] },
    ]);
  });

  it("groups by provider, and what arrives while a store runs goes into the next one", async () => {
    const { calls, storeNow } = fakeStore();
    const queue = new StoreQueue({} as Db, storeNow);
    const first = [queue.store("testlify", delivery("t1")), queue.store("video", delivery("v1"))];
    await new Promise((resolve) => setImmediate(resolve));
    // The first group's store has begun: these wait for the next one.
    const second = [queue.store("testlify", delivery("t2")), queue.store("testlify", delivery("t3"))];
    await Promise.all([...first, ...second]);
    expect(calls).toEqual([["t1"], ["v1"], ["t2", "t3"]]);
  });

  it("stores each delivery of a refused group alone, so only the one the database refuses fails", async () => {
    const { calls, storeNow } = fakeStore({
      failWith: (ids) => (ids.includes("poison") ? new Error("value too long for the column") : null),
    });
    const queue = new StoreQueue({} as Db, storeNow);
    const outcomes = await Promise.allSettled(["a", "poison", "b"].map((id) => queue.store("testlify", delivery(id))));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(calls).toEqual([["a", "poison", "b"], ["a"], ["poison"], ["b"]]);
  });

  it("fails the whole group at once when the database is busy: each sender tries again later", async () => {
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    const { calls, storeNow } = fakeStore({ failWith: () => busy });
    const queue = new StoreQueue({} as Db, storeNow);
    const outcomes = await Promise.allSettled(["a", "b"].map((id) => queue.store("testlify", delivery(id))));
    expect(outcomes).toEqual([
      { status: "rejected", reason: busy },
      { status: "rejected", reason: busy },
    ]);
    expect(calls).toEqual([["a", "b"]]);
  });
});
