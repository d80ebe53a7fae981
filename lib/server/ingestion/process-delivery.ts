import "server-only";
// Turns claimed deliveries into internal-model changes. A batch's model writes and its
// deliveries' statuses commit together (one transaction), so a crash leaves them pending
// under a claim that lapses, and whichever instance takes them over applies them exactly
// once. A delivery that cannot be read is settled at once (failed: bad content;
// unrecognised: unknown shape); a passing failure (lock timeout, busy, lost connection) sends
// the batch round again with backoff, a bounded number of times; any other failure is found
// by halving the batch, and only the delivery that causes it is failed, with the reason.
import { randomBytes } from "node:crypto";
import type { Db } from "../db";
import { TranslationError, type Translation } from "../domain/events";
import { isProviderId, type ProviderId } from "../../shared/vocabulary";
import { log } from "../log";
import { adapterFor } from "../providers/registry";
import { applyBatch, type BatchDelivery } from "./apply/apply-batch";
import { batchDriverFor, type BatchDriver } from "./apply/driver";
import { isPassingFailure } from "./apply/passing-errors";
import {
  claimDeliveries,
  deferOrFail,
  markProcessed,
  markSettled,
  renewClaims,
  type ClaimedRow,
  type ProcessedRow,
  type SettledRow,
} from "./apply/tables/deliveries";
import { pollerInstanceId } from "./polling/instance-id";
import { traceApplyBatch } from "../../observability/operations";
import { withoutErasedPeople } from "../privacy/suppression";

export type ProcessOutcome = "processed" | "unrecognised" | "failed" | "skipped";
export type OutcomeCounts = Record<ProcessOutcome, number>;

const MAX_ERROR_LENGTH = 2_000;
/** Deliveries one batch claims at most: a backlog goes in batches this size, a quiet inbox one at a time. */
export const MAX_BATCH = 500;
/** A claim lapses this long after it was taken or last renewed; renewed every third of it while its batch runs. */
export const CLAIM_TTL_MS = 10_000;
/** Tries of a delivery that keeps failing for a passing reason, before it waits for an admin's replay. */
export const MAX_TRIES = 5;
/** Quick rounds inside one claim for a passing failure (a lost creation race, a deadlock) before backing off. */
const QUICK_ROUNDS = 3;

export interface ClaimOptions {
  provider?: string;
  ids?: string[];
  limit?: number;
  now?: () => Date;
  /** PostgreSQL: how long a batch waits for a row another transaction holds before it gives up (and retries later). */
  lockTimeoutMs?: number;
}

export const LOCK_TIMEOUT_MS = 5_000;

/** What translating a delivery needs of its row (a claimed one, or one about to be stored). */
export type Loaded = Omit<ClaimedRow, "status">;

export interface Ready {
  delivery: BatchDelivery & { id: string };
  processed: ProcessedRow;
  /** An admin's "Send test event": proven readable end to end, but never shown as a result. */
  testOnly: boolean;
}

export function emptyCounts(): OutcomeCounts {
  return { processed: 0, unrecognised: 0, failed: 0, skipped: 0 };
}

export function addCounts(total: OutcomeCounts, more: OutcomeCounts) {
  for (const outcome of Object.keys(total) as ProcessOutcome[]) total[outcome] += more[outcome];
}

let batchNumber = 0;
/** A claim names the instance and the batch, so an instance's own batches never hold each other back. */
export function newClaimToken(): string {
  batchNumber += 1;
  return `${instancePrefix()}${batchNumber.toString(36)}-${randomBytes(3).toString("hex")}`;
}

export function instancePrefix(): string {
  return `${pollerInstanceId()}/`;
}

/** Claims up to `limit` claimable deliveries (oldest first) and applies them. */
export async function claimAndApply(
  db: Db,
  options: ClaimOptions & { limit: number },
): Promise<{ claimed: number; counts: OutcomeCounts; outcomes: Map<string, ProcessOutcome> }> {
  const clock = options.now ?? (() => new Date());
  const batchId = newClaimToken();
  const now = clock();
  const driver = batchDriverFor(db);
  // Only PostgreSQL writes claims (tables/deliveries.ts): on SQLite the batch's transaction is the claim.
  const token = driver.run.dialect === "postgresql" ? batchId : null;
  const claimed = await claimDeliveries(driver.run, {
    token: batchId,
    instancePrefix: instancePrefix(),
    limit: options.limit,
    now,
    expiresAt: new Date(now.getTime() + CLAIM_TTL_MS),
    provider: options.provider,
    ids: options.ids,
  });
  const outcomes = new Map<string, ProcessOutcome>();
  if (claimed.length === 0) return { claimed: 0, counts: emptyCounts(), outcomes };
  const ids = claimed.map((row) => row.id);
  // Renewed while the batch runs, so a long batch keeps what it holds; a crash stops the renewal.
  const renewal = token
    ? setInterval(() => {
        const until = new Date(clock().getTime() + CLAIM_TTL_MS);
        renewClaims(driver.run, token, until).catch((error: unknown) =>
          log.warn({ err: error }, "renewing delivery claims failed"),
        );
      }, CLAIM_TTL_MS / 3)
    : undefined;
  renewal?.unref();
  try {
    await traceApplyBatch({ id: batchId, size: ids.length }, () =>
      applyClaimed(
        { db, driver },
        token,
        claimed,
        { clock, lockTimeoutMs: options.lockTimeoutMs ?? LOCK_TIMEOUT_MS },
        outcomes,
      ),
    );
  } finally {
    clearInterval(renewal);
  }
  const counts = emptyCounts();
  for (const id of ids) counts[outcomes.get(id) ?? "skipped"] += 1;
  return { claimed: ids.length, counts, outcomes };
}

