// A polled batch is stored and applied in one transaction (storeAndApply): what is new is
// applied once, with the status it ends in; what was there already is not applied again; a
// batch that cannot be applied is still stored, pending, for the applier. And the store is
// durable: the commit a provider's acknowledgement rests on reaches the disk.
import { expect, it, onTestFinished } from "vitest";
import { storeAndApply, type ParsedDelivery } from "@/lib/server/ingestion/store-and-apply";
import { batchDriverFor } from "@/lib/server/ingestion/apply/driver";
import { processPendingDeliveries } from "@/lib/server/ingestion/process-delivery";
import { describeEachDatabase } from "../support/databases";
import { rejectCandidate } from "../support/reject-candidate";
import { fixture } from "../support/fixtures";

type Event = Record<string, unknown> & { eventId: string };
const completed = fixture<Event>("smartai-assessment-completed.json");

function completion(id: string, email: string, score = 70): Event {
  return { ...completed, eventId: id, candidateEmail: email, candidateName: `Candidate ${email}`, score };
}

function polled(events: Event[]): ParsedDelivery[] {
  return events.map((event) => {
    const body = JSON.stringify(event);
    return {
      externalId: event.eventId,
      source: "poll",
      eventType: String(event.event),
      body,
      parsedBody: JSON.parse(body) as unknown,
      providerTimestamp: new Date(String(event.storedAt)),
      candidateEmail: String(event.candidateEmail),
    };
  });
}

