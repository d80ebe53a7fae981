import "server-only";
// Turns stored deliveries into internal-model changes. A delivery's model writes and its
// status change always commit together (one transaction per delivery, or one for a batch),
// so a crash leaves it pending and a rerun applies it exactly once. Failures are recorded on
// the delivery, never thrown away.
import type { Db, Tx } from "../db";
import { isUniqueViolation } from "../db/errors";
import { TranslationError, type Translation } from "../domain/events";
import { isProviderId, type ProviderId } from "../../shared/vocabulary";
import { log } from "../log";
import { adapterFor } from "../providers/registry";
import { applyEvents } from "./apply-events";
import { createApplyMemo, type ApplyMemo } from "./apply-memo";

export type ProcessOutcome = "processed" | "unrecognised" | "failed" | "skipped";

const MAX_ERROR_LENGTH = 2_000;
/** Deliveries applied in one transaction by processPendingDeliveries. */
const BATCH_SIZE = 50;

type StoredDelivery = NonNullable<Awaited<ReturnType<Db["delivery"]["findUnique"]>>>;

/** A delivery translated and ready to apply: the events, and what its row becomes once applied. */
interface Prepared {
  id: string;
  provider: ProviderId;
  translation: Extract<Translation, { recognised: true }>;
  processed: ReturnType<typeof processedData>;
}

/**
 * Everything before the database work: parse, translate. Answers an outcome when the
 * delivery is already settled here (failed, unrecognised, a test event), else what to apply.
 */
async function prepare(db: Db, delivery: StoredDelivery): Promise<ProcessOutcome | Prepared> {
  const provider = delivery.provider;
  if (!isProviderId(provider)) return fail(db, delivery.id, `unknown provider "${provider}"`);

  let body: unknown;
  try {
    body = JSON.parse(delivery.body);
  } catch {
    return fail(db, delivery.id, "body is not JSON");
  }

  let translation;
  try {
    translation = adapterFor(provider).translate({
      body,
      eventType: delivery.eventType,
      receivedAt: delivery.receivedAt,
    });
  } catch (error) {
    return fail(db, delivery.id, describe(error));
  }

  if (!translation.recognised) {
    await markUnrecognised(db, delivery.id, translation.eventType ?? delivery.eventType, translation.reason);
    return "unrecognised";
  }
  const processed = processedData(delivery, translation);
  if (delivery.source === "test") {
    // An admin's "Send test event": proven readable end to end, but never shown as a result.
    const claimed = await db.delivery.updateMany({ where: { id: delivery.id, status: "pending" }, data: processed });
    return claimed.count === 1 ? "processed" : "skipped";
  }
  return { id: delivery.id, provider, translation, processed };
}

function processedData(delivery: StoredDelivery, translation: Extract<Translation, { recognised: true }>) {
  const newestEventAt = translation.events.reduce<Date | null>(
    (newest, event) => (!newest || event.occurredAt > newest ? event.occurredAt : newest),
    null,
  );
  return {
    status: "processed",
    eventType: translation.eventType,
    candidateEmail: translation.candidateEmail?.toLowerCase() ?? delivery.candidateEmail,
    providerTimestamp: newestEventAt ?? delivery.providerTimestamp,
    error: null,
    attempts: { increment: 1 },
    processedAt: new Date(),
  } as const;
}

/**
 * Claims a prepared delivery and applies its events, inside the caller's transaction.
 * Claiming first means a second processor of the same delivery (the after-answer task and a
 * sweep, or two instances) waits here, then finds it taken.
 */
async function claimAndApply(tx: Tx, prepared: Prepared, memo?: ApplyMemo): Promise<boolean> {
  const claimed = await tx.delivery.updateMany({
    where: { id: prepared.id, status: "pending" },
    data: prepared.processed,
  });
  if (claimed.count === 0) return false;
  await applyEvents({ tx, provider: prepared.provider, deliveryId: prepared.id, memo }, prepared.translation.events);
  return true;
}

