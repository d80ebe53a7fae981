// A fresh, migrated database per test file (or per test), on SQLite and (when reachable) PostgreSQL.
//   describeEachDatabase("inbox", (getDb) => { it("…", async () => { const db = getDb(); … }) });
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from "vitest";
import { createDb, type Db } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrations";

export type DatabaseKind = "sqlite" | "postgresql";

export interface TestDatabase {
  kind: DatabaseKind;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export function availableDatabaseKinds(): DatabaseKind[] {
  return inject("postgresAdminUrl") ? ["sqlite", "postgresql"] : ["sqlite"];
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "hub-test-"));
    const url = `file:${join(dir, "test.db")}`;
    await applyMigrations(url);
    const db = createDb(url);
    return {
      kind,
      url,
      db,
      async drop() {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject("postgresAdminUrl");
  if (!adminUrl) throw new Error("PostgreSQL is not available for this test run");
  const name = `hub_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  const db = createDb(url.toString());
  return {
    kind,
    url: url.toString(),
    db,
    async drop() {
      await db.$disconnect();
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin(adminUrl: string, run: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs the same suite once per available database, each on its own fresh database, which the
 * suite's tests share; with `databasePerTest`, every test gets a fresh database of its own
 * (for tests that need to know the whole database, such as a scan of every table).
 */
export function describeEachDatabase(
  title: string,
  body: (getDb: () => Db, kind: DatabaseKind) => void,
  options: { databasePerTest?: boolean } = {},
) {
  const [setUp, tearDown] = options.databasePerTest ? [beforeEach, afterEach] : [beforeAll, afterAll];
  for (const kind of availableDatabaseKinds()) {
    describe(`${title} [${kind}]`, () => {
      let database: TestDatabase | undefined;
      setUp(async () => {
        database = await createTestDatabase(kind);
      });
      tearDown(async () => {
        await database?.drop();
        database = undefined;
      });
      body(() => {
        if (!database) throw new Error("test database not ready");
        return database.db;
      }, kind);
    });
  }
}
