// npm run bench: runs every benchmark in turn; each prints its figures beside a baseline
// measured in the same run. `npm run bench -- <name>` runs only the ones whose file matches.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const filter = process.argv[2];
const benches = readdirSync(join(process.cwd(), "bench"))
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => !filter || file.includes(filter))
  .sort();

if (benches.length === 0) {
  console.error(filter ? `no benchmark matches "${filter}"` : "no benchmarks in bench/");
  process.exit(2);
}

let failed = false;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync("npx", ["tsx", "--conditions=react-server", join("bench", file)], { stdio: "inherit" });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
