// Draining a 20,000-event SmartAI backlog: the app's pipeline beside the poller SmartAI's
// guide tells you to copy, in the same run, against the same emulator (its own process),
// each on a fresh SQLite database. Figures only; the target is ≥ 10× the guide's poller.
//   npm run bench -- smartai        (BENCH_EVENTS=5000 for a quicker run)
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db } from "../lib/db/create-client";
import { applyMigrations } from "../lib/db/migrations";
import { DEFAULT_PROCESS_BUDGET, runSyncCycle } from "../lib/server/providers/smartai/poller/sync-cycle";
import { SmartAiClient } from "../lib/server/providers/smartai/client";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
/** How many stored deliveries the app's cycle translates: its per-cycle budget, as in production. */
const PROCESS_BUDGET = Number(process.env.BENCH_PROCESS ?? DEFAULT_PROCESS_BUDGET);

interface Emulator {
  url: string;
  apiKey: string;
  secretKey: string;
  child: ChildProcess;
}

async function startEmulator(): Promise<Emulator> {
  // One plain node process (no npx wrapper), so stopping it at the end really stops it.
  const args = [
    "--import",
    "tsx",
    "emulators/smartai/server.ts",
    "--port",
    "0",
    "--preload",
    "0",
    "--interval-ms",
    "0",
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the emulator exited (${code}) before it was ready`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const value = (name: string) => new RegExp(`${name}=(\\S+)`).exec(output)?.[1];
      const [url, apiKey, secretKey] = [
        value("ASSESSMENT_API_URL"),
        value("ASSESSMENT_API_KEY"),
        value("ASSESSMENT_SECRET_KEY"),
      ];
      if (url && apiKey && secretKey) resolve({ url, apiKey, secretKey, child });
    });
  });
}

async function preload(emulator: Emulator, count: number) {
  const response = await fetch(`${emulator.url}/_emulator/events`, { method: "POST", body: JSON.stringify({ count }) });
  const { queued } = (await response.json()) as { queued: number };
  if (queued !== count) throw new Error(`expected ${count} queued events, the emulator has ${queued}`);
}

async function freshDatabase(name: string): Promise<{ db: Db; drop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `hub-bench-smartai-${name}-`));
  const url = `file:${join(dir, "bench.db")}`;
  await applyMigrations(url);
  const db = createDb(url);
  return {
    db,
    drop: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The guide's pollAssessmentResults(): 50 per call, one upsert per event, acknowledge, recurse while pending. */
async function guidePoller(client: SmartAiClient, db: Db): Promise<void> {
  for (;;) {
    const { events, pendingCount } = await client.getWebhookEvents({ limit: 50 });
    if (events.length === 0) return;
    const processedIds: string[] = [];
    for (const event of events) {
      await db.delivery.upsert({
        where: { provider_externalId: { provider: "smartai", externalId: event.externalId } },
        create: {
          provider: "smartai",
          externalId: event.externalId,
          source: "poll",
          eventType: event.eventType,
          body: event.raw,
          providerTimestamp: event.storedAt,
          candidateEmail: event.candidateEmail,
        },
        update: {},
      });
      processedIds.push(event.eventId!);
    }
    await client.acknowledgeWebhookEvents(processedIds);
    if (pendingCount === 0) return;
  }
}

const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
function line(label: string, count: number, ms: number, note = "") {
  console.log(
    `${label.padEnd(50)} ${count.toLocaleString("en").padStart(7)} events in ${seconds(ms).padStart(8)}  ${rate(count, ms).toLocaleString("en").padStart(7)} events/s ${note}`,
  );
}

async function main() {
  const emulator = await startEmulator();
  const client = new SmartAiClient({ apiUrl: emulator.url, apiKey: emulator.apiKey, secretKey: emulator.secretKey });
  try {
    console.log(
      `SmartAI emulator in its own process at ${emulator.url}; ${EVENTS.toLocaleString("en")} events queued for each run\n`,
    );

    // Warm-up, not measured: both paths compiled and connected before either is timed.
    for (const warmUp of [
      (db: Db) => runSyncCycle({ db, client, processBudget: 50 }, { trigger: "schedule" }),
      (db: Db) => guidePoller(client, db),
    ]) {
      await preload(emulator, 500);
      const scratch = await freshDatabase("warm-up");
      await warmUp(scratch.db);
      await scratch.drop();
    }

    await preload(emulator, EVENTS);
    const app = await freshDatabase("app");
    const start = performance.now();
    let drainedAt = start;
    const totals = await runSyncCycle(
      {
        db: app.db,
        client,
        batchSize: 100,
        processBudget: PROCESS_BUDGET,
        onProgress: async (_counters, phase) => {
          if (phase === "draining") drainedAt = performance.now();
        },
      },
      { trigger: "schedule" },
    );
    const end = performance.now();
    const stored = await app.db.delivery.count();
    if (stored !== EVENTS || totals.acknowledged !== EVENTS)
      throw new Error(`app pipeline stored ${stored}, acknowledged ${totals.acknowledged}`);
    await app.drop();

    await preload(emulator, EVENTS);
    const guide = await freshDatabase("guide");
    const guideStart = performance.now();
    await guidePoller(client, guide.db);
    const guideMs = performance.now() - guideStart;
    const guideStored = await guide.db.delivery.count();
    if (guideStored !== EVENTS) throw new Error(`the guide's poller stored ${guideStored}`);
    await guide.drop();

    const drainMs = drainedAt - start;
    const processMs = end - drainedAt;
    const translated = totals.processed + totals.failed + totals.unrecognised;
    line("app: store + acknowledge (100/call, 1 tx/batch)", EVENTS, drainMs, "← durable and off the queue");
    line(
      "app: translate into the model (50 per tx)",
      translated,
      processMs,
      `(the cycle's budget; ${(EVENTS - translated).toLocaleString("en")} left pending for the next cycles)`,
    );
    const endToEndMs = drainMs + (processMs / translated) * EVENTS;
    line("app: end to end, translation extrapolated", EVENTS, endToEndMs, "(estimate)");
    line("guide's poller: 50/call, 1 upsert per event, ack", EVENTS, guideMs, "(stores raw events only)");
    console.log(
      `\nstore + acknowledge: the app drains ${(guideMs / drainMs).toFixed(1)}× faster than the guide's poller (target ≥ 10×).` +
        `\nThe guide's poller stores events but never translates them; the app's translation is a separate, budgeted stage` +
        ` (end to end including it: ${(guideMs / endToEndMs).toFixed(2)}× the guide's store-only rate).`,
    );
  } finally {
    emulator.child.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
