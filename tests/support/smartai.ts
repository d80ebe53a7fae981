// SmartAI test helpers: the emulator on a random 127.0.0.1 port, a client whose waits
// between retries take no time, and a virtual clock for the poller's schedule.
import { afterAll, afterEach, beforeAll } from "vitest";
import { startSmartAiEmulator, type SmartAiEmulator } from "../../emulators/smartai/server";
import type { Db } from "@/lib/server/db";
import type { Clock } from "@/lib/server/ingestion/polling/clock";
import { SmartAiPoller, type PollerOptions } from "@/lib/server/providers/smartai/poller/poller";
import { SmartAiClient, type SmartAiClientOptions } from "@/lib/server/providers/smartai/client";

export { startSmartAiEmulator, type SmartAiEmulator };

/**
 * One emulator for the test file, handed over once started; after each test its queue,
 * faults and request log are emptied.
 */
export function withSmartAiEmulator(options: { seed: number }, started: (emulator: SmartAiEmulator) => void): void {
  let emulator: SmartAiEmulator | undefined;
  beforeAll(async () => {
    emulator = await startSmartAiEmulator(options);
    started(emulator);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  afterEach(() => {
    emulator?.queue.clear();
    emulator?.faults.clear();
    if (emulator) emulator.requests.length = 0;
  });
}

export function emulatorClient(emulator: SmartAiEmulator, overrides: Partial<SmartAiClientOptions> = {}) {
  const waits: number[] = [];
  const client = new SmartAiClient({
    apiUrl: emulator.url,
    apiKey: emulator.apiKey,
    secretKey: emulator.secretKey,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 1,
    ...overrides,
  });
  return Object.assign(client, { waits });
}

/** Virtual time: sleeping moves the clock forward at once and records the wait. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  /** Called after each sleep, e.g. to stop the poller once enough virtual time has passed. */
  onSleep: (() => void) | undefined;

  constructor(public time = Date.parse("2026-06-09T10:00:00.000Z")) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }

  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    this.sleeps.push(ms);
    this.time += ms;
    this.onSleep?.();
    // Let the event loop breathe, as a real sleep would.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export function testPoller(db: Db, emulator: SmartAiEmulator, options: Partial<PollerOptions> & { clock: Clock }) {
  return new SmartAiPoller({
    db,
    client: emulatorClient(emulator),
    instanceId: `test-${Math.random().toString(36).slice(2, 8)}`,
    intervalMs: 30_000,
    ...options,
  });
}

/** Empties what a SmartAI sync writes, so each test starts from a clean inbox and model. */
export async function resetSyncTables(db: Db): Promise<void> {
  await db.attemptChange.deleteMany();
  await db.notification.deleteMany();
  await db.attempt.deleteMany();
  await db.invitation.deleteMany();
  await db.candidateIdentity.deleteMany();
  await db.candidate.deleteMany();
  await db.assessment.deleteMany();
  await db.job.deleteMany();
  await db.delivery.deleteMany();
  await db.syncRun.deleteMany();
  await db.pollerLease.deleteMany();
}
