// Applies the committed SQL migrations (prisma/migrations/<dialect>/NNNN_name/migration.sql)
// in order, each in its own transaction, recording them in _app_migrations.
//
// Why not `prisma migrate deploy`: with the JS engine its PostgreSQL path needs two patches
// (catalog types and splitting scripts on every ";"), and it takes ~12 s. Applying the files
// with the drivers we already ship is short and has neither problem.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseDialect } from "../config/settings";
import { sqliteFilePath } from "./sqlite-file";

export interface Migration {
  name: string;
  sql: string;
}

const MIGRATIONS_TABLE = "_app_migrations";
// Any constant: serialises concurrent starts of several instances on one PostgreSQL database.
const POSTGRES_MIGRATION_LOCK = 727_001;

export function migrationsFor(dialect: "sqlite" | "postgresql", root = process.cwd()): Migration[] {
  const dir = resolve(root, "prisma/migrations", dialect);
  if (!existsSync(dir)) throw new Error(`No migrations found in ${dir}`);
  return readdirSync(dir)
    .filter((name) => /^\d{4}_/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name, "migration.sql"), "utf8") }));
}

/** Applies pending migrations and returns the names it applied. */
export async function applyMigrations(databaseUrl: string, root = process.cwd()): Promise<string[]> {
  const dialect = databaseDialect(databaseUrl);
  const migrations = migrationsFor(dialect, root);
  return dialect === "sqlite"
    ? applySqlite(sqliteFilePath(databaseUrl), migrations)
    : applyPostgres(databaseUrl, migrations);
}

function applySqlite(file: string, migrations: Migration[]): string[] {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
    const applied = new Set(
      sqlite
        .prepare(`SELECT name FROM ${MIGRATIONS_TABLE}`)
        .all()
        .map((row) => (row as { name: string }).name),
    );
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      sqlite.transaction(() => {
        sqlite.exec(migration.sql);
        sqlite
          .prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)`)
          .run(migration.name, new Date().toISOString());
      })();
      done.push(migration.name);
    }
    return done;
  } finally {
    sqlite.close();
  }
}

async function applyPostgres(databaseUrl: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`);
    const applied = new Set(rows.map((row) => row.name));
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        // Simple-query protocol: one round trip runs the whole file, semicolons and all.
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES ($1, now())`, [migration.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [POSTGRES_MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
