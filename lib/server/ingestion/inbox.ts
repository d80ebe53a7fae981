import "server-only";
// The durable raw inbox. Every delivery is stored here, committed, before anything else
// happens to it; (provider, externalId) is unique, so a redelivery is recognised and
// changes nothing.
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "../db";
import { batchDriverFor } from "./apply/driver";
import type { SqlRunner } from "./apply/runner";
import { Statement, timestampText } from "./apply/sql";
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
  if (deliveries.length === 1) return storeQueueFor(db, storeNow).store(provider, deliveries[0]!);
  return storeNow(db, provider, deliveries);
}

/** storeDeliveries without waiting for company: one transaction for these deliveries, now. */
async function storeNow(db: Db, provider: ProviderId, deliveries: IncomingDelivery[]): Promise<StoredBatch> {
  const fresh = new Map<string, IncomingDelivery>();
  for (const delivery of deliveries) if (!fresh.has(delivery.externalId)) fresh.set(delivery.externalId, delivery);
  const receivedAt = new Date();
  const batch = [...fresh.values()];
  // On the applier's driver connection: Prisma's raw-query path cost about ten times as much per
  // row, and a SmartAI backlog stores 100 deliveries a call, over and over.
  const inserted = await batchDriverFor(db).transaction(
    async (run) => {
      const rows: { id: string; externalId: string }[] = [];
      for (let start = 0; start < batch.length; start += INSERT_CHUNK) {
        rows.push(...(await insertNew(run, provider, batch.slice(start, start + INSERT_CHUNK), receivedAt)));
      }
      return rows;
    },
    { lockTimeoutMs: STORE_LOCK_TIMEOUT_MS, durable: true },
  );
  const idByExternalId = new Map(inserted.map((row) => [row.externalId, row.id]));
  const created: StoredBatch["created"] = [];
  const duplicates: string[] = [];
  const reported = new Set<string>();
  for (const { externalId } of deliveries) {
    const id = idByExternalId.get(externalId);
    if (id && !reported.has(externalId)) created.push({ id, externalId });
    else duplicates.push(externalId);
    reported.add(externalId);
  }
  return { created, duplicates };
}

// Rows per INSERT: well under both databases' limits on bound parameters.
const INSERT_CHUNK = 500;

/** PostgreSQL: a unique-key wait on a row another transaction is inserting. */
const STORE_LOCK_TIMEOUT_MS = 5_000;

/**
 * One multi-row INSERT … ON CONFLICT DO NOTHING: the unique key decides what is new, so
 * concurrent writers of the same id cannot both store it, and RETURNING names the rows
 * this call stored. The same SQL runs on SQLite and PostgreSQL.
 */
async function insertNew(run: SqlRunner, provider: ProviderId, batch: IncomingDelivery[], receivedAt: Date) {
  if (batch.length === 0) return [];
  const received = timestampText(receivedAt);
  return new Statement(run.dialect)
    .sql(
      `INSERT INTO "Delivery" ("id", "provider", "externalId", "source", "eventType", "headers", "body", "receivedAt",
        "status", "attempts", "providerTimestamp", "candidateEmail") VALUES `,
    )
    .rows(
      batch.map((delivery) => [
        newDeliveryId(),
        provider,
        delivery.externalId,
        delivery.source,
        delivery.eventType,
        delivery.headers ? JSON.stringify(delivery.headers) : null,
        delivery.body,
        received,
        "pending",
        0,
        delivery.providerTimestamp ? timestampText(delivery.providerTimestamp) : null,
        delivery.candidateEmail?.toLowerCase() ?? null,
      ]),
    )
    .sql(` ON CONFLICT ("provider", "externalId") DO NOTHING RETURNING "id", "externalId"`)
    .query<{ id: string; externalId: string }>(run);
}

/** Time-ordered like Prisma's cuid (so ties on receivedAt still list in arrival order), and unique. */
function newDeliveryId(): string {
  const random = randomUUID().replaceAll("-", "").slice(0, 12); // randomUUID draws from a cached pool: cheap per row
  return `d${Date.now().toString(36)}${(sequence++ % 1_679_616).toString(36).padStart(4, "0")}${random}`;
}
let sequence = 0;
