import "server-only";
import type { Db } from "../db";

/** What /api/health and the settings page say about a polling provider. */
export async function pollerStatus(db: Db, provider = "smartai") {
  const [lease, lastRun] = await Promise.all([
    db.pollerLease.findUnique({ where: { provider } }),
    db.syncRun.findFirst({ where: { provider }, orderBy: { startedAt: "desc" } }),
  ]);
  const now = new Date();
  return {
    provider,
    leader: lease && lease.expiresAt > now ? lease.holderId : null,
    lastRunAt: lease?.lastRunAt?.toISOString() ?? lastRun?.startedAt.toISOString() ?? null,
    nextRunAt: lease?.nextRunAt?.toISOString() ?? null,
    lastError: lease?.lastError ?? null,
    lastRun: lastRun && {
      id: lastRun.id,
      status: lastRun.status,
      trigger: lastRun.trigger,
      startedAt: lastRun.startedAt.toISOString(),
      finishedAt: lastRun.finishedAt?.toISOString() ?? null,
      fetched: lastRun.fetched,
      stored: lastRun.stored,
      acknowledged: lastRun.acknowledged,
      failed: lastRun.failed,
      error: lastRun.error,
    },
  };
}
