// bench: uses-built-app
// Draining 20,000 queued SmartAI events until every result is *visible*: the built app
// (`npm start`, its own poller, a fresh SQLite file), clocked from its first poll until the
// read API shows every result with its final status. Beside it, in the same run and against
// the same emulator (its own process), three baselines that each store one normalised result
// row per event, clocked until their last acknowledgement (for them, acknowledged = visible):
// the guide's loop with Prisma, the same loop on better-sqlite3, and a batched driver floor.
//   npm run bench -- smartai        (BENCH_EVENTS=5000 for a quicker run)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH_SECRETS, ensureBuild, startApp } from "./support/built-app";
import {
  batchedDriverFloor,
  countGuideRows,
  createGuideDatabase,
  driverGuideLoop,
  guidePrismaClient,
  prismaGuideLoop,
} from "./support/guide-loops";
import { seconds, sleep, stopAll } from "./support/processes";
import { Scorecard } from "./support/scorecard";
import {
  QueueClient,
  emulatorStats,
  peekQueue,
  queueEvents,
  startSmartAiEmulator,
  type SmartAiEmulatorProcess,
} from "./support/smartai-emulator";
import { ReadApiProbe, describeCounts, expectedFromSmartAiEvents, waitUntilVisible } from "./support/visibility";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const WARM_UP_EVENTS = 500;
/** How long the app may take to make everything visible before the bench gives up on it. */
const VISIBLE_TIMEOUT_MS = Number(process.env.BENCH_VISIBLE_TIMEOUT_MS ?? 120_000);
const scorecard = new Scorecard("smartai-drain");

const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));
function line(label: string, count: number, ms: number, note = "") {
  console.log(
    `${label.padEnd(56)} ${count.toLocaleString("en").padStart(7)} in ${seconds(ms).padStart(8)}  ${rate(count, ms).toLocaleString("en").padStart(7)} events/s ${note}`,
  );
}

interface Baseline {
  label: string;
  run: (client: QueueClient, file: string) => Promise<void>;
}

const BASELINES: Baseline[] = [
  {
    label: "(a) guide loop, Prisma: 50/call, 1 upsert/event",
    run: async (client, file) => {
      const prisma = await guidePrismaClient(file);
      try {
        await prismaGuideLoop(client, prisma);
      } finally {
        await prisma.$disconnect();
      }
    },
  },
  { label: "(b) guide loop, better-sqlite3: 50/call, 1 upsert/event", run: driverGuideLoop },
  { label: "(c) batched floor, better-sqlite3: 100/call, 1 tx/batch", run: batchedDriverFloor },
];

async function measureBaseline(emulator: SmartAiEmulatorProcess, client: QueueClient, baseline: Baseline, dir: string) {
  for (const [name, count] of [
    ["warm-up", WARM_UP_EVENTS],
    ["measured", EVENTS],
  ] as const) {
    const queued = await queueEvents(emulator, count);
    if (queued !== count) throw new Error(`expected ${count} queued events, the emulator holds ${queued}`);
    const file = join(dir, `${baseline.label.slice(1, 2)}-${name}.db`);
    createGuideDatabase(file);
    // A Prisma client is connected before the clock starts, as a running server's would be.
    const start = performance.now();
    await baseline.run(client, file);
    const ms = performance.now() - start;
    const rows = countGuideRows(file);
    if (rows !== count) throw new Error(`${baseline.label} stored ${rows} rows for ${count} events`);
    if (name === "measured") return ms;
  }
  throw new Error("unreachable");
}

