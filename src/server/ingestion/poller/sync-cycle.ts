import "server-only";
// One poll cycle: drain SmartAI's queue batch by batch. Each batch is stored in one
// transaction, then acknowledged — only once committed, and duplicates too, since they
// are already durable. Translation comes after, so a bad event never blocks the queue.
import type { Db } from "../../db";
import { log } from "../../log";
import type { SmartAiClient } from "../../providers/smartai/client";
import type { QueuedEvent } from "../../providers/smartai/queued-event";
import { storeDeliveries, type IncomingDelivery } from "../inbox";
import { processPendingDeliveries } from "../process-delivery";
import type { SyncCounters, SyncTrigger } from "./sync-runs";

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
const PROCESS_CHUNK = 100;

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

async function drainQueue(context: CycleContext, request: CycleRequest, totals: CycleTotals): Promise<void> {
  const { db, client, signal } = context;
  const source = request.trigger === "backfill" ? "backfill" : "poll";
  for (;;) {
    signal?.throwIfAborted();
    const page = await client.getWebhookEvents({ limit: context.batchSize ?? 100, since: request.since ?? undefined, signal });
    totals.fetched += page.events.length;
    if (page.events.length === 0) return;

    // Events are oldest first: the first one past the window ends a backfill, and stays queued.
    const until = request.until?.getTime();
    const inWindow = until === undefined ? page.events : page.events.filter((event) => !event.storedAt || event.storedAt.getTime() <= until);
    const reachedWindowEnd = inWindow.length < page.events.length;

    const stored = await storeDeliveries(db, "smartai", inWindow.map((event) => toDelivery(event, source)));
    totals.stored += stored.created.length;
    // Everything in the batch is committed now, duplicates included: all of it may go.
    const committedIds = [...new Set(inWindow.flatMap((event) => (event.eventId ? [event.eventId] : [])))];
    if (committedIds.length < inWindow.length) {
      log.warn({ count: inWindow.length - committedIds.length }, "SmartAI sent events without an eventId: stored, but they cannot be acknowledged");
    }
    totals.acknowledged += await client.acknowledgeWebhookEvents(committedIds, { signal });
    await context.onProgress?.(counters(totals), "draining");

    if (reachedWindowEnd || page.pendingCount === 0 || committedIds.length === 0) return;
    if (context.keepLease && !(await context.keepLease())) throw new LostLeaseError();
  }
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
