// Push webhooks under load: the real app (next build + npm start's script, fresh SQLite) beside
// a bare node:http receiver that only verifies the signature and inserts the body into SQLite,
// each in its own process, each sent the same signed Testlify and engine deliveries by 32
// concurrent senders. Figures only; the target is at least half the bare receiver's rate with
// p99 under 250 ms. Every accepted delivery must be stored (checked by counting rows).
//   npm run bench -- webhooks     (BENCH_DELIVERIES=1000 for a quicker run; BENCH_SKIP_BUILD=1 to reuse the build)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { planStream } from "../emulators/webhook-sender/plan";
import { runLoad, type LoadRequest, type LoadResult } from "./support/webhook-load";

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 3_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WARMUP = 200;
const DIST_DIR = ".next-bench-webhooks";
const SECRETS = {
  testlify: `whsec_${Buffer.from("bench testlify webhook secret!!").toString("base64")}`,
  engine: `whsec_${Buffer.from("bench engine webhook secret!!!!").toString("base64")}`,
};

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "hub-bench-webhooks-"));
  const children: ChildProcess[] = [];
  try {
    if (!process.env.BENCH_SKIP_BUILD || !existsSync(DIST_DIR)) {
      console.log(`building the app into ${DIST_DIR}…`);
      const build = spawnSync("npx", ["next", "build"], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
      });
      if (build.status !== 0) throw new Error("next build failed");
    }
    const appFile = join(dir, "app.db");
    const app = await startApp(appFile);
    children.push(app.child);
    const bare = await startBareReceiver(join(dir, "bare.db"));
    children.push(bare.child);

    const { warmup, measured } = deliveries();
    const [bareWarm, appWarm] = [await runLoad(bare.url, warmup, 4), await runLoad(app.url, warmup, 4)];
    console.log(
      `${measured.length.toLocaleString("en")} signed deliveries to each, ${CONCURRENCY} concurrent senders, loopback\n`,
    );
    const bareResult = await runLoad(bare.url, measured, CONCURRENCY);
    report("bare receiver (verify + INSERT, better-sqlite3)", bareResult);
    const appResult = await runLoad(app.url, measured, CONCURRENCY);
    report("the app (next start, SQLite, process after answer)", appResult);

    const drainStart = performance.now();
    const appRows = await waitUntilProcessed(appFile);
    const drainSeconds = (performance.now() - drainStart) / 1000;
    // The same requests signed with a secret the app does not know: Next's route pipeline and
    // the signature check alone, nothing stored — the ceiling for this app on this machine.
    const forged = measured.map((request) => ({
      ...request,
      secret: `whsec_${Buffer.from("not the configured secret").toString("base64")}`,
    }));
    report("the app refusing them (401: no database work)", await runLoad(app.url, forged, CONCURRENCY));
    const bareRows = countRows(join(dir, "bare.db"), `SELECT COUNT(*) AS n FROM delivery`);
    const accepted = (result: LoadResult) => (result.byStatus[200] ?? 0) + (result.byStatus[202] ?? 0);
    const expected = accepted(appWarm) + accepted(appResult);
    const expectedBare = accepted(bareWarm) + accepted(bareResult);

    console.log(
      `\nstored: app ${appRows.total} of ${expected} accepted, all processed ${drainSeconds.toFixed(1)} s after the last answer (${appRows.pending} pending); bare ${bareRows} of ${expectedBare}`,
    );
    const ratio = appResult.perSecond / bareResult.perSecond;
    console.log(
      `app rate is ${(ratio * 100).toFixed(0)}% of the bare receiver's (target ≥ 50%): ${ratio >= 0.5 ? "met" : "MISSED"}`,
    );
    console.log(`app p99 ${appResult.p99.toFixed(0)} ms (target < 250 ms): ${appResult.p99 < 250 ? "met" : "MISSED"}`);
    if (appRows.total !== expected || bareRows !== expectedBare) {
      console.error("an accepted delivery is missing from a database");
      process.exitCode = 1;
    }
  } finally {
    for (const child of children) stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Realistic bodies from the demo's stream (both providers, all steps), signed per request. */
function deliveries(): { warmup: LoadRequest[]; measured: LoadRequest[] } {
  const plan = planStream({
    seed: 2026,
    startedAt: Date.now(),
    history: Math.ceil((DELIVERIES + WARMUP) / 3),
    live: 0,
    liveSpreadMs: 0,
    stepMs: 60_000,
    chaos: { lateRate: 0, duplicateRate: 0, unknownRate: 0 },
  });
  const requests = plan.deliveries.map((delivery): LoadRequest => ({
    path: delivery.provider === "testlify" ? "/api/webhooks/testlify" : "/api/webhooks/assessment-engine",
    body: delivery.body,
    secret: delivery.provider === "testlify" ? SECRETS.testlify : SECRETS.engine,
    names: delivery.provider === "testlify" ? "svix" : "webhook",
    messageId: delivery.messageId,
    eventHeader: delivery.eventHeader,
  }));
  if (requests.length < DELIVERIES + WARMUP) throw new Error("the plan is shorter than the bench needs");
  return { warmup: requests.slice(0, WARMUP), measured: requests.slice(WARMUP, WARMUP + DELIVERIES) };
}

function report(label: string, result: LoadResult) {
  const statuses = Object.entries(result.byStatus)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
  console.log(
    `${label.padEnd(52)} ${result.perSecond.toFixed(0).padStart(6)} deliveries/s   p50 ${result.p50.toFixed(1).padStart(6)} ms   p99 ${result.p99.toFixed(1).padStart(6)} ms   max ${result.max.toFixed(0)} ms   [${statuses}]`,
  );
}

async function startApp(file: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      APP_URL: url,
      DATABASE_URL: `file:${file}`,
      AUTH_SECRET: "bench-auth-secret-that-is-long-enough-0123456789",
      TESTLIFY_WEBHOOK_SECRET: SECRETS.testlify,
      AE_WEBHOOK_SECRET: SECRETS.engine,
      POLLER_ENABLED: "0",
      LOG_LEVEL: "error",
    },
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) before it answered`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the app did not answer /api/health within 120 s");
}

async function startBareReceiver(file: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "bench/support/bare-webhook-receiver.ts", file, SECRETS.testlify, SECRETS.engine],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bare receiver exited (${code})`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /listening on (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function waitUntilProcessed(file: string) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const sqlite = new Database(file, { readonly: true });
    const rows = sqlite.prepare(`SELECT status, COUNT(*) AS n FROM "Delivery" GROUP BY status`).all() as {
      status: string;
      n: number;
    }[];
    sqlite.close();
    const count = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
    const counts = {
      total: rows.reduce((sum, row) => sum + row.n, 0),
      processed: count("processed"),
      pending: count("pending"),
    };
    if (counts.pending === 0 || Date.now() > deadline) return counts;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function countRows(file: string, sql: string): number {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare(sql).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function stop(child: ChildProcess) {
  try {
    // The app runs as npx → tsx → next: its whole process group goes.
    if (child.pid) process.kill(child.spawnargs[0] === "npx" ? -child.pid : child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
