// bench: uses-built-app
// Two instances on one PostgreSQL database: both `npm start` on their own ports against one
// fresh database, both polling the same SmartAI emulator, which fails 5% of requests (5xx,
// 429, dropped connections, slow answers). 1,000 events are queued; the clock starts when the
// queue is empty and stops when the read API shows every result with its final status
// (target: within 2 s). None twice: results against distinct keys, applied timeline rows
// against distinct (delivery, result) pairs, and the read API's pages against distinct ids.
//   npm run bench -- two-instances        (BENCH_PG_ADMIN_URL=postgresql://… for another server)
import { randomBytes } from "node:crypto";
import pg from "pg";
import { TrafficGenerator } from "../emulators/smartai/traffic";
import { BENCH_SECRETS, ensureBuild, startApp } from "./support/built-app";
import { seconds, sleep, stopAll } from "./support/processes";
import { Scorecard } from "./support/scorecard";
import {
  emulatorStats,
  queueGivenEvents,
  setRandomFaults,
  startSmartAiEmulator,
  type SmartAiEvent,
} from "./support/smartai-emulator";
import {
  ReadApiProbe,
  describeCounts,
  describeDuplicates,
  duplicateReport,
  expectedFromSmartAiEvents,
  noDuplicates,
  waitUntilVisible,
} from "./support/visibility";

const EVENTS = Number(process.env.BENCH_PG_EVENTS ?? 1_000);
const FAULT_RATE = 0.05;
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DRAIN_TIMEOUT_MS = 120_000;
const VISIBLE_TIMEOUT_MS = 30_000;
const scorecard = new Scorecard("two-instances");

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function main() {
  const distDir = ensureBuild();
  const name = `hub_bench_${randomBytes(5).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  try {
    const emulator = await startSmartAiEmulator();
    const env = {
      ASSESSMENT_API_URL: emulator.url,
      ASSESSMENT_API_KEY: emulator.apiKey,
      ASSESSMENT_SECRET_KEY: emulator.secretKey,
      ASSESSMENT_POLL_INTERVAL_MS: "5000",
      POLLER_ENABLED: "1",
    };
    // One after the other: the first applies the migrations to the empty database.
    const first = await startApp({ distDir, databaseUrl, env, name: "instance A" });
    const second = await startApp({ distDir, databaseUrl, env, name: "instance B" });
    console.log(
      `two instances on ${databaseUrl} at ${first.url} and ${second.url}; SmartAI emulator at ${emulator.url}`,
    );

    const events = new TrafficGenerator({ seed: 1_000 }).batch(EVENTS, new Date()) as unknown as SmartAiEvent[];
    const expected = expectedFromSmartAiEvents(events);
    await setRandomFaults(emulator, FAULT_RATE);
    const queuedAt = performance.now();
    await queueGivenEvents(emulator, events);
    console.log(
      `${EVENTS.toLocaleString("en")} events queued with ${FAULT_RATE * 100}% faults; expected ${describeCounts(expected)}`,
    );

    let drainedAt: number | null = null;
    while (performance.now() - queuedAt < DRAIN_TIMEOUT_MS) {
      if ((await emulatorStats(emulator)).queued === 0) {
        drainedAt = performance.now();
        break;
      }
      await sleep(100);
    }
    if (drainedAt === null) {
      scorecard.fail(
        "two instances: every result visible after the queue drained",
        `the queue was not empty after ${seconds(DRAIN_TIMEOUT_MS)}`,
      );
      return;
    }
    console.log(`queue empty ${seconds(drainedAt - queuedAt)} after the events were queued`);

    const probe = new ReadApiProbe(() => first.url, databaseUrl, BENCH_SECRETS.apiToken);
    const outcome = await waitUntilVisible(probe, expected, drainedAt + VISIBLE_TIMEOUT_MS);
    await probe.close();
    console.log(`visibility read from ${probe.source}`);
    if (outcome.visibleAt === null) {
      scorecard.check(
        "two instances (PostgreSQL, 5% faults): queue empty → every result visible",
        `not within ${seconds(VISIBLE_TIMEOUT_MS)}: ${describeCounts(outcome.last)}`,
        "≤ 2 s",
        false,
      );
    } else {
      const ms = Math.max(0, outcome.visibleAt - drainedAt);
      scorecard.check(
        "two instances (PostgreSQL, 5% faults): queue empty → every result visible",
        seconds(ms),
        "≤ 2 s",
        ms <= 2_000,
      );
    }
    const duplicates = await duplicateReport(databaseUrl, second.url, BENCH_SECRETS.apiToken);
    scorecard.check(
      "two instances: none twice",
      describeDuplicates(duplicates),
      "no duplicates",
      noDuplicates(duplicates),
    );
  } finally {
    await stopAll();
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

main().then(
  () => process.exit(scorecard.allMet ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
