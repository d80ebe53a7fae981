// Where the tests find PostgreSQL, and what to tell the person running them when it is not
// there. Shared by the vitest and Playwright setups, so both halves fail the same way.
//   TEST_DATABASE_URL  a server (and database) the tests may create databases on;
//                      default the local one, as on CI: postgresql://postgres@127.0.0.1:5432/test
//   SKIP_POSTGRES=1    run without PostgreSQL: only the SQLite half, said loudly
import pg from "pg";

const LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test";
const CONNECT_TIMEOUT_MS = 5_000;

export function postgresAdminUrl(): string {
  return process.env.TEST_DATABASE_URL || LOCAL_POSTGRES;
}

export function postgresSkipped(): boolean {
  return ["1", "true"].includes(process.env.SKIP_POSTGRES ?? "");
}

/** The URL without its password, fit for a message. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(TEST_DATABASE_URL is not a URL)";
  }
}

export class PostgresUnavailableError extends Error {
  constructor(url: string, cause: string, fix: string) {
    super(
      [
        `PostgreSQL is not usable at ${redactedUrl(url)}: ${cause}`,
        `Fix: ${fix}`,
        "Half of the integration tests and the browser smoke walk run on PostgreSQL. Point",
        "TEST_DATABASE_URL at a server where you may create databases, or run with",
        "SKIP_POSTGRES=1 to run the SQLite half only.",
      ].join("\n"),
    );
    this.name = "PostgresUnavailableError";
    // The message is the whole story; a stack through the test runner's setup would bury it.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Connects once and checks the role may create databases (each test file makes its own).
 * Throws PostgresUnavailableError naming the server's own error and the likely fix.
 */
export async function checkPostgres(url: string): Promise<void> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new PostgresUnavailableError(url, "not a URL", 'set TEST_DATABASE_URL to "postgresql://user@host:port/db"');
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    const { rows } = await client.query<{ role: string; allowed: boolean }>(
      "SELECT current_user AS role, (rolcreatedb OR rolsuper) AS allowed FROM pg_roles WHERE rolname = current_user",
    );
    const role = rows[0];
    if (!role?.allowed) {
      throw new PostgresUnavailableError(
        url,
        `role "${role?.role ?? target.username}" may not create databases`,
        `ALTER ROLE "${role?.role ?? target.username}" CREATEDB; (as a superuser), or use another role`,
      );
    }
  } catch (error) {
    if (error instanceof PostgresUnavailableError) throw error;
    throw new PostgresUnavailableError(url, describe(error), fixFor(error, target));
  } finally {
    await client.end().catch(() => undefined);
  }
}

function describe(error: unknown): string {
  // Node reports a refused connection to a name with several addresses as an AggregateError
  // whose own message is empty: the first inner error says what happened.
  const inner = error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
  const { message, code } = (inner ?? {}) as { message?: string; code?: string };
  const text = message || String(inner);
  return code && !text.includes(code) ? `${text} (${code})` : text;
}

function fixFor(error: unknown, target: URL): string {
  const inner = error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
  const code = (inner as { code?: string } | null)?.code;
  const message = (inner as { message?: string } | null)?.message ?? "";
  const host = target.hostname || "127.0.0.1";
  const port = target.port || "5432";
  const user = decodeURIComponent(target.username) || "postgres";
  const database = decodeURIComponent(target.pathname.slice(1)) || user;
  if (code === "ECONNREFUSED") {
    return `start PostgreSQL on ${host}:${port} (e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)`;
  }
  if (code === "3D000") return `create the database: createdb -h ${host} -p ${port} -U ${user} ${database}`;
  if (code === "28P01" || code === "28000") {
    return `check the user and password in TEST_DATABASE_URL, and the server's pg_hba.conf for ${host}`;
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `check the host name "${host}" in TEST_DATABASE_URL`;
  if (/timeout/i.test(message)) return `nothing answered within ${CONNECT_TIMEOUT_MS / 1000} s: check ${host}:${port}`;
  return "start PostgreSQL, or point TEST_DATABASE_URL at a reachable server";
}

/** Printed when SKIP_POSTGRES=1: a run that skipped half its tests must not look like a full one. */
export function skippedPostgresBanner(what: string): string {
  const line = "!".repeat(78);
  return [
    line,
    `!! SKIP_POSTGRES=1: ${what} skipped PostgreSQL.`,
    "!! This is not a full run: the PostgreSQL half was NOT tested.",
    line,
  ].join("\n");
}
