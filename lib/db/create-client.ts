// Builds a Prisma client for a DATABASE_URL: SQLite through better-sqlite3 for `file:` URLs,
// PostgreSQL through pg otherwise. Both clients come from one schema, so they share one type.
// Not server-only: the CLI scripts and tests build clients too.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, type Prisma } from "@generated/prisma-sqlite/client";
import { PrismaClient as PostgresClient } from "@generated/prisma-postgresql/client";
import { databaseDialect } from "../config/settings";

export type Db = SqliteClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

export function sqliteFilePath(databaseUrl: string): string {
  const path = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  return resolve(path);
}

/**
 * Every SQLite connection overwrites deleted content with zeros (secure_delete), so an erased
 * person's rows do not linger in free pages of the file (issue 14: erasure reaches the disk).
 */
class SecureDeleteSqlite extends PrismaBetterSQLite3 {
  override async connect() {
    const connection = await super.connect();
    await connection.executeScript("PRAGMA secure_delete = ON");
    return connection;
  }
}

export function createDb(databaseUrl: string): Db {
  if (databaseDialect(databaseUrl) === "sqlite") {
    const file = sqliteFilePath(databaseUrl);
    mkdirSync(dirname(file), { recursive: true });
    return new SqliteClient({ adapter: new SecureDeleteSqlite({ url: `file:${file}` }) });
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
  // Same models from the same schema; only the dialect differs.
  return new PostgresClient({ adapter }) as unknown as Db;
}
