import "server-only";
// The SmartAI poller: every instance runs one; the one holding the lease polls. Each tick
// renews (or tries to take) the lease, then starts a cycle when the schedule allows: every
// poll interval, at once for a "Sync now" or backfill, never within 5 s of the last start.
import type { Db } from "../../../db";
import { log } from "../../../log";
import { SmartAiRateLimitedError } from "../errors";
import { systemClock, type Clock } from "../../../ingestion/polling/clock";
import { acquireLease, clearSyncRequested, recordLeaseSchedule, releaseLease } from "../../../ingestion/polling/lease";
import { nextCycleAt } from "../../../ingestion/polling/schedule";
import { runSyncCycle, type QueueClient } from "./sync-cycle";
import { tracePollCycle } from "../../../../observability/operations";
import {
  claimQueuedRun,
  failAbandonedRuns,
  finishRun,
  oldestQueuedRun,
  pruneOldRuns,
  recordProgress,
  startScheduledRun,
  type SyncCounters,
  type SyncRunRow,
  type SyncTrigger,
} from "../../../ingestion/polling/sync-runs";

const PROVIDER = "smartai";
/** How often a drain writes its counters to its sync run. */
const PROGRESS_WRITE_INTERVAL_MS = 1_000;

export interface PollerOptions {
  db: Db;
  client: QueueClient;
  instanceId: string;
  intervalMs: number;
  /** A crashed leader's lease lapses after this; a live one renews it every tick. */
  leaseTtlMs?: number;
  /** How often an idle instance looks at the lease and for requested runs. */
  tickMs?: number;
  batchSize?: number;
  clock?: Clock;
}

export interface CycleResult {
  runId: string;
  trigger: SyncTrigger;
  startedAt: number;
  counters: SyncCounters;
  error: string | null;
}

export interface TickOutcome {
  leader: boolean;
  /** When the loop should look again. */
  wakeAt: number;
  cycle: CycleResult | null;
}

export class SmartAiPoller {
  readonly instanceId: string;
  private readonly clock: Clock;
  private readonly leaseTtlMs: number;
  private readonly tickMs: number;
  private readonly stopping = new AbortController();
  private wakeUp = new AbortController();
  private loop: Promise<void> | undefined;
  private consecutiveFailures = 0;
  private rateLimitedUntil: number | null = null;
  private unfinished: { runId: string; counters: SyncCounters; error: string | null } | null = null;
  /** When this instance last renewed its lease during a drain (clock ms). */
  private leaseRenewedAt: number | null = null;
  /** When a drain last wrote its progress to the sync run (clock ms). */
  private progressWrittenAt: number | null = null;
  isLeader = false;

  constructor(private readonly options: PollerOptions) {
    this.instanceId = options.instanceId;
    this.clock = options.clock ?? systemClock;
    this.leaseTtlMs = options.leaseTtlMs ?? 30_000;
    this.tickMs = options.tickMs ?? 2_000;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops after the current batch and gives the lease up, so another instance takes over at once. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    if (this.isLeader) await releaseLease(this.options.db, PROVIDER, this.instanceId, new Date(this.clock.now()));
    this.isLeader = false;
  }

  /** Look again now (after a local "Sync now"), rather than at the next tick. */
  wake(): void {
    this.wakeUp.abort();
  }

  /** One look: renew or take the lease; if leader and due, run a cycle. */
  async tick(): Promise<TickOutcome> {
    const { db } = this.options;
    const now = this.clock.now();
    if (this.unfinished) await this.finish(this.unfinished);
    const held = await acquireLease(db, {
      provider: PROVIDER,
      instanceId: this.instanceId,
      now: new Date(now),
      ttlMs: this.leaseTtlMs,
    });
    this.isLeader = held !== null;
    if (!held) return { leader: false, wakeAt: now + this.tickMs, cycle: null };
    if (held.tookOver) {
      const abandoned = await failAbandonedRuns(db, PROVIDER, this.instanceId, new Date(now));
      log.info({ instanceId: this.instanceId, abandoned }, "SmartAI poller: this instance now holds the lease");
    }
    const { requestedAt } = held.lease;
    const requested = requestedAt || held.tookOver ? await oldestQueuedRun(db, PROVIDER) : null;
    if (!requested && requestedAt) await clearSyncRequested(db, PROVIDER, requestedAt);

    const at = this.nextCycleAt(now, held.lease.lastRunAt, requested !== null);
    if (at > now) {
      if (held.lease.nextRunAt?.getTime() !== at) {
        await recordLeaseSchedule(db, PROVIDER, this.instanceId, { nextRunAt: new Date(at) });
      }
      return { leader: true, wakeAt: Math.min(at, now + this.tickMs), cycle: null };
    }
    const cycle = await this.runCycle(requested);
    return { leader: true, wakeAt: this.clock.now(), cycle };
  }

