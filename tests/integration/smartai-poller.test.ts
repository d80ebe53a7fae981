// The SmartAI poller on a real database: one leader among instances, takeover after a crash,
// cycle spacing, "Sync now", and back-off when SmartAI fails — all in virtual time.
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import type { SmartAiPoller } from "@/lib/server/providers/smartai/poller/poller";
import { queueRun } from "@/lib/server/ingestion/polling/sync-runs";
import { describeEachDatabase } from "../support/databases";
import { FakeClock, resetSyncTables, testPoller, withSmartAiEmulator, type SmartAiEmulator } from "../support/smartai";

let emulator: SmartAiEmulator;
withSmartAiEmulator({ seed: 23 }, (started) => (emulator = started));

/** Runs the poller's own loop in virtual time until `virtualMs` have passed. */
async function runFor(poller: SmartAiPoller, clock: FakeClock, virtualMs: number) {
  const end = clock.now() + virtualMs;
  let stopping: Promise<void> | undefined;
  await new Promise<void>((resolve) => {
    clock.onSleep = () => {
      if (clock.now() >= end && !stopping) {
        stopping = poller.stop();
        resolve();
      }
    };
    poller.start();
  });
  await stopping;
  clock.onSleep = undefined;
}

async function cycleStarts(db: Db) {
  const runs = await db.syncRun.findMany({ where: { status: { not: "queued" } }, orderBy: { startedAt: "asc" } });
  return runs.map((run) => run.startedAt.getTime());
}

function gaps(times: number[]) {
  return times.slice(1).map((time, index) => time - times[index]!);
}

