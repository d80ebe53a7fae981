import "server-only";
// The applier's statements on the driver connection beside the Prisma client
// (driverConnectionFor): claims, loads, and each batch's transaction.
//
// SQLite: one connection per process, taking turns with Prisma's connection to the same file
// (lib/db/sqlite-turns.ts): a statement, or a batch's whole transaction, is one turn, so two
// batches never meet inside one transaction and a Prisma write in this process waits for the
// batch's COMMIT asynchronously rather than inside SQLite (where its synchronous busy wait would
// stop the one thread that could commit). A batch's transaction starts with BEGIN IMMEDIATE, so
// it holds the write lock from its first statement. The connection never waits for another
// process's lock (busy_timeout 0): a busy file is tried again a few milliseconds later,
// asynchronously, for up to BUSY_WAIT_MS. Its commits fold the
// write-ahead log into the file only past a large bound (create-client.ts): a backlog's batches
// rewrite the same index pages, so checkpointing once when the backlog is done (checkpoint())
// writes each page once instead of once per batch.
// PostgreSQL: a pool of its own; a batch's transaction holds one of its clients.
import type { Db } from "../../db";
import {
  closeDriverConnection,
  driverConnectionFor,
  openDriverConnectionOf,
  type DriverConnection,
} from "../../../db/create-client";
import type { SqliteTurns } from "../../../db/sqlite-turns";
import type { SqlRunner } from "./runner";
import type Database from "better-sqlite3";
import type pg from "pg";

export interface BatchDriver {
  /** Statements on their own, each committed at once. */
  readonly run: SqlRunner;
  /**
   * Runs `body` in one transaction; `lockTimeoutMs` bounds a wait for a row another transaction
   * holds (PostgreSQL). `durable`: the commit is on disk before this resolves — for what is
   * acknowledged to a provider on the strength of it. Without it a commit may be lost to a power
   * cut or a database server crash (not to a crash of this process), which only suits work that
   * is done again when lost: an applied batch whose deliveries then stay pending.
   */
  transaction<T>(body: (run: SqlRunner) => Promise<T>, options: TransactionOptions): Promise<T>;
  /**
   * Batches worth applying at once: on PostgreSQL a second batch is read and translated while
   * the first one's statements run on the server (row locks keep them apart, as between two
   * instances); SQLite runs everything on this one thread, so one.
   */
  readonly batchesInFlight: number;
  /** Resolves once the work handed to it so far has ended. */
  idle(): Promise<void>;
  /** The backlog is applied: fold SQLite's write-ahead log into the file now (see sqliteDriver). */
  checkpoint(): Promise<void>;
}

export interface TransactionOptions {
  lockTimeoutMs: number;
  durable?: boolean;
}

const BUSY_WAIT_MS = 5_000;
// On globalThis: Next's separate bundles (instrumentation, routes) share one connection and must share its driver.
const drivers = ((
  globalThis as typeof globalThis & { __assessmentHubBatchDrivers?: WeakMap<DriverConnection, BatchDriver> }
).__assessmentHubBatchDrivers ??= new WeakMap());

/** Closes the driver connection once the statements in hand have run (a stop: nothing else is started). */
export async function closeBatchDriver(db: Db): Promise<void> {
  const connection = openDriverConnectionOf(db);
  if (!connection) return;
  await drivers.get(connection)?.idle();
  await closeDriverConnection(db);
}

export function batchDriverFor(db: Db): BatchDriver {
  const connection = driverConnectionFor(db);
  let driver = drivers.get(connection);
  if (!driver) {
    driver =
      connection.dialect === "sqlite"
        ? sqliteDriver(connection.sqlite, connection.turns)
        : postgresDriver(connection.pool);
    drivers.set(connection, driver);
  }
  return driver;
}

function sqliteDriver(sqlite: Database.Database, turns: SqliteTurns): BatchDriver {
  const prepared = new Map<string, Database.Statement>();
  const statement = (text: string) => {
    let found = prepared.get(text);
    if (!found) {
      // Batch statements differ by their row count: keep the cache from growing without end.
      if (prepared.size >= 200) prepared.clear();
      found = sqlite.prepare(text);
      prepared.set(text, found);
    }
    return found;
  };
  const query = <T>(text: string, params: unknown[]) => statement(text).all(...params) as T[];
  const execute = (text: string, params: unknown[]) => {
    const found = statement(text);
    return found.reader ? found.all(...params).length : found.run(...params).changes;
  };
  const inTransaction: SqlRunner = {
    dialect: "sqlite",
    query: async (text, params) => query(text, params),
    execute: async (text, params) => execute(text, params),
  };

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => turns.run(work);

  return {
    batchesInFlight: 1,
    idle: () => turns.idle(),
    checkpoint: () => exclusive(() => whenNotBusy(() => void sqlite.pragma("wal_checkpoint(PASSIVE)"))),
    run: {
      dialect: "sqlite",
      query: (text, params) => exclusive(() => whenNotBusy(() => query(text, params))),
      execute: (text, params) => exclusive(() => whenNotBusy(() => execute(text, params))),
    },
    transaction: (body, { durable }) =>
      exclusive(async () => {
        // FULL: the commit syncs the write-ahead log, so it survives a power cut (NORMAL's does not).
        if (durable) sqlite.pragma("synchronous = FULL");
        try {
          await whenNotBusy(() => sqlite.exec("BEGIN IMMEDIATE"));
          try {
            const result = await body(inTransaction);
            sqlite.exec("COMMIT");
            return result;
          } finally {
            if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
          }
        } finally {
          if (durable) sqlite.pragma("synchronous = NORMAL");
        }
      }),
  };
}

/** Runs `step`, and again every few milliseconds while the file is busy, up to BUSY_WAIT_MS. */
async function whenNotBusy<T>(step: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (let wait = 1; ; wait = Math.min(wait * 2, 25)) {
    try {
      return step();
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      if (!code.startsWith("SQLITE_BUSY") || Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

function postgresDriver(pool: pg.Pool): BatchDriver {
  const runnerOn = (client: pg.Pool | pg.PoolClient): SqlRunner => ({
    dialect: "postgresql",
    query: async <T>(text: string, params: unknown[]) => (await client.query(text, params)).rows as T[],
    execute: async (text, params) => (await client.query(text, params)).rowCount ?? 0,
  });
  let open = 0;
  const whenIdle: (() => void)[] = [];
  return {
    batchesInFlight: 2,
    checkpoint: () => Promise.resolve(),
    idle: () => (open === 0 ? Promise.resolve() : new Promise((resolve) => whenIdle.push(resolve))),
    run: runnerOn(pool),
    async transaction(body, { lockTimeoutMs, durable }) {
      open += 1;
      let broken: Error | undefined;
      const client = await pool.connect().catch((error: unknown) => {
        open -= 1;
        throw error;
      });
      try {
        await client.query("BEGIN");
        await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
        // A batch's commit lost to a server crash leaves its deliveries pending (their statuses
        // commit with the model changes), and they are applied again: no need to wait for the WAL
        // flush. A durable one (a store that is then acknowledged) waits for it.
        if (!durable) await client.query("SET LOCAL synchronous_commit = off");
        const result = await body(runnerOn(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: unknown) => {
          broken = rollbackError as Error;
        });
        throw error;
      } finally {
        client.release(broken);
        open -= 1;
        if (open === 0) for (const resolve of whenIdle.splice(0)) resolve();
      }
    },
  };
}
