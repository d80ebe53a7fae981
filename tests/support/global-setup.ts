// Finds PostgreSQL for the integration tests: TEST_DATABASE_URL, or a local server on
// 127.0.0.1:5432 (trust auth, as on CI). Without one, tests run on SQLite only and say so.
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string | null;
  }
}

const LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function setup(project: TestProject) {
  const candidate = process.env.TEST_DATABASE_URL || LOCAL_POSTGRES;
  const url = (await reachable(candidate)) ? candidate : null;
  if (!url) {
    if (process.env.TEST_DATABASE_URL || process.env.CI) {
      throw new Error(`PostgreSQL is not reachable at ${candidate}: the integration tests need it here`);
    }
    console.warn(`PostgreSQL not reachable at ${candidate}: integration tests run on SQLite only`);
  }
  project.provide("postgresAdminUrl", url);
}
