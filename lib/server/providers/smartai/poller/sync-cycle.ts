import "server-only";
// One poll cycle: drain SmartAI's queue batch by batch. Each batch is stored in one
// transaction, then acknowledged — only once committed, and duplicates too, since they
// are already durable. Translation comes after, so a bad event never blocks the queue.
import type { Db } from "../../../db";
import { log } from "../../../log";
import type { SmartAiClient } from "../client";
import type { QueuedEvent } from "../queued-event";
import { storeDeliveries, type IncomingDelivery } from "../../../ingestion/inbox";
import { applierFor } from "../../../ingestion/applier";
import { processPendingDeliveries } from "../../../ingestion/process-delivery";
import type { SyncCounters, SyncTrigger } from "../../../ingestion/polling/sync-runs";
import { countDeliveries } from "../../../metrics/tallies";

export type QueueClient = Pick<SmartAiClient, "getWebhookEvents" | "acknowledgeWebhookEvents">;

export interface CycleContext {
  db: Db;
  client: QueueClient;
  /** Events per call: SmartAI's maximum, so a backlog drains in as few round trips as possible. */
  batchSize?: number;
  /** Deliveries translated per cycle at most; the rest stay pending for the next cycle, so a huge backlog never holds back new events for long. */
  processBudget?: number;
  signal?: AbortSignal;
  /** Renews the lease between batches; false means another instance holds it now, so stop. */
  keepLease?: () => Promise<boolean>;
  /** Called after each batch and each processing chunk with the totals so far (the settings page shows them). */
  onProgress?: (counters: SyncCounters, phase: "draining" | "processing") => Promise<void>;
}

export interface CycleRequest {
  trigger: SyncTrigger;
  /** Backfill window: events stored after `since`, up to `until`. */
  since?: Date | null;
  until?: Date | null;
}

export interface CycleTotals extends SyncCounters {
  /** Deliveries translated into the internal model this cycle (including ones earlier cycles left pending). */
  processed: number;
  unrecognised: number;
}

export class LostLeaseError extends Error {
  constructor() {
    super("another instance took the poller lease during this cycle; it carries on from here");
    this.name = "LostLeaseError";
  }
}

export const DEFAULT_PROCESS_BUDGET = 2_000;
const PROCESS_CHUNK = 500;

/**
 * Drains the queue first — store, then acknowledge, batch after batch — so every event is
 * durable and off SmartAI's queue as soon as possible; then translates what is pending.
 */
export async function runSyncCycle(context: CycleContext, request: CycleRequest): Promise<CycleTotals> {
  const totals: CycleTotals = { fetched: 0, stored: 0, acknowledged: 0, failed: 0, processed: 0, unrecognised: 0 };
  await drainQueue(context, request, totals);
  await processPending(context, totals);
  return totals;
}

/**
 * Store, then acknowledge, batch after batch — pipelined, because a backlog is mostly
 * waiting: while batch N is being stored, batch N+1 is already on its way (fetched with
 * `since` = the newest storedAt in hand: the queue is oldest first, so that is the page
 * after it), and the acknowledgement of batch N-1 is in flight. An acknowledgement is still
 * only ever sent after its batch committed. When the read-ahead runs dry, one plain call
 * picks up anything it could skip (events sharing the boundary's millisecond) and confirms
 * the queue is empty.
 */
