import "server-only";
// Runs the retention purge once a day on one instance. Every instance ticks; the one that
// holds the lease (a conditional update on the single RetentionPurge row, as the SmartAI
// poller's lease works) runs the purge when the last run is a day old. A crashed holder's lease
// lapses; a stopping one gives it up (onShutdown in lib/server/lifecycle.ts).
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Settings } from "../../config/settings";
import type { Db } from "../db";
import { isUniqueViolation } from "../db/errors";
import { pollerInstanceId } from "../ingestion/polling/instance-id";
import { onShutdown } from "../lifecycle";
import { log } from "../log";
import { purgeExpired, type PurgeCounts, type RetentionPolicy } from "./purge";

const ROW_ID = "retention";
export const PURGE_INTERVAL_MS = 24 * 60 * 60 * 1000;
const LEASE_TTL_MS = 10 * 60 * 1000;
const TICK_MS = 5 * 60 * 1000;

/** True when this instance holds the purge lease after the call (taken or renewed). */
export async function takePurgeLease(db: Db, instanceId: string, now: Date, ttlMs = LEASE_TTL_MS): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const held = await db.retentionPurge.updateMany({
    where: { id: ROW_ID, OR: [{ holderId: instanceId }, { expiresAt: { lt: now } }] },
    data: { holderId: instanceId, expiresAt },
  });
  if (held.count === 1) return true;
  try {
    await db.retentionPurge.create({ data: { id: ROW_ID, holderId: instanceId, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function releasePurgeLease(db: Db, instanceId: string, now: Date): Promise<void> {
  await db.retentionPurge.updateMany({
    where: { id: ROW_ID, holderId: instanceId },
    data: { expiresAt: new Date(now.getTime() - 1) },
  });
}

/**
 * One look: when this instance holds the lease and the last run is a day old (or there was
 * none), purge and record the run. Answers the counts when it ran.
 */
export async function runPurgeIfDue(
  db: Db,
  policy: RetentionPolicy,
  options: { instanceId: string; now?: Date },
): Promise<PurgeCounts | null> {
  const now = options.now ?? new Date();
  if (!(await takePurgeLease(db, options.instanceId, now))) return null;
  const state = await db.retentionPurge.findUnique({ where: { id: ROW_ID } });
  if (state?.lastStartedAt && now.getTime() - state.lastStartedAt.getTime() < PURGE_INTERVAL_MS) return null;
  await db.retentionPurge.updateMany({
    where: { id: ROW_ID, holderId: options.instanceId },
    data: { lastStartedAt: now },
  });
  try {
    const counts = await purgeExpired(db, policy, now);
    await db.retentionPurge.updateMany({
      where: { id: ROW_ID },
      data: { lastFinishedAt: new Date(), lastCounts: counts as unknown as Prisma.InputJsonValue, lastError: null },
    });
    log.info({ ...counts }, "retention purge done");
    return counts;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.retentionPurge.updateMany({
      where: { id: ROW_ID },
      data: { lastFinishedAt: new Date(), lastError: message },
    });
    log.error({ err: error }, "retention purge failed");
    throw error;
  }
}

/** What settings shows: the policy, when the last run started and finished, what it deleted. */
export async function purgeStatus(db: Db) {
  const state = await db.retentionPurge.findUnique({ where: { id: ROW_ID } });
  return {
    lastStartedAt: state?.lastStartedAt ?? null,
    lastFinishedAt: state?.lastFinishedAt ?? null,
    lastCounts: (state?.lastCounts as PurgeCounts | null) ?? null,
    lastError: state?.lastError ?? null,
    nextRunAfter: state?.lastStartedAt ? new Date(state.lastStartedAt.getTime() + PURGE_INTERVAL_MS) : null,
  };
}

const holder = globalThis as typeof globalThis & { __assessmentHubRetentionPurge?: { stop(): Promise<void> } };

/** Boot: every instance looks every few minutes; only the lease holder purges, once a day. */
export function startRetentionPurge(settings: Settings, db: Db): void {
  if (holder.__assessmentHubRetentionPurge) return;
  const instanceId = pollerInstanceId();
  const policy = { retentionDays: settings.RETENTION_DAYS, rawRetentionDays: settings.RAW_RETENTION_DAYS };
  let running: Promise<unknown> = Promise.resolve();
  const look = () => {
    running = runPurgeIfDue(db, policy, { instanceId }).catch((error: unknown) =>
      log.error({ err: error }, "retention purge: look failed"),
    );
  };
  const timer = setInterval(look, TICK_MS);
  timer.unref();
  look();
  const stop = async () => {
    clearInterval(timer);
    await running;
    await releasePurgeLease(db, instanceId, new Date());
    holder.__assessmentHubRetentionPurge = undefined;
  };
  holder.__assessmentHubRetentionPurge = { stop };
  onShutdown("retention-purge", stop);
}
