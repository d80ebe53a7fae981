import "server-only";
// The durable raw inbox. Every delivery is stored here, committed, before anything else
// happens to it; (provider, externalId) is unique, so a redelivery is recognised and
// changes nothing.
import { createHash } from "node:crypto";
import type { Db } from "../db";
import { batchDriverFor } from "./apply/driver";
import { firstOfEachId, insertDeliveryRows, pendingRow, storedBatch } from "./inbox-rows";
import { storeQueueFor } from "./store-queue";
import type { DeliverySource, ProviderId } from "../../shared/vocabulary";

export interface IncomingDelivery {
  /** The provider's delivery id; without one, use deliveryIdForBody(). */
  externalId: string;
  source: DeliverySource;
  eventType: string | null;
  headers?: Record<string, string> | null;
  /** The raw body exactly as received. */
  body: string;
  providerTimestamp?: Date | null;
  candidateEmail?: string | null;
}

export interface StoredBatch {
  /** Ids of deliveries stored by this call, in input order. */
  created: { id: string; externalId: string }[];
  /** External ids that were already in the inbox (or repeated within the batch). */
  duplicates: string[];
}

/** For providers that send no delivery id: identical bodies are the same delivery. */
export function deliveryIdForBody(body: string): string {
  return `sha256:${createHash("sha256").update(body, "utf8").digest("hex")}`;
}

/**
 * Stores a batch in one transaction. Returns only after the commit is on disk, so a caller may
 * then acknowledge or answer 2xx. Idempotent: known external ids are reported as duplicates.
 */
export async function storeDeliveries(
  db: Db,
  provider: ProviderId,
  deliveries: IncomingDelivery[],
): Promise<StoredBatch> {
  // One delivery (a webhook request's): committed together with those stored meanwhile (store-queue.ts).
  if (deliveries.length === 1) return storeQueueFor(db, "store", storeNow).store(provider, deliveries[0]!);
  return storeNow(db, provider, deliveries);
}

/** storeDeliveries without waiting for company: one transaction for these deliveries, now. */
async function storeNow(db: Db, provider: ProviderId, deliveries: IncomingDelivery[]): Promise<StoredBatch> {
  const receivedAt = new Date();
  const rows = firstOfEachId(deliveries).map((delivery) => pendingRow(delivery));
  // On the applier's driver connection: Prisma's raw-query path cost about ten times as much per
  // row, and a SmartAI backlog stores 100 deliveries a call, over and over.
  const inserted = await batchDriverFor(db).transaction((run) => insertDeliveryRows(run, provider, rows, receivedAt), {
    lockTimeoutMs: STORE_LOCK_TIMEOUT_MS,
    durable: true,
  });
  return storedBatch(deliveries, inserted);
}

/** PostgreSQL: a unique-key wait on a row another transaction is inserting. */
const STORE_LOCK_TIMEOUT_MS = 5_000;
