import "server-only";
// Which failures pass on their own, so a batch is worth trying again: lock and statement
// timeouts, serialisation failures and deadlocks, a busy SQLite file, a lost or refused
// connection, and a creation another writer won (ApplyRaceError, a unique key hit). Anything
// else is about the delivery itself and is recorded on it as failed, with the reason.
import { ApplyRaceError } from "./sql";

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2002", "P2024", "P2028", "P2034"]);
/** PostgreSQL SQLSTATEs: serialisation, deadlock, lock not available, cancelled (timeout), unique violation, shutdown, too many connections. */
const POSTGRES_CODES = /\b(40001|40P01|55P03|57014|23505|57P01|57P02|57P03|53300)\b|\b08[0-9A-Z]{3}\b/;
const PASSING_TEXT =
  /SQLITE_BUSY|SQLITE_LOCKED|database is locked|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|Connection terminated|connection (is )?closed|Transaction already closed|Transaction not found|timeout/i;

export function isPassingFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof ApplyRaceError) return true;
    if (typeof current !== "object") return PASSING_TEXT.test(String(current));
    const { code, message, meta, cause } = current as {
      code?: unknown;
      message?: unknown;
      meta?: unknown;
      cause?: unknown;
    };
    if (typeof code === "string" && (PRISMA_CODES.has(code) || POSTGRES_CODES.test(code) || PASSING_TEXT.test(code)))
      return true;
    const text = `${typeof message === "string" ? message : ""} ${meta ? JSON.stringify(meta) : ""}`;
    if (/Code: `(40001|40P01|55P03|57014|23505|57P0[123]|53300|08\w{3})`/.test(text) || PASSING_TEXT.test(text))
      return true;
    current = cause;
  }
  return false;
}
