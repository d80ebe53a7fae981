import "server-only";
// The applier: stored deliveries reach the model as soon as they are stored. Whatever stores
// a delivery nudges it (a webhook after its INSERT, the poller after each batch); it claims
// what is claimable — a batch as large as the backlog, up to MAX_BATCH, one when quiet — and
// applies batch after batch until nothing is left. Started at boot, it also looks every
// second for what other instances stored, claims a stopped instance left to lapse, and
// retries whose time has come. Nothing is held only in memory: a stop or a crash leaves
// deliveries pending in the inbox, and their claims lapse within CLAIM_TTL_MS.
import type { Db } from "../db";
import { log } from "../log";
import { runDetached } from "../../observability/operations";
import { batchDriverFor, closeBatchDriver } from "./apply/driver";
import { loadClaimed } from "./apply/tables/deliveries";
import { claimAndApply, MAX_BATCH, type ProcessOutcome } from "./process-delivery";

export type SettledOutcome = ProcessOutcome | "deferred";

const IDLE_POLL_MS = 1_000;

export class DeliveryApplier {
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private stopping = false;
  private timer: NodeJS.Timeout | null = null;
  private checkpointDue = false;
  private readonly waiters = new Map<string, ((outcome: SettledOutcome) => void)[]>();

  constructor(
    private readonly db: Db,
    private readonly options: { batchLimit?: number; idlePollMs?: number; now?: () => Date } = {},
  ) {}

  /** Keeps applying: after every nudge, and every second for what others stored or left. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.nudge();
  }

  /** Stops looking for work, finishes the batch in hand (its claims end with it) and resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Something was stored: apply it soon. */
  nudge(): void {
    if (this.stopping && !this.started && this.running === null && this.waiters.size === 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // Whatever request nudges it first, the loop it starts is no part of that request.
    this.running = runDetached(() => this.run()).finally(() => {
      this.running = null;
      if (this.again && !this.stopping) {
        this.again = false;
        this.nudge();
      } else this.schedulePoll();
    });
  }

  /**
   * Deliveries were stored by a path that applies its own share in the foreground (the poller's
   * cycle, within its budget): a started applier takes them at once as well.
   */
  stored(): void {
    if (this.started) this.nudge();
  }

  /** Applies until nothing is claimable, and resolves. */
  async drain(): Promise<void> {
    this.nudge();
    while (this.running) await this.running;
  }

  /** Applies the stored delivery (with whatever else is waiting) and answers what became of it. */
  settle(deliveryId: string): Promise<SettledOutcome> {
    return new Promise((resolve) => {
      this.waiters.set(deliveryId, [...(this.waiters.get(deliveryId) ?? []), resolve]);
      this.nudge();
    });
  }

  private schedulePoll() {
    if (!this.started || this.stopping || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nudge();
    }, this.options.idlePollMs ?? IDLE_POLL_MS);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      const driver = batchDriverFor(this.db);
      const inFlight = Array.from({ length: driver.batchesInFlight }, () => this.applyWhileClaimable());
      const applied = (await Promise.all(inFlight)).reduce((sum, count) => sum + count, 0);
      // Checkpoint once the inbox has gone quiet — a run that found nothing — not after every run
      // that applied something: a stream of webhooks wakes a run per store, and checkpointing
      // after each (a synchronous copy and fsync on the one thread) took a seventh of the
      // process's time under 3,000 deliveries. The write-ahead log's own bound still holds.
      if (applied > 0) this.checkpointDue = true;
      else if (this.checkpointDue) {
        this.checkpointDue = false;
        await driver.checkpoint();
      }
    } catch (error) {
      log.error({ err: error }, "applying stored deliveries failed; they stay pending and are tried again");
    }
    await this.answerTheRest();
  }

  /** Batch after batch until nothing is claimable; answers how many deliveries it claimed. */
  private async applyWhileClaimable(): Promise<number> {
    let applied = 0;
    for (;;) {
      this.again = false;
      const batch = await claimAndApply(this.db, {
        limit: this.options.batchLimit ?? MAX_BATCH,
        now: this.options.now,
      });
      for (const [id, outcome] of batch.outcomes) this.resolve(id, outcome);
      applied += batch.claimed;
      if (batch.claimed === 0 && !this.again) return applied;
      if (this.stopping) return applied;
      // Let requests waiting on the network in between two batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private resolve(id: string, outcome: SettledOutcome) {
    const waiting = this.waiters.get(id);
    if (!waiting) return;
    this.waiters.delete(id);
    for (const done of waiting) done(outcome);
  }

  /** Waiters for deliveries this process did not apply: settled elsewhere, or left for later. */
  private async answerTheRest() {
    if (this.waiters.size === 0) return;
    const ids = [...this.waiters.keys()];
    try {
      const rows = await loadClaimed(batchDriverFor(this.db).run, ids);
      const statusOf = new Map(rows.map((row) => [row.id, row.status]));
      for (const id of ids) {
        const status = statusOf.get(id);
        this.resolve(id, status === "pending" ? "deferred" : status ? "skipped" : "skipped");
      }
    } catch {
      for (const id of ids) this.resolve(id, "deferred");
    }
  }
}

// On globalThis: a route's "stored()" must nudge the applier instrumentation.ts started, not a copy in its own bundle.
const appliers = ((
  globalThis as typeof globalThis & { __assessmentHubAppliers?: WeakMap<Db, DeliveryApplier> }
).__assessmentHubAppliers ??= new WeakMap());

/** One applier per database client (so, in the app, one per process). */
export function applierFor(db: Db): DeliveryApplier {
  let applier = appliers.get(db);
  if (!applier) {
    applier = new DeliveryApplier(db);
    appliers.set(db, applier);
  }
  return applier;
}

/** Boot: start applying. Answers the stop to call on shutdown (finishes the batch in hand, releases claims). */
export function startApplier(db: Db): () => Promise<void> {
  const applier = applierFor(db);
  applier.start();
  return () => applier.stop();
}

/** The app's applier, for a graceful shutdown: finishes the batch in hand; nothing else is claimed. */
export async function stopApplier(db: Db): Promise<void> {
  await appliers.get(db)?.stop();
  await closeBatchDriver(db);
}
