import "server-only";
// The inbox backlog an admin watches: how many stored deliveries still wait to be applied, how
// long the oldest has waited, and how fast they are being applied now.
import type { Db } from "../db";

export const APPLY_RATE_WINDOW_MS = 60_000;

export interface InboxBacklog {
  pending: number;
  /** Whole seconds the oldest pending delivery has waited; null when none waits. */
  oldestPendingAgeSeconds: number | null;
  /** Deliveries whose apply finished (whatever the outcome) in the last minute. */
  appliedLastMinute: number;
}

export async function inboxBacklog(db: Db, now = new Date()): Promise<InboxBacklog> {
  const since = new Date(now.getTime() - APPLY_RATE_WINDOW_MS);
  const [pending, oldest, appliedLastMinute] = await Promise.all([
    db.delivery.count({ where: { status: "pending" } }),
    db.delivery.findFirst({
      where: { status: "pending" },
      orderBy: { receivedAt: "asc" },
      select: { receivedAt: true },
    }),
    db.delivery.count({ where: { processedAt: { gt: since, lte: now } } }),
  ]);
  return {
    pending,
    oldestPendingAgeSeconds: oldest
      ? Math.max(0, Math.floor((now.getTime() - oldest.receivedAt.getTime()) / 1000))
      : null,
    appliedLastMinute,
  };
}