export async function processDelivery(db: Db, deliveryId: string): Promise<ProcessOutcome> {
  const delivery = await db.delivery.findUnique({ where: { id: deliveryId } });
  if (!delivery || delivery.status === "processed") return "skipped";
  const prepared = await prepare(db, delivery);
  if (typeof prepared === "string") return prepared;

  for (let round = 1; ; round += 1) {
    try {
      await db.$transaction(async (tx) => {
        if (!(await claimAndApply(tx, prepared))) throw new AlreadyTaken();
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

/**
 * Processes many stored deliveries with one transaction for all of them: the rows each
 * needs again (job, assessment, candidate) are looked up once, which is most of the work.
 * If anything in the batch fails, the batch rolls back whole and each delivery goes through
 * processDelivery on its own, so one bad delivery costs only speed, never correctness.
 */
export async function processDeliveryBatch(db: Db, deliveryIds: string[]): Promise<Record<ProcessOutcome, number>> {
  const counts = emptyCounts();
  const deliveries = await db.delivery.findMany({ where: { id: { in: deliveryIds } } });
  const byId = new Map(deliveries.map((delivery) => [delivery.id, delivery]));
  const ready: Prepared[] = [];
  for (const id of deliveryIds) {
    const delivery = byId.get(id);
    if (!delivery || delivery.status === "processed") {
      counts.skipped += 1;
      continue;
    }
    const prepared = await prepare(db, delivery);
    if (typeof prepared === "string") counts[prepared] += 1;
    else ready.push(prepared);
  }
  if (ready.length === 0) return counts;

  try {
    const applied = await db.$transaction(async (tx) => {
      const memo = createApplyMemo();
      let claimed = 0;
      for (const prepared of ready) if (await claimAndApply(tx, prepared, memo)) claimed += 1;
      return claimed;
    });
    counts.processed += applied;
    counts.skipped += ready.length - applied;
  } catch (error) {
    log.warn(
      { err: error, deliveries: ready.length },
      "batch processing rolled back; processing its deliveries one by one",
    );
    for (const prepared of ready) counts[await processDelivery(db, prepared.id)] += 1;
  }
  return counts;
}

function emptyCounts(): Record<ProcessOutcome, number> {
  return { processed: 0, unrecognised: 0, failed: 0, skipped: 0 };
}

class AlreadyTaken extends Error {}

/** Processes stored deliveries oldest first. Order is for readable timelines: correctness comes from provider timestamps. */
export async function processPendingDeliveries(
  db: Db,
  options: { provider?: string; limit?: number; receivedBefore?: Date } = {},
): Promise<Record<ProcessOutcome, number>> {
  const pending = await db.delivery.findMany({
    where: {
      status: "pending",
      provider: options.provider,
      receivedAt: options.receivedBefore ? { lt: options.receivedBefore } : undefined,
    },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 500,
    select: { id: true },
  });
  const counts = emptyCounts();
  for (let start = 0; start < pending.length; start += BATCH_SIZE) {
    const batch = await processDeliveryBatch(
      db,
      pending.slice(start, start + BATCH_SIZE).map(({ id }) => id),
    );
    for (const outcome of Object.keys(counts) as ProcessOutcome[]) counts[outcome] += batch[outcome];
  }
  return counts;
}

/** Admin replay: failed or unrecognised deliveries go through processing again. */
export async function replayDeliveries(db: Db, deliveryIds: string[]): Promise<Record<ProcessOutcome, number>> {
  await db.delivery.updateMany({
    where: { id: { in: deliveryIds }, status: { in: ["failed", "unrecognised"] } },
    data: { status: "pending" },
  });
  const counts = emptyCounts();
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
    data: {
      status: "failed",
      error: error.slice(0, MAX_ERROR_LENGTH),
      attempts: { increment: 1 },
      processedAt: new Date(),
    },
  });
  return "failed";
}

function describe(error: unknown): string {
  if (error instanceof TranslationError) return `cannot translate: ${error.message}`;
  if (!(error instanceof Error)) return String(error);
  // Prisma puts a frame of our source code before the reason: an admin needs the reason.
  const reason = /invocation in\n/.test(error.message)
    ? (error.message.trim().split("\n").at(-1) ?? error.message)
    : error.message;
  return `${error.name}: ${reason.trim()}`;
}
