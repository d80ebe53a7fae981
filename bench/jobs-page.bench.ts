// bench: uses-built-app
// The job page at 100,000 results as a signed-in recruiter loads it: GET /jobs/<id> with a
// session cookie from the real sign-in flow, against the built app (`npm start`), the whole
// server render timed (target: median under 150 ms). Beside it, the page's own data queries
// (count and first page in parallel, as page.tsx calls them) and a plain indexed SQL query for
// the same rows, in this process.
//   npm run bench -- jobs-page        (BENCH_RESULTS=20000 for a quicker run)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createDb } from "../lib/db/create-client";
import { applyMigrations } from "../lib/db/migrations";
import { countJobResults, listJobResults, type ResultsSelection } from "../lib/server/results/job-results";
import { listJobsOverview } from "../lib/server/results/jobs-overview";
import { ensureBuild, startApp } from "./support/built-app";
import { stopAll } from "./support/processes";
import { Scorecard } from "./support/scorecard";
import { seedLargeJob } from "./support/seed-results";
import { addRecruiter, signIn } from "./support/sign-in";

const RESULTS = Number(process.env.BENCH_RESULTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const RECRUITER = { email: "recruiter@bench.example", password: "bench-recruiter-password" };
const scorecard = new Scorecard("jobs-page");
/** Every seeded candidate's name has one of these: a page with results shows some. */
const SEEDED_NAME = /Sharma|Ghosh|Doe|Lovelace|Hopper|Torvalds|Liskov|Haddad|Chen|García/;

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

    addRecruiter(file, RECRUITER.email, RECRUITER.password);
    const app = await startApp({ distDir: ensureBuild(), databaseUrl: url });
    const cookie = await signIn(app.url, RECRUITER.email, RECRUITER.password);
    const render = async (query: string) => {
      const response = await fetch(`${app.url}/jobs/${jobId}${query}`, { headers: { cookie }, redirect: "manual" });
      const html = await response.text();
      // A redirect to sign-in or an error page would be quick and wrong: only the real page counts.
      if (response.status !== 200 || !html.includes("Senior Software Engineer") || !SEEDED_NAME.test(html))
        throw new Error(`GET /jobs/${jobId}${query} answered ${response.status} without the job's results`);
    };
    console.log("");
    const whole = await measure(() => render(""));
    row("GET /jobs/<id> as a signed-in recruiter (whole render)", whole);
    row(
      "GET /jobs/<id>?status=completed&sort=score&dir=desc",
      await measure(() => render("?status=completed&sort=score&dir=desc")),
    );
    console.log("");
    scorecard.check(
      `job page, ${RESULTS.toLocaleString("en")} results, whole server render`,
      `median ${whole.median.toFixed(0)} ms (p95 ${whole.p95.toFixed(0)} ms)`,
      "< 150 ms median",
      whole.median < 150,
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
