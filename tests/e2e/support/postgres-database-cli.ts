// Creates the PostgreSQL smoke server's fresh database, as the first step of that web
// server's command (playwright.config.ts): Playwright starts web servers before globalSetup,
// so nothing earlier could. A server it cannot use stops the run with the server's own error.
//   node --import tsx tests/e2e/support/postgres-database-cli.ts
import pg from "pg";
import { checkPostgres, PostgresUnavailableError } from "../../support/postgres";
import { E2E, POSTGRES_DATABASE_PREFIX } from "./settings";

// global-setup.ts drops each run's database at the end, but a run whose servers never came
// up has no end to speak of; anything this old is no running suite's (a run takes minutes).
const ABANDONED_AFTER_SECONDS = 6 * 60 * 60;

async function main() {
  const postgres = E2E.postgres;
  if (!postgres) throw new Error("SKIP_POSTGRES=1: there is no PostgreSQL server to prepare");
  await checkPostgres(postgres.adminUrl);
  const client = new pg.Client({ connectionString: postgres.adminUrl });
  await client.connect();
  try {
    await dropAbandoned(client);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(postgres.database)}`);
  } finally {
    await client.end();
  }
}

async function dropAbandoned(client: pg.Client) {
  const { rows } = await client.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
    [POSTGRES_DATABASE_PREFIX],
  );
  const cutoff = Date.now() / 1000 - ABANDONED_AFTER_SECONDS;
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(POSTGRES_DATABASE_PREFIX.length).split("_")[0]);
    if (Number.isFinite(createdAt) && createdAt < cutoff) {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof PostgresUnavailableError ? error.message : error);
  process.exit(1);
});