describeEachDatabase("storing and applying a polled batch at once", (getDb, kind) => {
  it("stores every delivery as processed and applies it, in one call", async () => {
    const db = getDb();
    const events = [completion("evt_sa_1", "sa1@example.com", 61), completion("evt_sa_2", "sa2@example.com", 62)];
    const result = await storeAndApply(db, "smartai", polled(events));

    expect(result.created.map((row) => row.externalId)).toEqual(["evt_sa_1", "evt_sa_2"]);
    expect(result.duplicates).toEqual([]);
    expect(result.counts).toEqual({ processed: 2, failed: 0, unrecognised: 0, skipped: 0 });
    const deliveries = await db.delivery.findMany({ where: { externalId: { in: ["evt_sa_1", "evt_sa_2"] } } });
    for (const delivery of deliveries) {
      expect(delivery).toMatchObject({ status: "processed", attempts: 1, eventType: "assessment.completed" });
      expect(delivery.processedAt).not.toBeNull();
      expect(JSON.parse(delivery.body)).toEqual(events.find((event) => event.eventId === delivery.externalId));
    }
    const attempts = await db.attempt.findMany({
      where: { candidate: { email: { in: ["sa1@example.com", "sa2@example.com"] } } },
      include: { changes: true },
      orderBy: { score: "asc" },
    });
    expect(attempts.map((attempt) => [attempt.status, attempt.score])).toEqual([
      ["completed", 61],
      ["completed", 62],
    ]);
    expect(attempts.map((attempt) => attempt.changes.map((change) => change.deliveryId))).toEqual(
      ["evt_sa_1", "evt_sa_2"].map((id) => [deliveries.find((delivery) => delivery.externalId === id)!.id]),
    );
  });

  it("applies nothing twice: a redelivery, or a repeat within the batch, is a duplicate", async () => {
    const db = getDb();
    const first = completion("evt_sa_dup", "dup@example.com", 50);
    await storeAndApply(db, "smartai", polled([first]));

    const again = await storeAndApply(
      db,
      "smartai",
      polled([first, completion("evt_sa_new", "new@example.com"), completion("evt_sa_new", "new@example.com")]),
    );
    expect(again.created.map((row) => row.externalId)).toEqual(["evt_sa_new"]);
    expect(again.duplicates).toEqual(["evt_sa_dup", "evt_sa_new"]);
    expect(again.counts.processed).toBe(1);
    expect(await db.delivery.count({ where: { externalId: { in: ["evt_sa_dup", "evt_sa_new"] } } })).toBe(2);
    const timeline = await db.attemptChange.count({
      where: { attempt: { candidate: { email: { in: ["dup@example.com", "new@example.com"] } } } },
    });
    expect(timeline).toBe(2);
  });

  it("keeps an unknown event as unrecognised and a broken one as failed, with reasons, and applies the rest", async () => {
    const db = getDb();
    const result = await storeAndApply(
      db,
      "smartai",
      polled([
        completion("evt_sa_unknown", "u@example.com"),
        { ...completion("evt_sa_broken", "b@example.com"), candidateEmail: null },
        completion("evt_sa_fine", "fine@example.com"),
      ]).map((delivery) =>
        delivery.externalId === "evt_sa_unknown"
          ? {
              ...delivery,
              parsedBody: { ...(delivery.parsedBody as object), event: "assessment.archived" },
              body: JSON.stringify({ ...(delivery.parsedBody as object), event: "assessment.archived" }),
            }
          : delivery,
      ),
    );
    expect(result.counts).toEqual({ processed: 1, failed: 1, unrecognised: 1, skipped: 0 });
    const byId = Object.fromEntries(
      (await db.delivery.findMany({ where: { externalId: { startsWith: "evt_sa_" } } })).map((row) => [
        row.externalId,
        row,
      ]),
    );
    expect(byId.evt_sa_unknown).toMatchObject({
      status: "unrecognised",
      eventType: "assessment.archived",
      attempts: 1,
    });
    expect(byId.evt_sa_broken).toMatchObject({ status: "failed", attempts: 1 });
    expect(byId.evt_sa_broken?.error).toMatch(/candidateEmail/);
    expect(byId.evt_sa_fine?.status).toBe("processed");
  });

  it("a batch that cannot be applied is stored all the same, pending, and the applier then fails only the bad one", async () => {
    const db = getDb();
    onTestFinished(await rejectCandidate(db, kind, "rejected-sa@example.com"));
    const result = await storeAndApply(
      db,
      "smartai",
      polled([
        completion("evt_sa_ok_1", "ok-sa1@example.com"),
        completion("evt_sa_rejected", "rejected-sa@example.com"),
        completion("evt_sa_ok_2", "ok-sa2@example.com"),
      ]),
    );
    expect(result.created).toHaveLength(3);
    expect(result.counts).toEqual({ processed: 0, failed: 0, unrecognised: 0, skipped: 3 });
    const ids = ["evt_sa_ok_1", "evt_sa_rejected", "evt_sa_ok_2"];
    expect(await db.delivery.count({ where: { externalId: { in: ids }, status: "pending", attempts: 0 } })).toBe(3);
    expect(await db.candidate.count({ where: { email: { in: ["ok-sa1@example.com", "ok-sa2@example.com"] } } })).toBe(
      0,
    );

    expect(await processPendingDeliveries(db, { provider: "smartai" })).toMatchObject({ processed: 2, failed: 1 });
    const rejected = await db.delivery.findUniqueOrThrow({
      where: { provider_externalId: { provider: "smartai", externalId: "evt_sa_rejected" } },
    });
    expect(rejected.status).toBe("failed");
  });

  // SQLite's durable commit is the write-ahead log synced before the transaction resolves (driver.ts).
  it.runIf(kind === "postgresql")(
    "commits a store durably; a batch the applier alone applies may skip the flush",
    async () => {
      const db = getDb();
      const setting = (durable: boolean) =>
        batchDriverFor(db).transaction(
          async (run) => {
            const [row] = await run.query<{ synchronous_commit: string }>("SHOW synchronous_commit", []);
            return row!.synchronous_commit;
          },
          { lockTimeoutMs: 1_000, durable },
        );
      expect(await setting(true)).toBe("on");
      expect(await setting(false)).toBe("off");
    },
  );
});
