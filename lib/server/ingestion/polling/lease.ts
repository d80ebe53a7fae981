import "server-only";
// The poller lease: one PollerLease row per provider, held by at most one live instance.
// Taking or renewing it is a conditional update, so two instances racing for it cannot
// both win; a crashed holder stops renewing, its lease expires, and another takes over.
import type { Db } from "../../db";
import { isUniqueViolation } from "../../db/errors";
import type { ProviderId } from "../../../shared/vocabulary";

export interface LeaseClaim {
  provider: ProviderId;
  instanceId: string;
  now: Date;
  ttlMs: number;
}

export type LeaseRow = NonNullable<Awaited<ReturnType<Db["pollerLease"]["findUnique"]>>>;

/** The lease row when this instance holds it after the call (renewed or taken), else null. */
export async function acquireLease(db: Db, claim: LeaseClaim): Promise<{ lease: LeaseRow; tookOver: boolean } | null> {
  const { provider, instanceId, now } = claim;
  const expiresAt = new Date(now.getTime() + claim.ttlMs);
  const renewed = await db.pollerLease.updateMany({ where: { provider, holderId: instanceId }, data: { expiresAt } });
  let tookOver = false;
  if (renewed.count === 0) {
    const taken = await db.pollerLease.updateMany({
      where: { provider, expiresAt: { lt: now } },
      data: { holderId: instanceId, acquiredAt: now, expiresAt },
    });
    tookOver = taken.count === 1 || (await createLease(db, claim, expiresAt));
    if (!tookOver) return null;
  }
  const lease = await db.pollerLease.findUnique({ where: { provider } });
  return lease && lease.holderId === instanceId ? { lease, tookOver } : null;
}

/** Only the first instance ever creates the row; the unique key turns a racing second into "not leader". */
async function createLease(db: Db, claim: LeaseClaim, expiresAt: Date): Promise<boolean> {
  try {
    await db.pollerLease.create({
      data: { provider: claim.provider, holderId: claim.instanceId, acquiredAt: claim.now, expiresAt },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Gives the lease up at once (on stop), so a successor need not wait for it to expire. */
export async function releaseLease(db: Db, provider: ProviderId, instanceId: string, now: Date): Promise<void> {
  await db.pollerLease.updateMany({
    where: { provider, holderId: instanceId },
    data: { expiresAt: new Date(now.getTime() - 1) },
  });
}

/** Schedule facts the settings page and /api/health show; written only while holding the lease. */
export async function recordLeaseSchedule(
  db: Db,
  provider: ProviderId,
  instanceId: string,
  data: { lastRunAt?: Date; nextRunAt?: Date | null; lastError?: string | null },
): Promise<void> {
  await db.pollerLease.updateMany({ where: { provider, holderId: instanceId }, data });
}

/** "Sync now" from any instance: flags the lease so the holder looks for requested runs. */
export async function flagSyncRequested(db: Db, provider: ProviderId, now: Date): Promise<void> {
  await db.pollerLease.updateMany({ where: { provider }, data: { requestedAt: now } });
}

/** Clears the flag unless a newer request arrived after `seen`. */
export async function clearSyncRequested(db: Db, provider: ProviderId, seen: Date): Promise<void> {
  await db.pollerLease.updateMany({ where: { provider, requestedAt: { lte: seen } }, data: { requestedAt: null } });
}
