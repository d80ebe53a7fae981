// bench: uses-built-app
// Push webhooks under load: 3,000 signed Testlify deliveries from 32 concurrent senders to the
// built app served by `npm start` (fresh SQLite), and the same to a bare node:http receiver
// that only verifies the signature and inserts the body into SQLite (each in its own process).
// Then, from the app's last answer, how long until every result is readable through the read
// API with the status its journey ends in.
//   npm run bench -- webhooks     (BENCH_DELIVERIES=1000 for a quicker run)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { BENCH_SECRETS, ensureBuild, startApp } from "./support/built-app";
import { seconds, spawnGroup, stopAll } from "./support/processes";
import { Scorecard } from "./support/scorecard";
import { testlifyBursts } from "./support/testlify-deliveries";
import { ReadApiProbe, describeCounts, expectedFromStatuses, waitUntilVisible } from "./support/visibility";
import { accepted, runLoad, type LoadRequest, type LoadResult } from "./support/webhook-load";

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 3_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WARM_UP = 200;
const VISIBLE_TIMEOUT_MS = Number(process.env.BENCH_VISIBLE_TIMEOUT_MS ?? 60_000);
const scorecard = new Scorecard("webhooks");

function report(label: string, result: LoadResult) {
  const statuses = Object.entries(result.byStatus)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
  console.log(
    `${label.padEnd(52)} ${result.perSecond.toFixed(0).padStart(6)} deliveries/s   p50 ${result.p50.toFixed(1).padStart(6)} ms   p99 ${result.p99.toFixed(1).padStart(6)} ms   max ${result.max.toFixed(0)} ms   [${statuses}]`,
  );
}

async function startBareReceiver(file: string) {
  const child = spawnGroup(
    process.execPath,
    ["--import", "tsx", "bench/support/bare-webhook-receiver.ts", file, BENCH_SECRETS.testlify, BENCH_SECRETS.engine],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bare receiver exited (${code})`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /listening on (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return `http://127.0.0.1:${port}`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "hub-bench-webhooks-"));
  try {
    const distDir = ensureBuild();
    const databaseUrl = `file:${join(dir, "app.db")}`;
    const app = await startApp({ distDir, databaseUrl });
    const bareUrl = await startBareReceiver(join(dir, "bare.db"));

    const [warmUp, measured] = testlifyBursts(BENCH_SECRETS.testlify, [WARM_UP, DELIVERIES]) as [
      { requests: LoadRequest[]; finalStatuses: string[] },
      { requests: LoadRequest[]; finalStatuses: string[] },
    ];
    const expected = expectedFromStatuses([...warmUp.finalStatuses, ...measured.finalStatuses]);
    for (const url of [bareUrl, app.url]) await runLoad(url, warmUp.requests, { concurrency: 4 });
    console.log(
      `${measured.requests.length.toLocaleString("en")} signed Testlify deliveries to each, ${CONCURRENCY} concurrent senders, loopback\n`,
    );

    const bare = await runLoad(bareUrl, measured.requests, { concurrency: CONCURRENCY });
    report("bare receiver (verify + INSERT, better-sqlite3)", bare);
    const appLoad = await runLoad(app.url, measured.requests, { concurrency: CONCURRENCY });
    const lastAnswer = performance.now();
    report("the app (npm start, SQLite)", appLoad);

    const probe = new ReadApiProbe(() => app.url, databaseUrl, BENCH_SECRETS.apiToken);
    const outcome = await waitUntilVisible(probe, expected, lastAnswer + VISIBLE_TIMEOUT_MS);
    await probe.close();
    console.log(`expected ${describeCounts(expected)}; visibility read from ${probe.source}`);

    // The same requests signed with a secret the app does not know: the route and the signature
    // check alone, nothing stored — the ceiling of the app's HTTP path on this machine.
    const forged = measured.requests.map((request) => ({
      ...request,
      secret: `whsec_${Buffer.from("not the configured secret").toString("base64")}`,
    }));
    report(
      "the app refusing them (401: no database work)",
      await runLoad(app.url, forged, { concurrency: CONCURRENCY }),
    );
    const bareRows = new Database(join(dir, "bare.db"), { readonly: true })
      .prepare(`SELECT COUNT(*) AS n FROM delivery`)
      .get() as { n: number };
    console.log("");

    const ratio = appLoad.perSecond / bare.perSecond;
    const answeredAll = appLoad.outcomes.every(accepted);
    scorecard.check(
      "webhooks: every delivery answered 2xx",
      `${appLoad.outcomes.filter(accepted).length} of ${measured.requests.length} (bare stored ${bareRows.n})`,
      "all",
      answeredAll,
    );
    scorecard.check(
      "webhooks: app throughput vs the bare receiver",
      `${appLoad.perSecond.toFixed(0)}/s vs ${bare.perSecond.toFixed(0)}/s = ${ratio.toFixed(2)}×`,
      "≥ 0.5×",
      ratio >= 0.5,
    );
    scorecard.check("webhooks: app p99", `${appLoad.p99.toFixed(0)} ms`, "< 250 ms", appLoad.p99 < 250);
    if (outcome.visibleAt === null) {
      scorecard.check(
        "webhooks: last answer → all results visible",
        `not within ${seconds(VISIBLE_TIMEOUT_MS)}: ${describeCounts(outcome.last)}`,
        "≤ 2 s",
        false,
      );
    } else {
      const ms = outcome.visibleAt - lastAnswer;
      scorecard.check("webhooks: last answer → all results visible", seconds(ms), "≤ 2 s", ms <= 2_000);
    }
  } finally {
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
