// One SmartAI sync cycle on a real database against the emulator: store and apply, acknowledge
// only what is committed, then translate what earlier cycles left pending — and what happens
// when any step fails.
import { tmpdir } from "node:os";
import { beforeEach, expect, it } from "vitest";
import { createDb } from "@/lib/db/create-client";
import type { Db } from "@/lib/server/db";
import { describeQueuedEvent } from "@/lib/server/providers/smartai/queued-event";
import { runSyncCycle, type QueueClient } from "@/lib/server/providers/smartai/poller/sync-cycle";
import { describeEachDatabase } from "../support/databases";
import { storePolledPending } from "../support/fixture-deliveries";
import { fixture } from "../support/fixtures";
import { emulatorClient, resetSyncTables, withSmartAiEmulator, type SmartAiEmulator } from "../support/smartai";

let emulator: SmartAiEmulator;
withSmartAiEmulator({ seed: 11 }, (started) => (emulator = started));

const completed = (overrides: Record<string, unknown> = {}) =>
  ({ ...fixture<Record<string, unknown>>("smartai-assessment-completed.json"), ...overrides }) as never;

function acknowledgeRequests() {
  return emulator.requests.filter((request) => request.path.startsWith("/v1/webhook-events/acknowledge"));
}

describeEachDatabase("SmartAI sync cycle", (getDb, kind) => {
  let db: Db;
  beforeEach(async () => {
    db = getDb();
    await resetSyncTables(db);
  });

  it("drains the queue within one cycle, 100 a call, storing and applying each event once", async () => {
    emulator.preload(250);
    const counters = await runSyncCycle({ db, client: emulatorClient(emulator) }, { trigger: "schedule" });
    expect(counters).toMatchObject({ fetched: 250, stored: 250, acknowledged: 250 });
    expect(counters.processed + counters.unrecognised + counters.failed).toBe(250);
    expect(emulator.queue.size).toBe(0);
    // Three pages of at most 100: the later ones read ahead with `since`.
    const fetches = emulator.requests.filter((request) => request.method === "GET").map((request) => request.path);
    expect(fetches).toHaveLength(3);
    expect(fetches[0]).toBe("/v1/webhook-events?limit=100");
    const sinces = fetches.slice(1).map((path) => Number(new URL(path, "http://x").searchParams.get("since")));
    expect(sinces[1]).toBeGreaterThan(sinces[0]!);
    // One acknowledgement per stored batch, and a batch is one page or more.
    expect(acknowledgeRequests().length).toBeGreaterThanOrEqual(1);
    expect(acknowledgeRequests().length).toBeLessThanOrEqual(3);
    expect(await db.delivery.count({ where: { provider: "smartai", source: "poll", status: "pending" } })).toBe(0);
    expect(await db.delivery.count({ where: { provider: "smartai", source: "poll" } })).toBe(250);
  });

  it("stores a backlog in batches of what was fetched meanwhile, at most maxEventsPerStore each", async () => {
    emulator.preload(1_000);
    const acknowledged: number[] = [];
    // The queue without the network: each page is there at once, so while a batch is stored the
    // read-ahead fills up to its bound, and the next batch takes what fits.
    const immediate: QueueClient = {
      getWebhookEvents: async ({ limit, since } = {}) => {
        const page = emulator.queue.fetch(limit ?? 50, since === undefined ? undefined : Number(since));
        return { events: page.events.map(describeQueuedEvent), pendingCount: page.pendingCount };
      },
      acknowledgeWebhookEvents: async (ids) => {
        acknowledged.push(ids.length);
        return emulator.queue.acknowledge(ids);
      },
    };
    const counters = await runSyncCycle({ db, client: immediate, maxEventsPerStore: 250 }, { trigger: "schedule" });
    expect(counters).toMatchObject({ fetched: 1_000, stored: 1_000, acknowledged: 1_000 });
    expect(emulator.queue.size).toBe(0);
    expect(acknowledged.reduce((sum, count) => sum + count, 0)).toBe(1_000);
    expect(Math.max(...acknowledged)).toBeLessThanOrEqual(250);
    expect(Math.max(...acknowledged)).toBeGreaterThan(100);
    expect(await db.delivery.count({ where: { status: "pending" } })).toBe(0);
  });

  it("a failed call ends the drain after what was fetched before it is stored and acknowledged", async () => {
    emulator.preload(300);
    let calls = 0;
    const failingThird: QueueClient = {
      getWebhookEvents: async (options) => {
        calls += 1;
        if (calls === 3) throw new Error("SmartAI went away");
        return emulatorClient(emulator).getWebhookEvents(options);
      },
      acknowledgeWebhookEvents: (ids, options) => emulatorClient(emulator).acknowledgeWebhookEvents(ids, options),
    };
    await expect(runSyncCycle({ db, client: failingThird }, { trigger: "schedule" })).rejects.toThrow(/went away/);
    expect(await db.delivery.count()).toBe(200);
    expect(emulator.queue.size).toBe(100);
    const next = await runSyncCycle({ db, client: emulatorClient(emulator) }, { trigger: "schedule" });
    expect(next).toMatchObject({ fetched: 100, stored: 100, acknowledged: 100 });
    expect(await db.delivery.count()).toBe(300);
  });

  it("reading ahead with since skips nothing, even events sharing a millisecond across pages", async () => {
    const storedAt = "2026-06-09T10:31:00.000Z";
    emulator.enqueue(
      ...Array.from({ length: 7 }, (_, index) =>
        completed({ eventId: `evt_same_ms_${index}`, candidateEmail: `person${index}@example.com`, storedAt }),
      ),
    );
    const counters = await runSyncCycle(
      { db, client: emulatorClient(emulator), batchSize: 3, processBudget: 0 },
      { trigger: "schedule" },
    );
    expect(counters).toMatchObject({ stored: 7, acknowledged: 7 });
    expect(emulator.queue.size).toBe(0);
  });

  it("applies what it stores in the transaction that stores it", async () => {
    emulator.preload(12);
    const counters = await runSyncCycle({ db, client: emulatorClient(emulator) }, { trigger: "schedule" });
    expect(counters).toMatchObject({ stored: 12, acknowledged: 12, processed: 12, failed: 0 });
    expect(await db.delivery.count({ where: { status: { not: "processed" } } })).toBe(0);
    expect(await db.attempt.count()).toBeGreaterThan(0);
  });

  it("keeps each event's JSON as the delivery body, with its time and candidate", async () => {
    const body = fixture("smartai-assessment-completed.json");
    emulator.enqueue(body as never);
    await runSyncCycle({ db, client: emulatorClient(emulator) }, { trigger: "schedule" });
    const delivery = await db.delivery.findUniqueOrThrow({
      where: { provider_externalId: { provider: "smartai", externalId: "evt_01J9XYZABC" } },
    });
    expect(JSON.parse(delivery.body)).toEqual(body);
    expect(delivery).toMatchObject({
      eventType: "assessment.completed",
      candidateEmail: "priya@example.com",
      status: "processed",
    });
  });

  it("a crash between store and acknowledge: the redelivery is a duplicate and changes nothing", async () => {
    emulator.enqueue(completed(), completed({ eventId: "evt_second", candidateEmail: "tomas@example.com" }));
    const crashing: QueueClient = {
      getWebhookEvents: (options) => emulatorClient(emulator).getWebhookEvents(options),
      acknowledgeWebhookEvents: async () => {
        throw new Error("process killed before acknowledging");
      },
    };
    await expect(runSyncCycle({ db, client: crashing }, { trigger: "schedule" })).rejects.toThrow(/killed/);
    expect(emulator.queue.size).toBe(2);
    // Stored and applied in one commit before the acknowledgement was tried.
    expect(await db.delivery.count({ where: { status: "processed" } })).toBe(2);

    const next = await runSyncCycle({ db, client: emulatorClient(emulator) }, { trigger: "schedule" });
    expect(next).toMatchObject({ fetched: 2, stored: 0, acknowledged: 2 });
    expect(emulator.queue.size).toBe(0);
    expect(await db.delivery.count()).toBe(2);
    expect(await db.delivery.count({ where: { status: "processed" } })).toBe(2);
    const attempt = await db.attempt.findUniqueOrThrow({
      where: { provider_externalKey: { provider: "smartai", externalKey: "asmt_xyz789:priya@example.com" } },
      include: { changes: true },
    });
    expect(attempt).toMatchObject({ status: "completed", score: 78 });
    expect(attempt.changes.map((change) => change.outcome)).toEqual(["applied"]);

    // SmartAI delivers it once more: still one delivery, one applied change.
    emulator.enqueue(completed());
    expect(await runSyncCycle({ db, client: emulatorClient(emulator) }, { trigger: "schedule" })).toMatchObject({
      stored: 0,
      acknowledged: 1,
    });
    expect(await db.attemptChange.count({ where: { attemptId: attempt.id } })).toBe(1);
  });

  it("acknowledges nothing when the database is down", async () => {
    emulator.preload(3);
    // A database that cannot be reached: a directory where the SQLite file should be, or a
    // PostgreSQL port nothing listens on.
    const down = createDb(kind === "sqlite" ? `file:${tmpdir()}` : "postgresql://postgres@127.0.0.1:1/down");
    try {
      await expect(
        runSyncCycle({ db: down, client: emulatorClient(emulator) }, { trigger: "schedule" }),
      ).rejects.toThrow();
    } finally {
      await down.$disconnect().catch(() => undefined);
    }
    expect(acknowledgeRequests()).toHaveLength(0);
    expect(emulator.queue.size).toBe(3);
  });

  it("stores results with missing or null optional fields, as nulls", async () => {
    const sparse = fixture("smartai-assessment-completed.json");
    for (const field of ["recording", "aiFeedback", "durationMinutes", "questionAnswers"]) delete sparse[field];
    sparse.proctoring = null;
    emulator.enqueue(sparse as never);
    await runSyncCycle({ db, client: emulatorClient(emulator) }, { trigger: "schedule" });
    const attempt = await db.attempt.findFirstOrThrow({ where: { provider: "smartai" } });
    expect(attempt).toMatchObject({
      score: 78,
      recordingUrl: null,
      aiFeedback: null,
      durationSeconds: null,
      questionAnswers: null,
      proctoringScore: null,
      violationCount: null,
    });
  });

  it("keeps an unknown event as unrecognised, and a broken one as failed; both leave the queue", async () => {
    emulator.enqueue(
      completed({ eventId: "evt_unknown", event: "assessment.archived" }),
      completed({ eventId: "evt_broken", candidateEmail: null }),
      completed(),
    );
    const counters = await runSyncCycle({ db, client: emulatorClient(emulator) }, { trigger: "schedule" });
    expect(counters).toEqual({ fetched: 3, stored: 3, acknowledged: 3, failed: 1, processed: 1, unrecognised: 1 });
    expect(emulator.queue.size).toBe(0);
    const byId = Object.fromEntries((await db.delivery.findMany()).map((delivery) => [delivery.externalId, delivery]));
    expect(byId.evt_unknown).toMatchObject({ status: "unrecognised", eventType: "assessment.archived" });
    expect(byId.evt_broken?.status).toBe("failed");
    expect(byId.evt_broken?.error).toMatch(/candidateEmail/);
    expect(byId.evt_01J9XYZABC?.status).toBe("processed");
  });

  it("translates, on the next cycle, deliveries a crash left pending after acknowledging", async () => {
    emulator.enqueue(completed());
    await runSyncCycle({ db, client: emulatorClient(emulator) }, { trigger: "schedule" });
    await db.delivery.updateMany({ data: { status: "pending" } });
    await db.attemptChange.deleteMany();
    await db.attempt.deleteMany();

    await runSyncCycle({ db, client: emulatorClient(emulator) }, { trigger: "schedule" });
    expect(await db.delivery.count({ where: { status: "processed" } })).toBe(1);
    expect(await db.attempt.count()).toBe(1);
  });

  it("translates at most its budget of what was left pending per cycle; the next cycle carries on", async () => {
    // Left pending by a batch that could not be applied as it was stored, or by a crash.
    emulator.preload(15);
    const left = emulator.queue.fetch(15).events;
    emulator.queue.clear();
    await storePolledPending(db, left);
    const first = await runSyncCycle(
      { db, client: emulatorClient(emulator), processBudget: 10 },
      { trigger: "schedule" },
    );
    expect(first).toMatchObject({ fetched: 0, stored: 0 });
    expect(first.processed + first.unrecognised + first.failed).toBe(10);
    expect(await db.delivery.count({ where: { status: "pending" } })).toBe(5);

    const second = await runSyncCycle(
      { db, client: emulatorClient(emulator), processBudget: 10 },
      { trigger: "schedule" },
    );
    expect(second.processed + second.unrecognised + second.failed).toBe(5);
    expect(await db.delivery.count({ where: { status: "pending" } })).toBe(0);
  });

  it("backfills a time window: only events stored in it, the rest stay queued", async () => {
    emulator.preload(20);
    const all = emulator.queue.fetch(100).events;
    const since = new Date(all[4]!.storedAt);
    const until = new Date(all[14]!.storedAt);
    const counters = await runSyncCycle(
      { db, client: emulatorClient(emulator), batchSize: 4 },
      { trigger: "backfill", since, until },
    );
    expect(counters).toMatchObject({ stored: 10, acknowledged: 10 });
    const stored = await db.delivery.findMany();
    expect(stored.map((delivery) => delivery.externalId).sort()).toEqual(
      all
        .slice(5, 15)
        .map((event) => event.eventId)
        .sort(),
    );
    expect(new Set(stored.map((delivery) => delivery.source))).toEqual(new Set(["backfill"]));
    expect(emulator.queue.size).toBe(10);
  });
});
