import "server-only";
// Inbox rows as a batch writes them: one multi-row insert of the deliveries whose external id is
// new, inside the caller's transaction — pending for the applier (inbox.ts), or already settled
// when the batch is applied in the same transaction (store-and-apply.ts).
import type { SqlRunner } from "./apply/runner";
import { Statement, columnTypes, newRowId, quoteColumns, timestampText } from "./apply/sql";
import type { IncomingDelivery, StoredBatch } from "./inbox";
import type { ProviderId } from "../../shared/vocabulary";

/** A delivery as its inbox row is written: pending, or — stored and applied at once — already settled. */
export interface DeliveryRow {
  id: string;
  delivery: IncomingDelivery;
  status: "pending" | DeliveryOutcome;
  /** What translation found (the provider's name for the event, the candidate, the newest time); else as received. */
  eventType: string | null;
  candidateEmail: string | null;
  providerTimestamp: Date | null;
  error: string | null;
}

type DeliveryOutcome = "processed" | "failed" | "unrecognised";

export function pendingRow(delivery: IncomingDelivery): DeliveryRow {
  return {
    // Time-ordered (ties on receivedAt still list in arrival order), as every row id the apply writes.
    id: newRowId("d"),
    delivery,
    status: "pending",
    eventType: delivery.eventType,
    candidateEmail: delivery.candidateEmail?.toLowerCase() ?? null,
    providerTimestamp: delivery.providerTimestamp ?? null,
    error: null,
  };
}

/** The first delivery of each external id, in input order: a repeat within a batch is a duplicate. */
export function firstOfEachId<T extends { externalId: string }>(deliveries: T[]): T[] {
  const fresh = new Map<string, T>();
  for (const delivery of deliveries) if (!fresh.has(delivery.externalId)) fresh.set(delivery.externalId, delivery);
  return [...fresh.values()];
}

/** What a batch's call stored, in input order, and what was there already (or repeated within it). */
export function storedBatch(
  deliveries: { externalId: string }[],
  inserted: { id: string; externalId: string }[],
): StoredBatch {
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

/**
 * Inserts the rows whose external id is new, inside the caller's transaction, and answers
 * those it stored. Settled rows count as tried once, at `receivedAt`.
 */
export async function insertDeliveryRows(
  run: SqlRunner,
  provider: ProviderId,
  rows: DeliveryRow[],
  receivedAt: Date,
): Promise<{ id: string; externalId: string }[]> {
  const inserted: { id: string; externalId: string }[] = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    inserted.push(...(await insertNew(run, provider, rows.slice(start, start + INSERT_CHUNK), receivedAt)));
  }
  return inserted;
}

// Rows per INSERT: what one statement's bound rows (a JSON array, or arrays per column) carry at most.
const INSERT_CHUNK = 500;

const DELIVERY_COLUMNS = [
  "id",
  "provider",
  "externalId",
  "source",
  "eventType",
  "headers",
  "body",
  "receivedAt",
  "status",
  "error",
  "attempts",
  "processedAt",
  "providerTimestamp",
  "candidateEmail",
] as const;
const DELIVERY_TYPES = columnTypes(DELIVERY_COLUMNS, {
  headers: "jsonb",
  receivedAt: "timestamp(3)",
  attempts: "int4",
  processedAt: "timestamp(3)",
  providerTimestamp: "timestamp(3)",
});

/**
 * One multi-row INSERT … ON CONFLICT DO NOTHING: the unique key decides what is new, so
 * concurrent writers of the same id cannot both store it, and RETURNING names the rows
 * this call stored. The same SQL runs on SQLite and PostgreSQL.
 */
async function insertNew(run: SqlRunner, provider: ProviderId, rows: DeliveryRow[], receivedAt: Date) {
  if (rows.length === 0) return [];
  const received = timestampText(receivedAt);
  return new Statement(run.dialect)
    .sql(`INSERT INTO "Delivery" (${quoteColumns(DELIVERY_COLUMNS)}) `)
    .values(
      DELIVERY_TYPES,
      rows.map(({ id, delivery, status, eventType, candidateEmail, providerTimestamp, error }) => {
        const settled = status !== "pending";
        return [
          id,
          provider,
          delivery.externalId,
          delivery.source,
          eventType,
          delivery.headers ? JSON.stringify(delivery.headers) : null,
          delivery.body,
          received,
          status,
          error,
          settled ? 1 : 0,
          settled ? received : null,
          providerTimestamp ? timestampText(providerTimestamp) : null,
          candidateEmail,
        ];
      }),
    )
    .sql(` ON CONFLICT ("provider", "externalId") DO NOTHING RETURNING "id", "externalId"`)
    .query<{ id: string; externalId: string }>(run);
}