interface ApplySettings {
  clock: () => Date;
  lockTimeoutMs: number;
}

/** The Prisma client (for the odd rare read) and the driver the batch's statements run on. */
interface Clients {
  db: Db;
  driver: BatchDriver;
}

async function applyClaimed(
  clients: Clients,
  token: string | null,
  rows: ClaimedRow[],
  settings: ApplySettings,
  outcomes: Map<string, ProcessOutcome>,
): Promise<void> {
  const { clock } = settings;
  const settled: SettledRow[] = [];
  const ready: Ready[] = [];
  for (const row of rows) {
    if (row.status !== "pending") continue;
    const prepared = prepareDelivery(row);
    if ("status" in prepared) settled.push(prepared);
    else ready.push(prepared);
  }
  if (settled.length > 0) {
    await markSettled(clients.driver.run, token, settled, clock());
    for (const row of settled) {
      outcomes.set(row.id, row.status);
      logSettled(row);
    }
  }
  await applyReady(clients, token, ready, settings, outcomes);
}

/** A delivery that could not be applied, in the log with its reason. */
export function logSettled(row: SettledRow): void {
  if (row.status === "failed") log.error({ deliveryId: row.id, error: row.error }, "delivery failed to process");
  else log.warn({ deliveryId: row.id, eventType: row.eventType, reason: row.error }, "delivery not recognised");
}

/**
 * Parse and translate; answers the delivery's settled row when it cannot be applied. `parsed`:
 * the body as already parsed from the text in `row.body` (a polled event), so it is not parsed twice.
 */
export function prepareDelivery(row: Loaded, parsed?: { body: unknown }): Ready | SettledRow {
  const fail = (error: string): SettledRow => ({
    id: row.id,
    status: "failed",
    eventType: row.eventType,
    error: error.slice(0, MAX_ERROR_LENGTH),
  });
  if (!isProviderId(row.provider)) return fail(`unknown provider "${row.provider}"`);
  let body: unknown;
  try {
    body = parsed ? parsed.body : JSON.parse(row.body);
  } catch {
    return fail("body is not JSON");
  }
  let translation: Translation;
  try {
    translation = adapterFor(row.provider).translate({ body, eventType: row.eventType, receivedAt: row.receivedAt });
  } catch (error) {
    return fail(describe(error));
  }
  if (!translation.recognised) {
    return {
      id: row.id,
      status: "unrecognised",
      eventType: translation.eventType ?? row.eventType,
      error: translation.reason.slice(0, MAX_ERROR_LENGTH),
    };
  }
  const newestEventAt = translation.events.reduce<Date | null>(
    (newest, event) => (!newest || event.occurredAt > newest ? event.occurredAt : newest),
    null,
  );
  return {
    delivery: {
      id: row.id,
      provider: row.provider as ProviderId,
      receivedAt: row.receivedAt,
      events: translation.events,
    },
    processed: {
      id: row.id,
      eventType: translation.eventType,
      candidateEmail: translation.candidateEmail?.toLowerCase() ?? row.candidateEmail,
      providerTimestamp: newestEventAt ?? row.providerTimestamp,
    },
    testOnly: row.source === "test",
  };
}