  private async runCycle(requested: SyncRunRow | null): Promise<CycleResult | null> {
    const { db, client } = this.options;
    const startedAt = this.clock.now();
    const run = requested
      ? await claimQueuedRun(db, requested.id, this.instanceId, new Date(startedAt))
      : await startScheduledRun(db, PROVIDER, this.instanceId, new Date(startedAt));
    if (!run) return null;
    await recordLeaseSchedule(db, PROVIDER, this.instanceId, { lastRunAt: new Date(startedAt), nextRunAt: null });

    let counters: SyncCounters = { fetched: 0, stored: 0, acknowledged: 0, failed: 0 };
    let error: string | null = null;
    this.leaseRenewedAt = this.clock.now(); // the tick that started this cycle has just taken or renewed it
    this.progressWrittenAt = null;
    try {
      const totals = await tracePollCycle({ provider: PROVIDER, id: run.id, trigger: run.trigger }, () =>
        runSyncCycle(
          {
            db,
            client,
            batchSize: this.options.batchSize,
            signal: this.stopping.signal,
            keepLease: () => this.keepLeaseWhileDraining(),
            onProgress: async (progress) => {
              counters = progress;
              // The settings page polls the run's counters every few seconds: one write a second
              // is plenty, and a write per 100-event page would queue behind the applier's batches.
              const now = this.clock.now();
              if (this.progressWrittenAt !== null && now - this.progressWrittenAt < PROGRESS_WRITE_INTERVAL_MS) return;
              this.progressWrittenAt = now;
              await recordProgress(db, run.id, progress);
            },
          },
          { trigger: run.trigger as SyncTrigger, since: run.since, until: run.until },
        ),
      );
      counters = {
        fetched: totals.fetched,
        stored: totals.stored,
        acknowledged: totals.acknowledged,
        failed: totals.failed,
      };
      this.consecutiveFailures = 0;
      if (totals.fetched > 0 || totals.processed > 0) log.info({ runId: run.id, ...totals }, "SmartAI sync cycle done");
    } catch (caught) {
      error = this.stopping.signal.aborted ? "stopped: the instance shut down during the run" : describe(caught);
      this.consecutiveFailures += 1;
      if (caught instanceof SmartAiRateLimitedError) this.rateLimitedUntil = this.clock.now() + caught.retryAfterMs;
      log.warn({ runId: run.id, error }, "SmartAI sync cycle failed");
    }
    await this.finish({ runId: run.id, counters, error });
    return { runId: run.id, trigger: run.trigger as SyncTrigger, startedAt, counters, error };
  }

  /** Records the outcome; if the database is down, tries again on the next tick. The next tick also sets nextRunAt. */
  private async finish(outcome: { runId: string; counters: SyncCounters; error: string | null }): Promise<void> {
    const { db } = this.options;
    this.unfinished = outcome;
    const now = new Date(this.clock.now());
    await finishRun(db, outcome.runId, { ...outcome, now });
    this.unfinished = null;
    await pruneOldRuns(db, PROVIDER, now);
    await recordLeaseSchedule(db, PROVIDER, this.instanceId, { lastError: outcome.error });
  }

  private nextCycleAt(now: number, lastRunAt: Date | null, requested: boolean): number {
    return nextCycleAt({
      now,
      lastStartedAt: lastRunAt?.getTime() ?? null,
      intervalMs: this.options.intervalMs,
      requested,
      consecutiveFailures: this.consecutiveFailures,
      rateLimitedUntil: this.rateLimitedUntil,
    });
  }

  /**
   * A drain renews the lease when a sixth of its lifetime has passed since the last renewal,
   * not on every page: the lease is still ours until then, and each renewal is a write.
   */
  private async keepLeaseWhileDraining(): Promise<boolean> {
    const now = this.clock.now();
    if (this.leaseRenewedAt !== null && now - this.leaseRenewedAt < this.leaseTtlMs / 6) return true;
    const kept = await this.renewLease();
    this.leaseRenewedAt = kept ? now : null;
    return kept;
  }

  private async renewLease(): Promise<boolean> {
    const { db } = this.options;
    const now = new Date(this.clock.now());
    return (
      (await acquireLease(db, { provider: PROVIDER, instanceId: this.instanceId, now, ttlMs: this.leaseTtlMs })) !==
      null
    );
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      let wakeAt = this.clock.now() + this.tickMs;
      try {
        wakeAt = (await this.tick()).wakeAt;
      } catch (error) {
        log.error({ err: error }, "SmartAI poller: tick failed (database unreachable?)");
      }
      const waitMs = Math.max(0, wakeAt - this.clock.now());
      if (waitMs === 0) continue;
      this.wakeUp = new AbortController();
      await this.clock
        .sleep(waitMs, AbortSignal.any([this.stopping.signal, this.wakeUp.signal]))
        .catch(() => undefined);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