async function drainQueue(context: CycleContext, request: CycleRequest, totals: CycleTotals): Promise<void> {
  const { db, client, signal } = context;
  const source = request.trigger === "backfill" ? "backfill" : "poll";
  const windowStart = request.since?.getTime();
  const until = request.until?.getTime();
  const fetchPage = (since: number | undefined) =>
    client.getWebhookEvents({ limit: context.batchSize ?? 100, since, signal });
  let acknowledging: Promise<number> | null = null;
  const settleAcknowledgement = async () => {
    const pending = acknowledging;
    acknowledging = null;
    if (pending) totals.acknowledged += await pending;
  };

  let drainFailed = false;
  try {
    let page = await fetchPage(windowStart);
    let readingAhead = false;
    for (;;) {
      signal?.throwIfAborted();
      totals.fetched += page.events.length;
      if (page.events.length === 0) {
        if (!readingAhead) return;
        // Plain calls return unacknowledged events first: let the last acknowledgement land.
        await settleAcknowledgement();
        readingAhead = false;
        page = await fetchPage(windowStart);
        continue;
      }

      // Events are oldest first: the first one past the window ends a backfill, and stays queued.
      const inWindow =
        until === undefined
          ? page.events
          : page.events.filter((event) => !event.storedAt || event.storedAt.getTime() <= until);
      const reachedWindowEnd = inWindow.length < page.events.length;
      const cursor = reachedWindowEnd || page.pendingCount === 0 ? null : newestStoredAt(inWindow);
      const readAhead = cursor === null ? null : fetchPage(Math.max(cursor, windowStart ?? cursor));
      readAhead?.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled

      const stored = await storeDeliveries(
        db,
        "smartai",
        inWindow.map((event) => toDelivery(event, source)),
      );
      totals.stored += stored.created.length;
      countDeliveries("smartai", "duplicate", stored.duplicates.length);
      if (stored.created.length > 0) applierFor(db).stored();
      await settleAcknowledgement();
      // Everything in the batch is committed now, duplicates included: all of it may go.
      const committedIds = [...new Set(inWindow.flatMap((event) => (event.eventId ? [event.eventId] : [])))];
      if (committedIds.length < inWindow.length) {
        log.warn(
          { count: inWindow.length - committedIds.length },
          "SmartAI sent events without an eventId: stored, but they cannot be acknowledged",
        );
      }
      acknowledging = client.acknowledgeWebhookEvents(committedIds, { signal });
      acknowledging.catch(() => undefined); // settled (and its failure thrown) by settleAcknowledgement
      await context.onProgress?.(counters(totals), "draining");

      if (reachedWindowEnd) return;
      if (context.keepLease && !(await context.keepLease())) throw new LostLeaseError();
      if (readAhead) {
        page = await readAhead;
        readingAhead = true;
        continue;
      }
      await settleAcknowledgement();
      // With nothing acknowledgeable (no eventIds) the same page would come back: stop here.
      if (page.pendingCount === 0 || committedIds.length === 0) return;
      page = await fetchPage(windowStart);
      readingAhead = false;
    }
  } catch (error) {
    drainFailed = true;
    throw error;
  } finally {
    // However the drain ends, the acknowledgement in flight is waited for and counted; its
    // own failure is reported unless an earlier failure is already on its way out.
    if (drainFailed) await settleAcknowledgement().catch(() => undefined);
    else await settleAcknowledgement();
  }
}

/** The newest storedAt of the batch, or null when an event lacks one (then no read-ahead). */
function newestStoredAt(events: QueuedEvent[]): number | null {
  let newest = -Infinity;
  for (const event of events) {
    if (!event.storedAt) return null;
    newest = Math.max(newest, event.storedAt.getTime());
  }
  return newest;
}

/** Translates stored SmartAI deliveries still pending: this cycle's, and any a crash or an earlier budget left. */
async function processPending(context: CycleContext, totals: CycleTotals): Promise<void> {
  const budget = context.processBudget ?? DEFAULT_PROCESS_BUDGET;
  let handled = 0;
  while (handled < budget) {
    context.signal?.throwIfAborted();
    if (context.keepLease && !(await context.keepLease())) throw new LostLeaseError();
    const limit = Math.min(PROCESS_CHUNK, budget - handled);
    const counts = await processPendingDeliveries(context.db, { provider: "smartai", limit });
    const chunk = counts.processed + counts.failed + counts.unrecognised + counts.skipped;
    handled += chunk;
    totals.processed += counts.processed;
    totals.failed += counts.failed;
    totals.unrecognised += counts.unrecognised;
    if (chunk > 0) await context.onProgress?.(counters(totals), "processing");
    if (chunk < limit) return;
  }
}

function counters(totals: CycleTotals): SyncCounters {
  return { fetched: totals.fetched, stored: totals.stored, acknowledged: totals.acknowledged, failed: totals.failed };
}

function toDelivery(event: QueuedEvent, source: "poll" | "backfill"): IncomingDelivery {
  return {
    externalId: event.externalId,
    source,
    eventType: event.eventType,
    body: event.raw,
    providerTimestamp: event.storedAt,
    candidateEmail: event.candidateEmail,
  };
}
