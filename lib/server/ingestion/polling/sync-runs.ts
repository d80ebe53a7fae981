import "server-only";
// SyncRun rows: one per poll cycle or backfill, with counters updated as batches land so
// the settings page can show progress. "Sync now" and backfills are queued rows that the
// lease holder claims with a conditional update.
import type { Db } from "../../db";
import type { ProviderId } from "../../../shared/vocabulary";
import { flagSyncRequested } from "./lease";

export const SYNC_TRIGGERS = ["schedule", "manual", "backfill"] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

/** queued: asked for, waiting for the lease holder; then running → succeeded | failed. */
export const SYNC_RUN_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

export interface SyncCounters {
  fetched: number;
  stored: number;
  acknowledged: number;
  failed: number;
}

export type SyncRunRow = NonNullable<Awaited<ReturnType<Db["syncRun"]["findUnique"]>>>;

const MAX_ERROR_LENGTH = 1_000;

export async function startScheduledRun(
  db: Db,
  provider: ProviderId,
  instanceId: string,
  now: Date,
): Promise<SyncRunRow> {
  return db.syncRun.create({ data: { provider, trigger: "schedule", instanceId, startedAt: now, status: "running" } });
}

/**
 * A run for the lease holder to pick up; flags the lease so the holder looks at once. An
 * already queued manual run is reused: clicking twice syncs once.
 */
export async function queueRun(
  db: Db,
  request: {
    provider: ProviderId;
    trigger: "manual" | "backfill";
    requestedBy: string;
    now: Date;
    since?: Date | null;
    until?: Date | null;
  },
): Promise<SyncRunRow> {
  if (request.trigger === "manual") {
    const waiting = await db.syncRun.findFirst({
      where: { provider: request.provider, trigger: "manual", status: "queued" },
      orderBy: { startedAt: "asc" },
    });
    if (waiting) return waiting;
  }
  const run = await db.syncRun.create({
    data: {
      provider: request.provider,
      trigger: request.trigger,
      instanceId: request.requestedBy,
      startedAt: request.now,
      status: "queued",
      since: request.since ?? null,
      until: request.until ?? null,
    },
  });
  await flagSyncRequested(db, request.provider, request.now);
  return run;
}

export async function oldestQueuedRun(db: Db, provider: ProviderId): Promise<SyncRunRow | null> {
  return db.syncRun.findFirst({
    where: { provider, status: "queued" },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
  });
}

/** Null when another instance claimed it first. */
export async function claimQueuedRun(db: Db, runId: string, instanceId: string, now: Date): Promise<SyncRunRow | null> {
  const claimed = await db.syncRun.updateMany({
    where: { id: runId, status: "queued" },
    data: { status: "running", instanceId, startedAt: now },
  });
  return claimed.count === 1 ? db.syncRun.findUnique({ where: { id: runId } }) : null;
}

export async function recordProgress(db: Db, runId: string, counters: SyncCounters): Promise<void> {
  await db.syncRun.update({ where: { id: runId }, data: counters });
}

export async function finishRun(
  db: Db,
  runId: string,
  outcome: { counters: SyncCounters; error: string | null; now: Date },
): Promise<void> {
  await db.syncRun.update({
    where: { id: runId },
    data: {
      ...outcome.counters,
      status: outcome.error ? "failed" : "succeeded",
      error: outcome.error?.slice(0, MAX_ERROR_LENGTH) ?? null,
      finishedAt: outcome.now,
    },
  });
}

/** On taking over the lease: runs the previous holder left "running" will never finish. */
export async function failAbandonedRuns(db: Db, provider: ProviderId, instanceId: string, now: Date): Promise<number> {
  const abandoned = await db.syncRun.updateMany({
    where: { provider, status: "running", instanceId: { not: instanceId } },
    data: { status: "failed", error: "the instance running it stopped before it finished", finishedAt: now },
  });
  return abandoned.count;
}

/** Sync runs are kept this long: a month of history at a 30 s interval is under 90,000 rows. */
export const SYNC_RUN_RETENTION_MS = 30 * 24 * 60 * 60_000;

export async function pruneOldRuns(db: Db, provider: ProviderId, now: Date): Promise<void> {
  await db.syncRun.deleteMany({
    where: {
      provider,
      startedAt: { lt: new Date(now.getTime() - SYNC_RUN_RETENTION_MS) },
      status: { in: ["succeeded", "failed"] },
    },
  });
}

export async function recentRuns(db: Db, provider: ProviderId, take = 20): Promise<SyncRunRow[]> {
  return db.syncRun.findMany({ where: { provider }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take });
}
