// Writes test data into the browser tests' database through the app's own code (applyEvents,
// createShareLink), in a child process: that code is server-only, so it runs here under the
// "react-server" condition rather than inside Playwright's worker. Prints one JSON line.
//   node --conditions=react-server --import tsx tests/e2e/support/seed-cli.ts attempt '{"candidate":{"name":"X"}}'
import { createDb } from "@/lib/db/create-client";
import { createShareLink, type ShareLinkOptions } from "@/lib/server/share/share-links";
import { seedAttempt, type SeedAttempt } from "../../support/seed-attempt";
import { whileBusy } from "./while-busy";

/** JSON carries times as ISO text; the facts an adapter produces carry Dates. */
function reviveTimes(key: string, value: unknown): unknown {
  return typeof value === "string" && /At$/.test(key) && !Number.isNaN(Date.parse(value)) ? new Date(value) : value;
}

async function main() {
  const [command, json = "{}"] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const db = createDb(url);
  try {
    if (command === "attempt") {
      const attemptId = await whileBusy(() => seedAttempt(db, JSON.parse(json, reviveTimes) as SeedAttempt));
      const { candidateId } = await db.attempt.findUniqueOrThrow({
        where: { id: attemptId },
        select: { candidateId: true },
      });
      return { attemptId, candidateId };
    }
    if (command === "share") {
      const link = await whileBusy(() => createShareLink(db, null, JSON.parse(json) as ShareLinkOptions));
      return { token: link.token, id: link.id };
    }
    throw new Error(`unknown command ${command ?? "(none)"}: use "attempt" or "share"`);
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (result) => console.log(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
