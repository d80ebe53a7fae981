import "server-only";
import type { Db } from "../../../db";
import { localSmartAiPoller } from "./start";

/** What /api/health and the settings page say about a polling provider. */
export async function pollerStatus(db: Db, provider = "smartai") {
  const [lease, lastRun] = await Promise.all([
    db.pollerLease.findUnique({ where: { provider } }),
    db.syncRun.findFirst({ where: { provider, status: { not: "queued" } }, orderBy: { startedAt: "desc" } }),
  ]);
  const now = new Date();
  const local = localSmartAiPoller();
  const leader = lease && lease.expiresAt > now ? lease.holderId : null;
  return {
    provider,
    leader,
    lastRunAt: lease?.lastRunAt?.toISOString() ?? lastRun?.startedAt.toISOString() ?? null,
    nextRunAt: leader ? (lease?.nextRunAt?.toISOString() ?? null) : null,
    lastError: lease?.lastError ?? null,
    /** This process: polling (holds the lease), standby (another instance polls), or off and why. */
    thisInstance: local && {
      id: local.instanceId,
      state: local.poller ? (leader === local.instanceId ? "polling" : "standby") : "off",
      offReason: local.offReason,
    },
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
