// Builds a Prisma client for a DATABASE_URL: SQLite through better-sqlite3 for `file:` URLs,
// PostgreSQL through pg otherwise. Both clients come from one schema, so they share one type.
// Not server-only: the CLI scripts and tests build clients too.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, type Prisma } from "@generated/prisma-sqlite/client";
import { PrismaClient as PostgresClient } from "@generated/prisma-postgresql/client";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { databaseDialect } from "../config/settings";
import { SqliteTurns } from "./sqlite-turns";
import { sqliteFilePath } from "./sqlite-file";

export type Db = SqliteClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

export { sqliteFilePath };

/**
 * Prisma's SQLite connection: it overwrites deleted content with zeros (secure_delete), so an
 * erased person's rows do not linger in free pages of the file (issue 14: erasure reaches the
 * disk), and it takes turns with the applier's driver connection (sqlite-turns.ts). Its commits
 * checkpoint the write-ahead log only past the driver connection's bound: at SQLite's default
 * (1,000 pages) every small write of a request or the poller's bookkeeping folded in whatever a
 * SmartAI drain had written since the last one: about a tenth of a drain's time in a profile.
 */
class TurnTakingSqlite extends PrismaBetterSQLite3 {
  constructor(
    config: ConstructorParameters<typeof PrismaBetterSQLite3>[0],
    private readonly turns: SqliteTurns,
  ) {
    super(config);
  }

  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(
      `PRAGMA secure_delete = ON; PRAGMA wal_autocheckpoint = ${DRIVER_WAL_AUTOCHECKPOINT_PAGES}`,
    );
    return takingTurns(adapter, this.turns);
  }
}

/** Each statement outside a transaction is a turn; a transaction is one turn, BEGIN to COMMIT. */
function takingTurns(adapter: SqlDriverAdapter, turns: SqliteTurns): SqlDriverAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.queryRaw = (query) => turns.run(() => queryRaw(query));
  adapter.executeRaw = (query) => turns.run(() => executeRaw(query));
  adapter.executeScript = (script) => turns.run(() => executeScript(script));
  adapter.startTransaction = async (isolationLevel) => {
    const release = await turns.take();
    try {
      const transaction = await startTransaction(isolationLevel);
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      transaction.commit = () => commit().finally(release);
      transaction.rollback = () => rollback().finally(release);
      return transaction;
    } catch (error) {
      release();
      throw error;
    }
  };
  return adapter;
}

export function createDb(databaseUrl: string): Db {
  const turns = new SqliteTurns();
  const db = createPrismaClient(databaseUrl, turns);
  sqliteTurns.set(db, turns);
  databaseUrls.set(db, databaseUrl);
  // The driver connection opened beside the client (driverConnectionFor) ends with it.
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await closeDriverConnection(db);
    await disconnect();
  };
  return db;
}

function createPrismaClient(databaseUrl: string, turns: SqliteTurns): Db {
  if (databaseDialect(databaseUrl) === "sqlite") {
    const file = sqliteFilePath(databaseUrl);
    mkdirSync(dirname(file), { recursive: true });
    return new SqliteClient({ adapter: new TurnTakingSqlite({ url: `file:${file}` }, turns) });
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
  // Same models from the same schema; only the dialect differs.
  return new PostgresClient({ adapter }) as unknown as Db;
}

/**
 * A plain driver connection to a client's database, for work where Prisma's per-statement cost
 * dominates (the applier's batches). SQLite: a second better-sqlite3 connection to the same
 * file (WAL), taking turns with Prisma's (sqlite-turns.ts); it never waits for another process's
 * lock inside SQLite (busy_timeout 0): a synchronous wait would block the event loop, so the
 * caller retries later instead. PostgreSQL: a small pg pool of its own.
 */
export type DriverConnection =
  { dialect: "sqlite"; sqlite: Database.Database; turns: SqliteTurns } | { dialect: "postgresql"; pool: pg.Pool };

/**
 * What this process knows about each client, on globalThis: Next bundles instrumentation.ts and
 * the routes separately, each with its own copy of this module, while they share one client
 * (lib/server/db keeps it on globalThis), so module-level maps would not see each other's.
 */
const registry = ((
  globalThis as typeof globalThis & { __assessmentHubClients?: ClientRegistry }
).__assessmentHubClients ??= {
  databaseUrls: new WeakMap(),
  sqliteTurns: new WeakMap(),
  driverConnections: new WeakMap(),
});
interface ClientRegistry {
  databaseUrls: WeakMap<Db, string>;
  sqliteTurns: WeakMap<Db, SqliteTurns>;
  driverConnections: WeakMap<Db, DriverConnection>;
}
const { databaseUrls, sqliteTurns, driverConnections } = registry;

/** The driver connection beside `db` (opened on first use, closed by `db.$disconnect()` or closeDriverConnection). */
export function driverConnectionFor(db: Db): DriverConnection {
  const open = driverConnections.get(db);
  if (open) return open;
  const databaseUrl = databaseUrls.get(db);
  if (!databaseUrl)
    throw new Error("driverConnectionFor needs a client made by createDb (it knows the database's URL)");
  const connection = openDriverConnection(databaseUrl, sqliteTurns.get(db)!);
  driverConnections.set(db, connection);
  return connection;
}

/** The driver connection beside `db` if one is open. */
export function openDriverConnectionOf(db: Db): DriverConnection | undefined {
  return driverConnections.get(db);
}

export async function closeDriverConnection(db: Db): Promise<void> {
  const connection = driverConnections.get(db);
  if (!connection) return;
  driverConnections.delete(db);
  if (connection.dialect === "sqlite") connection.sqlite.close();
  else await connection.pool.end();
}

/** PostgreSQL TIMESTAMP (without time zone) as Prisma writes it: UTC. pg would read it as local time. */
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

/** About 40 MB of write-ahead log (4 KB pages) before a commit on the driver connection checkpoints. */
const DRIVER_WAL_AUTOCHECKPOINT_PAGES = 10_000;

function openDriverConnection(databaseUrl: string, turns: SqliteTurns): DriverConnection {
  if (databaseDialect(databaseUrl) === "sqlite") {
    const sqlite = new Database(sqliteFilePath(databaseUrl), { timeout: 0 });
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("secure_delete = ON");
    // A commit lost to a power cut leaves its deliveries pending (statuses commit with the model
    // changes), so the next batch applies them again: full fsyncs buy nothing here.
    sqlite.pragma("synchronous = NORMAL");
    // Its owner checkpoints when a backlog is done; this bound only keeps the log from growing without end.
    sqlite.pragma(`wal_autocheckpoint = ${DRIVER_WAL_AUTOCHECKPOINT_PAGES}`);
    return { dialect: "sqlite", sqlite, turns };
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 4,
    allowExitOnIdle: true,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === TIMESTAMP_OID ? parseUtcTimestamp : pg.types.getTypeParser(oid, format as "text")) as never,
    },
  });
  // An idle connection's error (the server restarted, the database was dropped) surfaces again
  // on the next query, where the caller handles it; unhandled here it would end the process.
  pool.on("error", () => undefined);
  return { dialect: "postgresql", pool };
}
