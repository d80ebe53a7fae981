// A separate app instance for the crash test: applies the database's pending deliveries in
// small batches, saying "applied <n>" after each, until the test kills it (SIGKILL).
//   node --conditions=react-server --import tsx tests/support/applier-child.ts <DATABASE_URL>
import { createDb } from "../../lib/db/create-client";
import { claimAndApply } from "../../lib/server/ingestion/process-delivery";

async function main() {
  const url = process.argv[2];
  if (!url) throw new Error("usage: applier-child.ts <DATABASE_URL>");
  const db = createDb(url);
  for (;;) {
    const batch = await claimAndApply(db, { limit: 10 });
    if (batch.claimed === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    process.stdout.write(`applied ${batch.counts.processed}\n`);
  }
}

void main();