async function applyReady(
  clients: Clients,
  token: string | null,
  ready: Ready[],
  settings: ApplySettings,
  outcomes: Map<string, ProcessOutcome>,
): Promise<void> {
  if (ready.length === 0) return;
  const { clock } = settings;
  let lastError: unknown;
  for (let round = 1; round <= QUICK_ROUNDS; round += 1) {
    try {
      const applied = await clients.driver.transaction(
        async (run) => {
          const now = clock();
          const confirmed = await markProcessed(
            run,
            token,
            ready.map((item) => item.processed),
            now,
          );
          const toApply = ready.filter((item) => confirmed.has(item.delivery.id) && !item.testOnly);
          await applyBatch(
            run,
            await withoutErasedPeople(
              run,
              toApply.map((item) => item.delivery),
            ),
            now,
          );
          return confirmed;
        },
        { lockTimeoutMs: settings.lockTimeoutMs },
      );
      for (const item of ready) outcomes.set(item.delivery.id, applied.has(item.delivery.id) ? "processed" : "skipped");
      return;
    } catch (error) {
      lastError = error;
      if (!isPassingFailure(error)) break;
      await new Promise((resolve) => setTimeout(resolve, 20 * 4 ** (round - 1)));
    }
  }

  if (isPassingFailure(lastError)) {
    const failedCount = await deferOrFail(
      clients.driver.run,
      token,
      ready.map((item) => item.delivery.id),
      {
        now: clock(),
        retryAt: new Date(clock().getTime() + 500),
        maxTries: MAX_TRIES,
        reason: describe(lastError),
      },
    );
    log.warn(
      { err: lastError, deliveries: ready.length, failed: failedCount },
      "applying a batch failed for a passing reason; it will be tried again",
    );
    for (const item of ready) outcomes.set(item.delivery.id, "skipped");
    if (failedCount > 0) {
      const failed = await clients.db.delivery.findMany({
        where: { id: { in: ready.map((item) => item.delivery.id) }, status: "failed" },
        select: { id: true },
      });
      for (const { id } of failed) outcomes.set(id, "failed");
    }
    return;
  }
  if (ready.length === 1) {
    const [only] = ready;
    const error = describe(lastError);
    log.error({ deliveryId: only!.delivery.id, error }, "delivery failed to process");
    await markSettled(
      clients.driver.run,
      token,
      [
        {
          id: only!.delivery.id,
          status: "failed",
          eventType: only!.processed.eventType,
          error: error.slice(0, MAX_ERROR_LENGTH),
        },
      ],
      clock(),
    );
    outcomes.set(only!.delivery.id, "failed");
    return;
  }
  // Some delivery in the batch cannot be applied: halve until it is found, the rest apply.
  const middle = Math.ceil(ready.length / 2);
  await applyReady(clients, token, ready.slice(0, middle), settings, outcomes);
  await applyReady(clients, token, ready.slice(middle), settings, outcomes);
}

export async function processDelivery(db: Db, deliveryId: string): Promise<ProcessOutcome> {
  const { outcomes } = await claimAndApply(db, { ids: [deliveryId], limit: 1 });
  return outcomes.get(deliveryId) ?? "skipped";
}

/** Applies the given stored deliveries, in as few batches as their number allows. */
export async function processDeliveryBatch(db: Db, deliveryIds: string[]): Promise<OutcomeCounts> {
  const counts = emptyCounts();
  for (let start = 0; start < deliveryIds.length; start += MAX_BATCH) {
    const ids = deliveryIds.slice(start, start + MAX_BATCH);
    const batch = await claimAndApply(db, { ids, limit: ids.length });
    addCounts(counts, batch.counts);
    counts.skipped += ids.length - batch.claimed;
  }
  return counts;
}

/** Applies claimable deliveries oldest first, batch after batch, up to `limit`. Order is for readable timelines: correctness comes from provider timestamps. */
export async function processPendingDeliveries(
  db: Db,
  options: Omit<ClaimOptions, "ids"> & { batchSize?: number } = {},
): Promise<OutcomeCounts> {
  const counts = emptyCounts();
  let budget = options.limit ?? Number.POSITIVE_INFINITY;
  const applyWhileClaimable = async () => {
    while (budget > 0) {
      const limit = Math.min(options.batchSize ?? MAX_BATCH, budget);
      budget -= limit;
      const batch = await claimAndApply(db, { ...options, limit });
      budget += limit - batch.claimed;
      if (batch.claimed === 0) break;
      addCounts(counts, batch.counts);
    }
  };
  const inFlight = Array.from({ length: batchDriverFor(db).batchesInFlight }, applyWhileClaimable);
  await Promise.all(inFlight);
  return counts;
}

/** Admin replay: failed or unrecognised deliveries go through processing again. */
export async function replayDeliveries(db: Db, deliveryIds: string[]): Promise<OutcomeCounts> {
  await db.delivery.updateMany({
    where: { id: { in: deliveryIds }, status: { in: ["failed", "unrecognised"] } },
    data: { status: "pending", claimedBy: null, claimExpiresAt: null, retryAt: null },
  });
  return processDeliveryBatch(db, deliveryIds);
}

function describe(error: unknown): string {
  if (error instanceof TranslationError) return `cannot translate: ${error.message}`;
  if (!(error instanceof Error)) return String(error);
  // Prisma puts a frame of our source code before the reason: an admin needs the reason.
  const reason = /invocation/.test(error.message)
    ? (error.message.trim().split("\n").at(-1) ?? error.message)
    : error.message;
  // The drivers' own errors carry the database's code (SQLITE_CONSTRAINT_TRIGGER, a SQLSTATE); pg names its errors "error".
  const code = (error as { code?: unknown }).code;
  const name = error.name === "error" ? "DatabaseError" : error.name;
  return `${name}${typeof code === "string" ? ` (${code})` : ""}: ${reason.trim()}`;
}
