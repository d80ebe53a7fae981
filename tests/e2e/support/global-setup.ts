import { rmSync } from "node:fs";
import pg from "pg";
import { skippedPostgresBanner } from "../../support/postgres";
import { E2E } from "./settings";

// The data folder and the PostgreSQL database are made before this runs (see settings.ts and
// postgres-database-cli.ts): Playwright starts the web servers first, so removing anything
// here would pull it from under them. What this does is clear both away once the run is over.
export default function globalSetup() {
  const banner = E2E.postgres ? null : skippedPostgresBanner("the browser tests");
  if (banner) console.warn(banner);
  return async () => {
    rmSync(E2E.dataDir, { recursive: true, force: true });
    if (E2E.postgres) await dropDatabase(E2E.postgres.adminUrl, E2E.postgres.database);
    if (banner) console.warn(banner);
  };
}

/** The PostgreSQL server is still running (web servers stop after global teardown): FORCE ends its connections. */
async function dropDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
