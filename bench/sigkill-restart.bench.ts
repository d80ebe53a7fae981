// bench: uses-built-app
// A crash mid-burst: 1,500 signed Testlify deliveries from 16 senders to the built app
// (`npm start`, fresh SQLite); a third of the way in the whole app is killed with SIGKILL,
// restarted on the same database, and every delivery that did not get a 2xx is sent again.
// Clocked from the restart (the new process spawned) until the read API shows every result
// with its final status (target: within 15 s). None twice: results against distinct keys,
// applied timeline rows against distinct (delivery, result) pairs, the read API's pages
// against distinct ids.
//   npm run bench -- sigkill
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH_SECRETS, ensureBuild, startApp } from "./support/built-app";
import { seconds, stopAll } from "./support/processes";
import { Scorecard } from "./support/scorecard";
import { testlifyBursts } from "./support/testlify-deliveries";
import {
  ReadApiProbe,
  describeCounts,
  describeDuplicates,
  duplicateReport,
  expectedFromStatuses,
  noDuplicates,
  waitUntilVisible,
} from "./support/visibility";
import { accepted, runLoad } from "./support/webhook-load";

const DELIVERIES = Number(process.env.BENCH_CRASH_DELIVERIES ?? 1_500);
const CONCURRENCY = 16;
const VISIBLE_TIMEOUT_MS = Number(process.env.BENCH_CRASH_VISIBLE_TIMEOUT_MS ?? 45_000);
const scorecard = new Scorecard("sigkill-restart");

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "hub-bench-crash-"));
  try {
    const distDir = ensureBuild();
    const databaseUrl = `file:${join(dir, "app.db")}`;
    const [burst] = testlifyBursts(BENCH_SECRETS.testlify, [DELIVERIES]);
    const { requests, finalStatuses } = burst!;
    const expected = expectedFromStatuses(finalStatuses);
    const killAfter = Math.round(requests.length / 3);

    const app = await startApp({ distDir, databaseUrl, name: "the app" });
    let killing: Promise<void> | null = null;
    const load = await runLoad(app.url, requests, {
      concurrency: CONCURRENCY,
      onAnswered: (answered) => {
        if (answered >= killAfter && !killing) killing = app.stop("SIGKILL");
      },
      stop: () => killing !== null,
    });
    await killing;
    const resend = requests.filter((_, index) => !accepted(load.outcomes[index]!));
    console.log(
      `${requests.length.toLocaleString("en")} deliveries, ${CONCURRENCY} senders: SIGKILL after ${killAfter} answers; ` +
        `${requests.length - resend.length} answered 2xx, ${resend.length} to resend [${Object.entries(load.byStatus)
          .map(([status, count]) => `${status}×${count}`)
          .join(" ")}]`,
    );

    const restartAt = performance.now();
    const restarted = await startApp({ distDir, databaseUrl, name: "the restarted app" });
    console.log(`restarted: /api/health answered ${seconds(performance.now() - restartAt)} after the spawn`);
    const again = await runLoad(restarted.url, resend, { concurrency: CONCURRENCY });
    const allAccepted = again.outcomes.every(accepted);
    console.log(
      `resent ${resend.length}: [${Object.entries(again.byStatus)
        .map(([status, count]) => `${status}×${count}`)
        .join(" ")}]`,
    );

    const probe = new ReadApiProbe(() => restarted.url, databaseUrl, BENCH_SECRETS.apiToken);
    const outcome = await waitUntilVisible(probe, expected, restartAt + VISIBLE_TIMEOUT_MS);
    await probe.close();
    console.log(`expected ${describeCounts(expected)}; visibility read from ${probe.source}\n`);

    scorecard.check(
      "SIGKILL mid-burst: every resent delivery answered 2xx",
      `${again.outcomes.filter(accepted).length} of ${resend.length}`,
      "all",
      allAccepted,
    );
    if (outcome.visibleAt === null) {
      scorecard.check(
        "SIGKILL mid-burst: restart → every delivery visible",
        `not within ${seconds(VISIBLE_TIMEOUT_MS)}: ${describeCounts(outcome.last)}`,
        "≤ 15 s",
        false,
      );
    } else {
      const ms = outcome.visibleAt - restartAt;
      scorecard.check("SIGKILL mid-burst: restart → every delivery visible", seconds(ms), "≤ 15 s", ms <= 15_000);
    }
    const duplicates = await duplicateReport(databaseUrl, restarted.url, BENCH_SECRETS.apiToken);
    scorecard.check(
      "SIGKILL mid-burst: none twice",
      describeDuplicates(duplicates),
      "no duplicates",
      noDuplicates(duplicates),
    );
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
