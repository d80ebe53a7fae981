import "server-only";
// The durable raw inbox. Every delivery is stored here, committed, before anything else
// happens to it; (provider, externalId) is unique, so a redelivery is recognised and
// changes nothing.
import { createHash } from "node:crypto";
import { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import type { DeliverySource, ProviderId } from "../domain/vocabulary";

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
 * Stores a batch in one transaction. Returns only after the commit, so a caller may then
 * acknowledge or answer 2xx. Idempotent: known external ids are reported as duplicates.
 */
export async function storeDeliveries(
  db: Db,
  provider: ProviderId,
  deliveries: IncomingDelivery[],
): Promise<StoredBatch> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await storeOnce(db, provider, deliveries);
    } catch (error) {
      // A concurrent writer stored one of these ids between our read and our insert:
      // run again, and it shows up as a duplicate.
      const uniqueViolation = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!uniqueViolation || attempt >= 3) throw error;
    }
  }
}

async function storeOnce(db: Db, provider: ProviderId, deliveries: IncomingDelivery[]): Promise<StoredBatch> {
  return db.$transaction(async (tx) => {
    const ids = [...new Set(deliveries.map((delivery) => delivery.externalId))];
    const known = await tx.delivery.findMany({
      where: { provider, externalId: { in: ids } },
      select: { externalId: true },
    });
    const seen = new Set(known.map((row) => row.externalId));
    const created: StoredBatch["created"] = [];
    const duplicates: string[] = [];
    const fresh: IncomingDelivery[] = [];
    for (const delivery of deliveries) {
      if (seen.has(delivery.externalId)) {
        duplicates.push(delivery.externalId);
        continue;
      }
      seen.add(delivery.externalId);
      fresh.push(delivery);
    }
    if (fresh.length > 0) {
      const rows = await tx.delivery.createManyAndReturn({
        data: fresh.map((delivery) => ({
          provider,
          externalId: delivery.externalId,
          source: delivery.source,
          eventType: delivery.eventType,
          headers: delivery.headers ? (delivery.headers as Prisma.InputJsonValue) : Prisma.DbNull,
          body: delivery.body,
          providerTimestamp: delivery.providerTimestamp ?? null,
          candidateEmail: delivery.candidateEmail?.toLowerCase() ?? null,
        })),
        select: { id: true, externalId: true },
      });
      const byExternalId = new Map(rows.map((row) => [row.externalId, row.id]));
      for (const delivery of fresh) {
        created.push({ id: byExternalId.get(delivery.externalId)!, externalId: delivery.externalId });
      }
    }
    return { created, duplicates };
  });
}