async function measureApp(emulator: SmartAiEmulatorProcess, client: QueueClient, dir: string) {
  const distDir = ensureBuild();
  const queued = await queueEvents(emulator, EVENTS);
  if (queued !== EVENTS) throw new Error(`expected ${EVENTS} queued events, the emulator holds ${queued}`);
  const expected = expectedFromSmartAiEvents(await peekQueue(client));
  console.log(`the app's queue: ${EVENTS.toLocaleString("en")} events, expected ${describeCounts(expected)}`);

  // The app's first poll is the first request the emulator sees after this count.
  const requestsBefore = (await emulatorStats(emulator)).requests;
  let firstPollAt: number | null = null;
  let drainedAt: number | null = null;
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const stats = await emulatorStats(emulator).catch(() => null);
      if (!stats) return;
      const now = performance.now();
      if (firstPollAt === null && stats.requests > requestsBefore) firstPollAt = now;
      if (firstPollAt !== null && drainedAt === null && stats.queued === 0) drainedAt = now;
      await sleep(firstPollAt === null ? 10 : 100);
    }
  })();

  const databaseUrl = `file:${join(dir, "app.db")}`;
  const app = await startApp({
    distDir,
    databaseUrl,
    name: "the app",
    env: {
      ASSESSMENT_API_URL: emulator.url,
      ASSESSMENT_API_KEY: emulator.apiKey,
      ASSESSMENT_SECRET_KEY: emulator.secretKey,
      ASSESSMENT_POLL_INTERVAL_MS: "5000",
      POLLER_ENABLED: "1",
    },
  });
  const probe = new ReadApiProbe(() => app.url, databaseUrl, BENCH_SECRETS.apiToken);
  try {
    const startWait = performance.now();
    while (firstPollAt === null && performance.now() - startWait < 30_000) await sleep(20);
    if (firstPollAt === null) throw new Error("the app did not poll SmartAI within 30 s of answering /api/health");
    const outcome = await waitUntilVisible(probe, expected, firstPollAt + VISIBLE_TIMEOUT_MS);
    watching = false;
    await watcher;
    console.log(`visibility read from ${probe.source}`);
    return { firstPollAt: firstPollAt as number, drainedAt, outcome, expected };
  } finally {
    watching = false;
    await probe.close();
    await app.stop();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "hub-bench-smartai-"));
  const emulator = await startSmartAiEmulator();
  const client = new QueueClient(emulator);
  try {
    console.log(
      `SmartAI emulator in its own process at ${emulator.url}; ${EVENTS.toLocaleString("en")} events per run\n`,
    );
    const baselineMs: number[] = [];
    for (const baseline of BASELINES) {
      const ms = await measureBaseline(emulator, client, baseline, dir);
      baselineMs.push(ms);
      line(baseline.label, EVENTS, ms, "until the last acknowledgement");
    }

    const app = await measureApp(emulator, client, dir);
    if (app.drainedAt !== null)
      line("app: queue drained (acknowledged)", EVENTS, app.drainedAt - app.firstPollAt, "first poll → queue empty");
    if (app.outcome.visibleAt === null) {
      console.log(
        `the app: not all visible ${seconds(VISIBLE_TIMEOUT_MS)} after its first poll: ${describeCounts(app.outcome.last)} of ${describeCounts(app.expected)}`,
      );
      scorecard.fail(
        `SmartAI drain, ${EVENTS.toLocaleString("en")} events to visible`,
        `${app.outcome.last.total} of ${app.expected.total} results readable after ${seconds(VISIBLE_TIMEOUT_MS)}`,
      );
      return;
    }
    const appMs = app.outcome.visibleAt - app.firstPollAt;
    line("app: first poll → every result visible (read API)", EVENTS, appMs, `${describeCounts(app.expected)}`);

    const appRate = EVENTS / appMs;
    const [prismaRatio, driverRatio, floorRatio] = baselineMs.map((ms) => appRate / (EVENTS / ms)) as [
      number,
      number,
      number,
    ];
    console.log("");
    scorecard.check(
      "SmartAI drain to visible vs (a) guide loop on Prisma",
      `${prismaRatio.toFixed(2)}×`,
      "≥ 10×",
      prismaRatio >= 10,
    );
    scorecard.check(
      "SmartAI drain to visible vs (b) guide loop on better-sqlite3",
      `${driverRatio.toFixed(2)}×`,
      "≥ 0.5×",
      driverRatio >= 0.5,
    );
    scorecard.check(
      "SmartAI drain to visible vs (c) batched driver floor",
      `${floorRatio.toFixed(2)}×`,
      "≥ 0.25×",
      floorRatio >= 0.25,
    );
  } finally {
    client.close();
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(scorecard.allMet ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
