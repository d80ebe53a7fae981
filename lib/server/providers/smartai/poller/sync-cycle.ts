import "server-only";
// One poll cycle: drain SmartAI's queue batch by batch. Each batch is stored and applied in one
// transaction (ingestion/store-and-apply.ts), then acknowledged — only once committed, and
// duplicates too, since they are already durable. A batch that cannot be applied is stored
// pending all the same and left to the applier, so a bad event never blocks the queue.
import type { Db } from "../../../db";
import { log } from "../../../log";
import type { SmartAiClient } from "../client";
import type { QueuedEvent } from "../queued-event";
import { storeAndApply, type ParsedDelivery } from "../../../ingestion/store-and-apply";
import { ReadAhead } from "./read-ahead";
import { applierFor } from "../../../ingestion/applier";
import { batchDriverFor } from "../../../ingestion/apply/driver";
import { processPendingDeliveries } from "../../../ingestion/process-delivery";
import type { SyncCounters, SyncTrigger } from "../../../ingestion/polling/sync-runs";
import { countDeliveries } from "../../../metrics/tallies";

export type QueueClient = Pick<SmartAiClient, "getWebhookEvents" | "acknowledgeWebhookEvents">;

export interface CycleContext {
  db: Db;
  client: QueueClient;
  /** Events per call: SmartAI's maximum, so a backlog drains in as few round trips as possible. */
  batchSize?: number;
  /** Events stored (and applied) in one transaction at most: what has been fetched meanwhile, up to this. */
  maxEventsPerStore?: number;
  /**
   * Pending deliveries (a crash's, or a batch's that could not be applied as it was stored)
   * translated per cycle at most; the rest stay pending for the next cycle (or the applier), so a
   * huge backlog never holds back new events for long.
   */
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
/**
 * Events one store-and-apply transaction takes at most. Every commit rewrites the index pages the
 * batch touched (random keys: emails, attempt keys), so a 20,000-event drain wrote ~600 MB to
 * SQLite's log in batches of 500 and ~470 MB in batches of 1,000 (~455 MB at 2,000); larger
 * batches also hold the write lock longer, which a webhook store waits behind.
 */
export const DEFAULT_MAX_EVENTS_PER_STORE = 1_000;
const PROCESS_CHUNK = 500;

/**
 * Drains the queue first — store and apply, then acknowledge, batch after batch — so every
 * event is durable, visible and off SmartAI's queue as soon as possible; then translates what
 * earlier cycles left pending.
 */
export async function runSyncCycle(context: CycleContext, request: CycleRequest): Promise<CycleTotals> {
  const totals: CycleTotals = { fetched: 0, stored: 0, acknowledged: 0, failed: 0, processed: 0, unrecognised: 0 };
  await drainQueue(context, request, totals);
  // As the applier does after a backlog: the drain's commits rewrote the same index pages over
  // and over, so SQLite's write-ahead log is folded into the file once, now (driver.ts).
  if (totals.stored > 0) await batchDriverFor(context.db).checkpoint();
  await processPending(context, totals);
  return totals;
}

/**
 * Store, then acknowledge, batch after batch — pipelined, because a backlog is mostly
 * waiting: while a batch is stored (and applied, in the same transaction), the pages after it
 * are already being fetched (read-ahead.ts), and the acknowledgement of the batch before is in
 * flight. A batch is everything fetched and waiting, up to `maxEventsPerStore`. An
 * acknowledgement is still only ever sent after its batch committed. When the read-ahead runs
 * dry, one plain call picks up anything it could skip (events sharing the boundary's
 * millisecond) and confirms the queue is empty.
 */
async function drainQueue(context: CycleContext, request: CycleRequest, totals: CycleTotals): Promise<void> {
  const { db, client, signal } = context;
  const source = request.trigger === "backfill" ? "backfill" : "poll";
  const maxEvents = Math.max(1, context.maxEventsPerStore ?? DEFAULT_MAX_EVENTS_PER_STORE);
  const pages = new ReadAhead({
    fetchPage: (since) => client.getWebhookEvents({ limit: context.batchSize ?? 100, since, signal }),
    windowStart: request.since?.getTime(),
    until: request.until?.getTime(),
    maxWaiting: maxEvents,
  });
  let acknowledging: Promise<number> | null = null;
  const settleAcknowledgement = async () => {
    const pending = acknowledging;
    acknowledging = null;
    if (pending) totals.acknowledged += await pending;
  };

  let drainFailed = false;
  try {
    pages.fetchPlain();
    for (;;) {
      signal?.throwIfAborted();
      const batch = await pages.take(maxEvents);
      const last = batch.at(-1)!;
      const events = batch.flatMap((page) => page.inWindow);
      totals.fetched += batch.reduce((sum, page) => sum + page.events.length, 0);

      let committedIds: string[] = [];
      if (events.length > 0) {
        const stored = await storeAndApply(
          db,
          "smartai",
          events.map((event) => toDelivery(event, source)),
        );
        totals.stored += stored.created.length;
        totals.processed += stored.counts.processed;
        totals.failed += stored.counts.failed;
        totals.unrecognised += stored.counts.unrecognised;
        countDeliveries("smartai", "duplicate", stored.duplicates.length);
        // Left pending (the batch could not be applied as it was stored): the applier's now.
        if (stored.counts.skipped > 0) applierFor(db).stored();
        await settleAcknowledgement();
        // Everything in the batch is committed now, duplicates included: all of it may go.
        committedIds = [...new Set(events.flatMap((event) => (event.eventId ? [event.eventId] : [])))];
        if (committedIds.length < events.length) {
          log.warn(
            { count: events.length - committedIds.length },
            "SmartAI sent events without an eventId: stored, but they cannot be acknowledged",
          );
        }
        acknowledging = client.acknowledgeWebhookEvents(committedIds, { signal });
        acknowledging.catch(() => undefined); // settled (and its failure thrown) by settleAcknowledgement
        await context.onProgress?.(counters(totals), "draining");
      }

      if (last.reachedWindowEnd) return;
      if (last.events.length === 0) {
        if (!last.readAhead) return;
        // Plain calls return unacknowledged events first: let the last acknowledgement land.
        await settleAcknowledgement();
        pages.fetchPlain();
        continue;
      }
      if (context.keepLease && !(await context.keepLease())) throw new LostLeaseError();
      if (last.cursor !== null) continue; // the read-ahead carries on from the last page
      await settleAcknowledgement();
      // With nothing acknowledgeable (no eventIds) the same page would come back: stop here.
      if (last.pendingCount === 0 || committedIds.length === 0) return;
      pages.fetchPlain();
    }
  } catch (error) {
    drainFailed = true;
    throw error;
  } finally {
    pages.close();
    // However the drain ends, the acknowledgement in flight is waited for and counted; its
    // own failure is reported unless an earlier failure is already on its way out.
    if (drainFailed) await settleAcknowledgement().catch(() => undefined);
    else await settleAcknowledgement();
  }
}

/** Translates stored SmartAI deliveries still pending: any a crash, a failed apply or an earlier budget left. */
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

function toDelivery(event: QueuedEvent, source: "poll" | "backfill"): ParsedDelivery {
  return {
    externalId: event.externalId,
    source,
    eventType: event.eventType,
    body: event.raw,
    parsedBody: event.parsed,
    providerTimestamp: event.storedAt,
    candidateEmail: event.candidateEmail,
  };
}
