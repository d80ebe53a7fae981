// One SQLite file, two connections in this process: Prisma's and the applier's driver
// connection (create-client.ts). SQLite lets one connection write at a time, and both wait for a
// lock synchronously, blocking the one thread that could release it. So the two take turns
// here, asynchronously: a turn is one statement, or one transaction from BEGIN to COMMIT.
// While the applier's batch holds its turn, a Prisma write waits here instead of inside
// SQLite; while a Prisma transaction is open, the applier waits for it, so neither sees the
// other's commit land between its reads and its writes (SQLITE_BUSY_SNAPSHOT).
// Other processes on the same file are not in this queue: their locks are SQLite's busy waits.

export class SqliteTurns {
  private last: Promise<void> = Promise.resolve();

  /** Waits for every earlier turn to end; the answer ends this one. */
  async take(): Promise<() => void> {
    let release!: () => void;
    const ended = new Promise<void>((resolve) => (release = resolve));
    const previous = this.last;
    this.last = previous.then(() => ended);
    await previous;
    return release;
  }

  /** Runs `work` in a turn of its own. */
  async run<T>(work: () => T | Promise<T>): Promise<T> {
    const release = await this.take();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Resolves once every turn taken so far has ended. */
  idle(): Promise<void> {
    return this.last;
  }
}
