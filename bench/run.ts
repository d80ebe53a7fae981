// npm run bench: builds the app once (`npm run build` into a dist folder of its own), then runs
// every benchmark in turn against that build, each beside its baselines measured in the same
// run. Every target is printed as met or MISSED and summed up at the end; a missed target, or
// a bench that fails, makes this exit non-zero.
//   npm run bench -- <name>      only the benches whose file name contains <name>
//   BENCH_SKIP_BUILD=1           reuse the last build in .next-bench
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH_DIST_DIR, buildApp } from "./support/built-app";
import type { TargetLine } from "./support/scorecard";

const filter = process.argv[2];
const benches = readdirSync(join(process.cwd(), "bench"))
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => !filter || file.includes(filter))
  .sort();

if (benches.length === 0) {
  console.error(filter ? `no benchmark matches "${filter}"` : "no benchmarks in bench/");
  process.exit(2);
}

const started = performance.now();
const needsBuild = benches.some((file) =>
  readFileSync(join("bench", file), "utf8").startsWith("// bench: uses-built-app"),
);
if (needsBuild && !(process.env.BENCH_SKIP_BUILD && existsSync(BENCH_DIST_DIR))) buildApp(BENCH_DIST_DIR);

const reportDir = mkdtempSync(join(tmpdir(), "hub-bench-report-"));
const report = join(reportDir, "targets.jsonl");
const failed: string[] = [];
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const benchStarted = performance.now();
  const run = spawnSync("npx", ["tsx", "--conditions=react-server", join("bench", file)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_DIST_DIR, BENCH_REPORT: report },
  });
  console.log(`(${file}: ${((performance.now() - benchStarted) / 1000).toFixed(0)} s, exit ${run.status})`);
  if (run.status !== 0) failed.push(file);
}

const lines: TargetLine[] = existsSync(report)
  ? readFileSync(report, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as TargetLine)
  : [];
rmSync(reportDir, { recursive: true, force: true });
console.log(`\n=== targets (${((performance.now() - started) / 60_000).toFixed(1)} min) ===`);
for (const line of lines)
  console.log(`${line.met ? "met   " : "MISSED"}  ${line.measure}: ${line.figure} (target ${line.target})`);
if (failed.length > 0) console.log(`\nfailed or missed a target: ${failed.join(", ")}`);
process.exit(failed.length > 0 || lines.some((line) => !line.met) ? 1 : 0);
