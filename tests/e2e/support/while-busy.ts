// The seed CLIs write into the SQLite file the e2e server is using. Its poller and applier
// write too, from another process, so a seed's transaction (Prisma opens it deferred: reads
// first, writes after) can find their commit landed in between (SQLITE_BUSY_SNAPSHOT) or the
// lock still held past the busy timeout (SQLITE_BUSY). SQLite rolled the transaction back, so
// running it again is exact; each transaction is retried on its own, never a whole seed
// (that would apply its earlier events twice and add timeline lines).
const TRIES = 20;
const PAUSE_MS = 250;

function isBusy(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return /SQLITE_BUSY|database is locked/.test(`${String(code)} ${String(message)}`);
}

export async function whileBusy<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= TRIES || !isBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }
}
