// Once per vitest run: picks the fast-check seed every property test uses (see
// fast-check-seed.ts) and finds PostgreSQL for the integration tests (see postgres.ts): the
// run stops with the server's own error and the fix, unless SKIP_POSTGRES=1.
import type { TestProject } from "vitest/node";
import { chooseFastCheckSeed } from "./fast-check-seed-choice";
import {
  checkPostgres,
  PostgresUnavailableError,
  postgresAdminUrl,
  postgresSkipped,
  skippedPostgresBanner,
} from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string | null;
    fastCheckSeed: number;
  }
}

/** Thrown from global setup, an error would come after a misleading "No test files found". */
function stopRun(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

export default async function setup(project: TestProject) {
  let seed: number;
  try {
    seed = chooseFastCheckSeed();
  } catch (error) {
    stopRun((error as Error).message);
  }
  console.log(`fast-check seed ${seed}: rerun the same property cases with FC_SEED=${seed}`);
  project.provide("fastCheckSeed", seed);

  if (postgresSkipped()) {
    const banner = skippedPostgresBanner("the integration tests ran on SQLite only and");
    console.warn(banner);
    project.provide("postgresAdminUrl", null);
    // Said again at the end, where a reader of the run's output looks first.
    return () => console.warn(banner);
  }
  const url = postgresAdminUrl();
  try {
    await checkPostgres(url);
  } catch (error) {
    if (error instanceof PostgresUnavailableError) stopRun(error.message);
    throw error;
  }
  project.provide("postgresAdminUrl", url);
}
