import "server-only";
// One poll cycle: drain SmartAI's queue batch by batch. Each batch is stored in one
// transaction, then acknowledged — only once committed, and duplicates too, since they
// are already durable — and only then translated, so a bad event never blocks the queue.
import type { Db } from "../../db";
import { log } from "../../log";
import type { SmartAiClient } from "../../providers/smartai/client";
import type { QueuedEvent } from "../../providers/smartai/queued-event";
import { storeDeliveries, type IncomingDelivery } from "../inbox";
import { processDelivery, processPendingDeliveries } from "../process-delivery";
import type { SyncCounters, SyncTrigger } from "./sync-runs";

export type QueueClient = Pick<SmartAiClient, "getWebhookEvents" | "acknowledgeWebhookEvents">;

export interface CycleContext {
  db: Db;
  client: QueueClient;
  /** Events per call: SmartAI's maximum, so a backlog drains in as few round trips as possible. */
  batchSize?: number;
  signal?: AbortSignal;
  /** Renews the lease between batches; false means another instance holds it now, so stop. */
  keepLease?: () => Promise<boolean>;
  /** Called after each batch with the totals so far (the settings page shows them). */
  onProgress?: (counters: SyncCounters) => Promise<void>;
}

export interface CycleRequest {
  trigger: SyncTrigger;
  /** Backfill window: events stored after `since`, up to `until`. */
  since?: Date | null;
  until?: Date | null;
}

export class LostLeaseError extends Error {
  constructor() {
    super("another instance took the poller lease during this cycle; it carries on from here");
    this.name = "LostLeaseError";
  }
}

const LEFTOVER_CHUNK = 100;
const LEFTOVER_CHUNKS_PER_CYCLE = 10;

export async function runSyncCycle(context: CycleContext, request: CycleRequest): Promise<SyncCounters> {
  const { db, client, signal } = context;
  const counters: SyncCounters = { fetched: 0, stored: 0, acknowledged: 0, failed: 0 };
  const source = request.trigger === "backfill" ? "backfill" : "poll";
  await processLeftovers(context);

  for (;;) {
    signal?.throwIfAborted();
    const page = await client.getWebhookEvents({ limit: context.batchSize ?? 100, since: request.since ?? undefined, signal });
    counters.fetched += page.events.length;
    if (page.events.length === 0) break;

    // Events are oldest first: the first one past the window ends a backfill, and stays queued.
    const until = request.until?.getTime();
    const inWindow = until === undefined ? page.events : page.events.filter((event) => !event.storedAt || event.storedAt.getTime() <= until);
    const reachedWindowEnd = inWindow.length < page.events.length;

    const stored = await storeDeliveries(db, "smartai", inWindow.map((event) => toDelivery(event, source)));
    counters.stored += stored.created.length;
    const committedIds = [...new Set(inWindow.flatMap((event) => (event.eventId ? [event.eventId] : [])))];
    if (committedIds.length < inWindow.length) {
      log.warn({ count: inWindow.length - committedIds.length }, "SmartAI sent events without an eventId: stored, but they cannot be acknowledged");
    }
    counters.acknowledged += await client.acknowledgeWebhookEvents(committedIds, { signal });

    for (const delivery of stored.created) {
      if ((await processDelivery(db, delivery.id)) === "failed") counters.failed += 1;
    }
    await context.onProgress?.({ ...counters });

    if (reachedWindowEnd || page.pendingCount === 0 || committedIds.length === 0) break;
    if (context.keepLease && !(await context.keepLease())) throw new LostLeaseError();
  }
  return counters;
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

/** Deliveries a crash left stored but untranslated (stored, acknowledged, then the process died). */
async function processLeftovers(context: CycleContext): Promise<void> {
  for (let chunk = 0; chunk < LEFTOVER_CHUNKS_PER_CYCLE; chunk += 1) {
    const counts = await processPendingDeliveries(context.db, { provider: "smartai", limit: LEFTOVER_CHUNK });
    const handled = counts.processed + counts.failed + counts.unrecognised + counts.skipped;
    if (handled > 0) log.info({ ...counts }, "processed SmartAI deliveries left pending by an earlier cycle");
    if (handled < LEFTOVER_CHUNK) return;
    if (context.keepLease && !(await context.keepLease())) throw new LostLeaseError();
  }
}
