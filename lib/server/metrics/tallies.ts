import "server-only";
// Deliveries that never become a Delivery row: redeliveries (duplicate) and webhooks refused
// for a bad signature or token (refused). Counted in the database (DeliveryTally), so every
// instance reports the same totals and the refusal alert sees all instances' refusals.
// A refused request must not cost a database write (anyone can send one), so counts gather
// in memory and each instance adds them up every few seconds (flushTallies, from the
// evaluator, a scrape and shutdown); a crash loses at most those seconds' counts.
import type { Db } from "../db";

export type TallyOutcome = "duplicate" | "refused";

export const TALLY_WINDOW_MS = 5 * 60_000;
/** Windows older than this are folded into one all-time row per provider and outcome. */
export const TALLY_DETAIL_MS = 2 * 24 * 60 * 60_000;
/** The all-time row's window: before any real one. */
export const FOLDED_WINDOW_START = new Date(0);

interface Pending {
  provider: string;
  outcome: TallyOutcome;
  windowStart: number;
  count: number;
}

// Counted by route handlers and flushed from boot's evaluator: each has its own copy of this
// module inside Next's bundle, so the counts wait on globalThis.
const holder = globalThis as typeof globalThis & { __assessmentHubPendingTallies?: Map<string, Pending> };

function pendingTallies(): Map<string, Pending> {
  holder.__assessmentHubPendingTallies ??= new Map();
  return holder.__assessmentHubPendingTallies;
}

export function windowStartOf(at: Date): number {
  return Math.floor(at.getTime() / TALLY_WINDOW_MS) * TALLY_WINDOW_MS;
}

/** Counts deliveries that left no Delivery row; cheap, no I/O. */
export function countDeliveries(provider: string, outcome: TallyOutcome, count = 1, now = new Date()): void {
  if (count <= 0) return;
  const windowStart = windowStartOf(now);
  const key = `${provider}\u0000${outcome}\u0000${windowStart}`;
  const pending = pendingTallies();
  const entry = pending.get(key);
  if (entry) entry.count += count;
  else pending.set(key, { provider, outcome, windowStart, count });
}

/** Adds this instance's gathered counts to the shared rows. What fails to be written is kept for the next flush. */
export async function flushTallies(db: Db): Promise<void> {
  const pending = pendingTallies();
  const entries = [...pending.values()];
  pending.clear();
  for (const [index, entry] of entries.entries()) {
    try {
      await addToTally(db, entry);
    } catch (error) {
      for (const unwritten of entries.slice(index)) {
        countDeliveries(unwritten.provider, unwritten.outcome, unwritten.count, new Date(unwritten.windowStart));
      }
      throw error;
    }
  }
}

async function addToTally(db: Db, entry: Pending): Promise<void> {
  const key = { provider: entry.provider, outcome: entry.outcome, windowStart: new Date(entry.windowStart) };
  const updated = await db.deliveryTally.updateMany({ where: key, data: { count: { increment: entry.count } } });
  if (updated.count > 0) return;
  try {
    await db.deliveryTally.create({ data: { ...key, count: entry.count } });
  } catch (error) {
    // Another instance created the row between our update and insert: add to it.
    if ((error as { code?: string }).code !== "P2002") throw error;
    await db.deliveryTally.updateMany({ where: key, data: { count: { increment: entry.count } } });
  }
}

/**
 * Folds windows older than TALLY_DETAIL_MS into the all-time rows, so the table stays small.
 * Each old row is moved only by the instance whose delete removed it, so two instances folding
 * at once never count a window twice.
 */
export async function foldOldTallies(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - TALLY_DETAIL_MS);
  const old = await db.deliveryTally.findMany({
    where: { windowStart: { lt: cutoff, gt: FOLDED_WINDOW_START } },
    take: 1_000,
  });
  let folded = 0;
  for (const row of old) {
    await db.$transaction(async (tx) => {
      const key = { provider: row.provider, outcome: row.outcome, windowStart: row.windowStart };
      const removed = await tx.deliveryTally.deleteMany({ where: key });
      if (removed.count === 0) return;
      const into = { provider: row.provider, outcome: row.outcome, windowStart: FOLDED_WINDOW_START };
      const added = await tx.deliveryTally.updateMany({ where: into, data: { count: { increment: row.count } } });
      if (added.count === 0) await tx.deliveryTally.create({ data: { ...into, count: row.count } });
      folded += 1;
    });
  }
  return folded;
}

/** All-time totals by provider and outcome (folded and recent windows). */
export async function tallyTotals(db: Db): Promise<{ provider: string; outcome: string; count: number }[]> {
  const groups = await db.deliveryTally.groupBy({ by: ["provider", "outcome"], _sum: { count: true } });
  return groups.map((group) => ({ provider: group.provider, outcome: group.outcome, count: group._sum.count ?? 0 }));
}

/** Totals by provider and outcome for windows starting at or after `since` (rounded down to its window). */
export async function recentTallies(
  db: Db,
  since: Date,
): Promise<{ provider: string; outcome: string; count: number }[]> {
  const groups = await db.deliveryTally.groupBy({
    by: ["provider", "outcome"],
    where: { windowStart: { gte: new Date(windowStartOf(since)) } },
    _sum: { count: true },
  });
  return groups.map((group) => ({ provider: group.provider, outcome: group.outcome, count: group._sum.count ?? 0 }));
}
