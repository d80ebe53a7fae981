import "server-only";
// What /api/health says about a polling provider's poller: who holds its lease, its last run,
// and what this process is doing.
import type { Db } from "../db";
import type { ProviderDescriptor, ProviderPoller } from "./descriptor";

export async function pollerStatus(db: Db, provider: ProviderDescriptor & { poller: ProviderPoller }) {
  const [lease, lastRun] = await Promise.all([
    db.pollerLease.findUnique({ where: { provider: provider.id } }),
    db.syncRun.findFirst({
      where: { provider: provider.id, status: { not: "queued" } },
      orderBy: { startedAt: "desc" },
    }),
  ]);
  const now = new Date();
  const local = provider.poller.local();
  const leader = lease && lease.expiresAt > now ? lease.holderId : null;
  return {
    provider: provider.id,
    leader,
    lastRunAt: lease?.lastRunAt?.toISOString() ?? lastRun?.startedAt.toISOString() ?? null,
    nextRunAt: leader ? (lease?.nextRunAt?.toISOString() ?? null) : null,
    lastError: lease?.lastError ?? null,
    /** This process: polling (holds the lease), standby (another instance polls), or off and why. */
    thisInstance: local && {
      id: local.instanceId,
      state: local.polling ? (leader === local.instanceId ? "polling" : "standby") : "off",
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