describeEachDatabase("SmartAI poller", (getDb, kind) => {
  let db: Db;
  beforeEach(async () => {
    db = getDb();
    await resetSyncTables(db);
  });

  it("runs one cycle per interval, draining the backlog within the first", async () => {
    emulator.preload(120);
    const clock = new FakeClock();
    const poller = testPoller(db, emulator, { clock, intervalMs: 30_000, batchSize: 50 });
    await runFor(poller, clock, 5 * 60_000);

    const starts = await cycleStarts(db);
    expect(starts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(gaps(starts))).toEqual(new Set([30_000]));
    const [first] = await db.syncRun.findMany({ orderBy: { startedAt: "asc" }, take: 1 });
    expect(first).toMatchObject({
      trigger: "schedule",
      status: "succeeded",
      fetched: 120,
      stored: 120,
      acknowledged: 120,
    });
    expect(emulator.queue.size).toBe(0);
    expect(await db.pollerLease.findUnique({ where: { provider: "smartai" } })).toMatchObject({
      lastRunAt: new Date(starts.at(-1)!),
      lastError: null,
    });
  });

  it("runs a requested sync at once, but never within 5 s of the previous cycle's start", async () => {
    const clock = new FakeClock();
    const poller = testPoller(db, emulator, { clock });
    const first = await poller.tick();
    expect(first.cycle?.trigger).toBe("schedule");
    const firstStart = first.cycle!.startedAt;

    clock.advance(1_000);
    emulator.preload(3);
    const run = await queueRun(db, {
      provider: "smartai",
      trigger: "manual",
      requestedBy: "someone",
      now: new Date(clock.now()),
    });
    expect(
      (await queueRun(db, { provider: "smartai", trigger: "manual", requestedBy: "again", now: new Date(clock.now()) }))
        .id,
    ).toBe(run.id);

    const tooSoon = await poller.tick();
    expect(tooSoon.cycle).toBeNull();
    expect(tooSoon.wakeAt).toBeLessThanOrEqual(firstStart + 5_000);

    clock.time = firstStart + 5_000;
    const manual = await poller.tick();
    expect(manual.cycle).toMatchObject({ runId: run.id, trigger: "manual", startedAt: firstStart + 5_000 });
    expect(await db.syncRun.findUnique({ where: { id: run.id } })).toMatchObject({ status: "succeeded", stored: 3 });
    // The schedule carries on from the manual cycle's start.
    expect((await poller.tick()).wakeAt).toBeLessThanOrEqual(firstStart + 5_000 + 30_000);
  });

  it("backs off when SmartAI keeps failing, with no burst of calls", async () => {
    emulator.faults.inject({ kind: "server-error", status: 503 }, { times: 1_000 });
    const clock = new FakeClock();
    const poller = testPoller(db, emulator, { clock, intervalMs: 30_000 });
    await runFor(poller, clock, 10 * 60_000);

    const starts = await cycleStarts(db);
    expect(gaps(starts)).toEqual([60_000, 120_000, 240_000]);
    // Four tries per cycle (the client's own back-off), and nothing else.
    expect(emulator.requests).toHaveLength(starts.length * 4);
    const lease = await db.pollerLease.findUniqueOrThrow({ where: { provider: "smartai" } });
    expect(lease.lastError).toMatch(/SmartAI answered 503/);
    expect(await db.syncRun.count({ where: { status: "failed" } })).toBe(starts.length);
  });

  it("waits out a long 429 before the next cycle", async () => {
    emulator.faults.inject({ kind: "rate-limit", retryAfterSeconds: 120 });
    const clock = new FakeClock();
    const poller = testPoller(db, emulator, { clock, intervalMs: 10_000 });
    const limited = await poller.tick();
    expect(limited.cycle?.error).toMatch(/rate-limiting/);
    clock.advance(60_000);
    emulator.preload(1);
    await queueRun(db, { provider: "smartai", trigger: "manual", requestedBy: "admin", now: new Date(clock.now()) });
    const stillWaiting = await poller.tick();
    expect(stillWaiting.cycle).toBeNull();
    clock.time = limited.cycle!.startedAt + 120_000;
    expect((await poller.tick()).cycle).toMatchObject({ trigger: "manual", error: null });
  });

  it("two instances at once: one holds the lease, every event is stored exactly once", async () => {
    emulator.preload(150);
    const clock = new FakeClock();
    const first = testPoller(db, emulator, { clock, instanceId: "instance-a", batchSize: 40 });
    const second = testPoller(db, emulator, { clock, instanceId: "instance-b", batchSize: 40 });

    for (let round = 0; round < 6; round += 1) {
      const outcomes = await Promise.all([first.tick(), second.tick()]);
      expect(outcomes.filter((outcome) => outcome.leader)).toHaveLength(1);
      clock.advance(10_000);
    }
    expect(emulator.queue.size).toBe(0);
    expect(await db.delivery.count()).toBe(150);
    const holders = new Set((await db.syncRun.findMany()).map((run) => run.instanceId));
    expect(holders.size).toBe(1);
  });

  it("a crashed leader's lease expires and another instance takes over", async () => {
    const clock = new FakeClock();
    const crashed = testPoller(db, emulator, { clock, instanceId: "instance-crashed", leaseTtlMs: 30_000 });
    const successor = testPoller(db, emulator, { clock, instanceId: "instance-successor", leaseTtlMs: 30_000 });
    expect((await crashed.tick()).leader).toBe(true);
    // Left as if the process died mid-cycle.
    await db.syncRun.create({
      data: {
        provider: "smartai",
        trigger: "schedule",
        instanceId: "instance-crashed",
        status: "running",
        startedAt: new Date(clock.now()),
      },
    });

    clock.advance(20_000);
    expect((await successor.tick()).leader).toBe(false);
    clock.advance(11_000);
    emulator.preload(5);
    const takeover = await successor.tick();
    expect(takeover.leader).toBe(true);
    expect(takeover.cycle?.counters.stored).toBe(5);
    expect(await db.pollerLease.findUnique({ where: { provider: "smartai" } })).toMatchObject({
      holderId: "instance-successor",
    });
    expect(await db.syncRun.findFirst({ where: { instanceId: "instance-crashed", status: "running" } })).toBeNull();
    expect((await crashed.tick()).leader).toBe(false);
  });

  it("keeps a month of sync history", async () => {
    const clock = new FakeClock();
    const day = 24 * 60 * 60_000;
    for (const age of [40, 29]) {
      await db.syncRun.create({
        data: {
          provider: "smartai",
          trigger: "schedule",
          instanceId: "old",
          status: "succeeded",
          startedAt: new Date(clock.now() - age * day),
        },
      });
    }
    await testPoller(db, emulator, { clock }).tick();
    const ages = (await db.syncRun.findMany({ where: { instanceId: "old" } })).map((run) =>
      Math.round((clock.now() - run.startedAt.getTime()) / day),
    );
    expect(ages).toEqual([29]);
  });

  it("hands the lease over at once when a leader stops", async () => {
    const clock = new FakeClock();
    const leaving = testPoller(db, emulator, { clock, instanceId: "instance-leaving" });
    const staying = testPoller(db, emulator, { clock, instanceId: "instance-staying" });
    expect((await leaving.tick()).leader).toBe(true);
    await leaving.stop();
    expect((await staying.tick()).leader).toBe(true);
  });

  if (kind === "postgresql") {
    it("four instances racing for a lease nobody holds yet: one wins", async () => {
      const clock = new FakeClock();
      const pollers = ["a", "b", "c", "d"].map((id) => testPoller(db, emulator, { clock, instanceId: `racer-${id}` }));
      const outcomes = await Promise.all(pollers.map((poller) => poller.tick()));
      expect(outcomes.filter((outcome) => outcome.leader)).toHaveLength(1);
    });
  }
});
