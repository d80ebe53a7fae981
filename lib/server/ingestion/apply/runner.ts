import "server-only";
// Where the set-based apply's statements run. The applier's batches run on the driver
// connection beside the Prisma client (driver.ts): through Prisma's raw path a 500-row insert
// costs ten times what it costs on the driver. Events applied inside a caller's Prisma
// transaction (apply-events.ts) run through that transaction (prismaRunner). Rows come back
// differently from each (dates as text or Date, JSON as text or parsed, booleans as 0/1 or
// true/false): `decode` reads them all alike.
import type { Tx } from "../../db";
import type { Dialect } from "./sql";

export interface SqlRunner {
  readonly dialect: Dialect;
  /** Rows of a SELECT or of a statement with RETURNING. */
  query<T>(text: string, params: unknown[]): Promise<T[]>;
  /** Rows changed. */
  execute(text: string, params: unknown[]): Promise<number>;
}

export function prismaRunner(tx: Tx): SqlRunner {
  const dialect: Dialect =
    (tx as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
  return {
    dialect,
    query: <T>(text: string, params: unknown[]) => tx.$queryRawUnsafe<T[]>(text, ...params),
    execute: (text: string, params: unknown[]) => tx.$executeRawUnsafe(text, ...params),
  };
}

export type ColumnKind = "date" | "json" | "boolean";

/** Reads raw rows into the model's types: the named columns converted, the rest as they came. */
export function decodeRows<T>(rows: unknown[], kinds: Readonly<Record<string, ColumnKind>>): T[] {
  const columns = Object.entries(kinds);
  for (const row of rows as Record<string, unknown>[]) {
    for (const [column, kind] of columns) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      row[column] = kind === "date" ? toDate(value) : kind === "json" ? toJson(value) : toBoolean(value);
    }
  }
  return rows as T[];
}

/** A stored time: Date (pg, Prisma), ISO text with or without its zone (SQLite), or epoch ms. */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value).replace(" ", "T");
  return new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text}Z`);
}

/** JSON columns are text on SQLite and parsed by pg; a Buffer comes from SQLite's JSONB affinity through some paths. */
function toJson(value: unknown): unknown {
  if (typeof value === "string") return JSON.parse(value);
  if (Buffer.isBuffer(value)) return JSON.parse(value.toString("utf8"));
  return value;
}

function toBoolean(value: unknown): boolean {
  return typeof value === "boolean" ? value : Number(value) !== 0;
}
