import "server-only";
// Turns stored deliveries into internal-model changes. One transaction per delivery: its
// model writes and its status change commit together, so a crash leaves it pending and a
// rerun applies it exactly once. Failures are recorded on the delivery, never thrown away.
import { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import { TranslationError } from "../domain/events";
import { isProviderId } from "../domain/vocabulary";
import { log } from "../log";
import { adapterFor } from "../providers/registry";
import { applyEvents } from "./apply-events";

export type ProcessOutcome = "processed" | "unrecognised" | "failed" | "skipped";

const MAX_ERROR_LENGTH = 2_000;

export async function processDelivery(db: Db, deliveryId: string): Promise<ProcessOutcome> {
  const delivery = await db.delivery.findUnique({ where: { id: deliveryId } });
  if (!delivery || delivery.status === "processed") return "skipped";
  const provider = delivery.provider;
  if (!isProviderId(provider)) return fail(db, deliveryId, `unknown provider "${provider}"`);

  let body: unknown;
  try {
    body = JSON.parse(delivery.body);
  } catch {
    return fail(db, deliveryId, "body is not JSON");
  }

  let translation;
  try {
    translation = adapterFor(provider).translate({ body, eventType: delivery.eventType, receivedAt: delivery.receivedAt });
  } catch (error) {
    return fail(db, deliveryId, describe(error));
  }

  if (!translation.recognised) {
    await markUnrecognised(db, deliveryId, translation.eventType ?? delivery.eventType, translation.reason);
    return "unrecognised";
  }
  const newestEventAt = translation.events.reduce<Date | null>(
    (newest, event) => (!newest || event.occurredAt > newest ? event.occurredAt : newest),
    null,
  );

  const processed = {
    status: "processed",
    eventType: translation.eventType,
    candidateEmail: translation.candidateEmail?.toLowerCase() ?? delivery.candidateEmail,
    providerTimestamp: newestEventAt ?? delivery.providerTimestamp,
    error: null,
    attempts: { increment: 1 },
    processedAt: new Date(),
  } as const;
  if (delivery.source === "test") {
    // An admin's "Send test event": proven readable end to end, but never shown as a result.
    const claimed = await db.delivery.updateMany({ where: { id: deliveryId, status: "pending" }, data: processed });
    return claimed.count === 1 ? "processed" : "skipped";
  }

  for (let round = 1; ; round += 1) {
    try {
      await db.$transaction(async (tx) => {
        // Claim first: a second processor of the same delivery (the after-answer task and a
        // sweep, or two instances) waits here, then finds it taken and rolls back.
        const claimed = await tx.delivery.updateMany({ where: { id: deliveryId, status: "pending" }, data: processed });
        if (claimed.count === 0) throw new AlreadyTaken();
        await applyEvents({ tx, provider, deliveryId }, translation.events);
      });
      return "processed";
    } catch (error) {
      if (error instanceof AlreadyTaken) return "skipped";
      // Two deliveries for a new candidate or attempt, applied at once (PostgreSQL): the
      // second insert loses; run again and it finds the row the first one created.
      if (isUniqueViolation(error) && round < 3) continue;
      return fail(db, deliveryId, describe(error));
    }
  }
}

class AlreadyTaken extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Processes stored deliveries oldest first. Order is for readable timelines: correctness comes from provider timestamps. */
export async function processPendingDeliveries(
  db: Db,
  options: { provider?: string; limit?: number; receivedBefore?: Date } = {},
): Promise<Record<ProcessOutcome, number>> {
  const pending = await db.delivery.findMany({
    where: { status: "pending", provider: options.provider, receivedAt: options.receivedBefore ? { lt: options.receivedBefore } : undefined },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 500,
    select: { id: true },
  });
  const counts: Record<ProcessOutcome, number> = { processed: 0, unrecognised: 0, failed: 0, skipped: 0 };
  for (const { id } of pending) counts[await processDelivery(db, id)] += 1;
  return counts;
}

/** Admin replay: failed or unrecognised deliveries go through processing again. */
export async function replayDeliveries(db: Db, deliveryIds: string[]): Promise<Record<ProcessOutcome, number>> {
  await db.delivery.updateMany({
    where: { id: { in: deliveryIds }, status: { in: ["failed", "unrecognised"] } },
    data: { status: "pending" },
  });
  const counts: Record<ProcessOutcome, number> = { processed: 0, unrecognised: 0, failed: 0, skipped: 0 };
  for (const id of deliveryIds) counts[await processDelivery(db, id)] += 1;
  return counts;
}

/** Kept, visible in the event log as unrecognised, and replayable once an adapter knows it. */
export async function markUnrecognised(db: Db, deliveryId: string, eventType: string | null, reason: string) {
  await db.delivery.updateMany({
    where: { id: deliveryId, status: { not: "processed" } },
    data: { status: "unrecognised", eventType, error: reason, attempts: { increment: 1 }, processedAt: new Date() },
  });
  log.warn({ deliveryId, eventType, reason }, "delivery not recognised");
}

async function fail(db: Db, deliveryId: string, error: string): Promise<ProcessOutcome> {
  log.error({ deliveryId, error }, "delivery failed to process");
  await db.delivery.updateMany({
    where: { id: deliveryId, status: { not: "processed" } },
    data: { status: "failed", error: error.slice(0, MAX_ERROR_LENGTH), attempts: { increment: 1 }, processedAt: new Date() },
  });
  return "failed";
}

function describe(error: unknown): string {
  if (error instanceof TranslationError) return `cannot translate: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
