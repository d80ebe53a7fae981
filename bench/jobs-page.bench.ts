// The /jobs/[id] data load at 100,000 results: the page's own query functions (count and
// first page in parallel, as page.tsx calls them) beside a plain indexed SQL query for the
// same rows. Figures only; the target is a median under 300 ms.
//   npm run bench -- jobs-page        (BENCH_RESULTS=20000 for a quicker run)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createDb } from "../lib/db/create-client";
import { applyMigrations } from "../lib/db/migrations";
import { countJobResults, listJobResults, type ResultsSelection } from "../lib/server/results/job-results";
import { listJobsOverview } from "../lib/server/results/jobs-overview";
import { seedLargeJob } from "./support/seed-results";

const RESULTS = Number(process.env.BENCH_RESULTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

async function measure(run: () => Promise<unknown> | unknown): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 3; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

function row(label: string, figures: { median: number; p95: number }) {
  console.log(
    `${label.padEnd(58)} median ${figures.median.toFixed(1).padStart(7)} ms   p95 ${figures.p95.toFixed(1).padStart(7)} ms`,
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "hub-bench-jobs-"));
  const file = join(dir, "bench.db");
  const url = `file:${file}`;
  try {
    await applyMigrations(url);
    const seedStart = performance.now();
    const { jobId } = seedLargeJob(file, RESULTS);
    console.log(
      `seeded ${RESULTS.toLocaleString("en")} results in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (${RUNS} runs each)\n`,
    );

    const db = createDb(url);
    const completed: ResultsSelection = { status: ["completed"], provider: [] };
    const firstPage = { sort: "score", dir: "desc", size: 50 } as const;
    const loadPage = (filters: ResultsSelection, page: Parameters<typeof listJobResults>[3]) =>
      Promise.all([countJobResults(db, jobId, filters), listJobResults(db, jobId, filters, page)]);

    row("page data: completed, by score desc, first 50 (Prisma)", await measure(() => loadPage(completed, firstPage)));

    const sqlite = new Database(file, { readonly: true });
    const plainRows = sqlite.prepare(`
      SELECT a.*, c.name AS candidateName, c.email AS candidateEmail, s.name AS assessmentName
      FROM "Attempt" a JOIN "Candidate" c ON c.id = a.candidateId JOIN "Assessment" s ON s.id = a.assessmentId
      WHERE a.jobId = ? AND a.status = 'completed' AND a.score IS NOT NULL
      ORDER BY a.score DESC, a.id DESC LIMIT 51`);
    const plainCount = sqlite.prepare(`SELECT COUNT(*) AS n FROM "Attempt" WHERE jobId = ? AND status = 'completed'`);
    row(
      "same rows, plain indexed SQL (better-sqlite3)",
      await measure(() => [plainCount.get(jobId), plainRows.all(jobId)]),
    );

    let deepCursor: string | undefined;
    for (let page = 0; page < 200; page += 1) {
      deepCursor =
        (await listJobResults(db, jobId, completed, { ...firstPage, after: deepCursor })).nextCursor ?? undefined;
    }
    row(
      "page data: same, page 201 by keyset cursor",
      await measure(() => loadPage(completed, { ...firstPage, after: deepCursor })),
    );
    row(
      "page data: everyone, newest submissions first",
      await measure(() => loadPage({ status: [], provider: [] }, { sort: "submittedAt", dir: "desc", size: 50 })),
    );
    row(
      'page data: search "hopper", by score desc',
      await measure(() => loadPage({ status: [], provider: [], q: "hopper" }, firstPage)),
    );
    row("jobs overview: counts, average, pass rate (groupBy)", await measure(() => listJobsOverview(db, {})));

    sqlite.close();
    await db.$disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
