import "server-only";
// A batch is applied in the transaction that stores it: a polled batch, or a group of webhook
// deliveries that arrived together (storeAndApplyOne). The caller holds the deliveries in hand,
// parsed: storing them pending and then claiming them back (reading every body, parsing it
// again, rewriting every row to processed, a second commit) cost more than the apply itself while
// a SmartAI backlog drained. So each delivery is translated first and inserted with the status
// it ends in; those the insert found new are applied by the same set-based apply as the
// applier's batches (apply/apply-batch.ts), and everything commits together, durably, before the
// caller acknowledges or answers. A delivery stored here was never visible pending, so no one else can
// apply it too; a duplicate is not applied again (the insert does not return it).
// If the apply fails for any reason, the transaction is rolled back and the batch is stored
// alone, pending: the applier then takes it as it takes any other (retries, halving to the
// delivery at fault). Storing never depends on applying.
import type { Db } from "../db";
import { log } from "../log";
import type { ProviderId } from "../../shared/vocabulary";
import { traceApplyBatch } from "../../observability/operations";
import { withoutErasedPeople } from "../privacy/suppression";
import { applyBatch } from "./apply/apply-batch";
import { batchDriverFor } from "./apply/driver";
import type { SqlRunner } from "./apply/runner";
import { storeDeliveries, type IncomingDelivery, type StoredBatch } from "./inbox";
import { storeQueueFor } from "./store-queue";
import { firstOfEachId, insertDeliveryRows, pendingRow, storedBatch, type DeliveryRow } from "./inbox-rows";
import {
  emptyCounts,
  LOCK_TIMEOUT_MS,
  logSettled,
  newClaimToken,
  prepareDelivery,
  type OutcomeCounts,
  type Ready,
} from "./process-delivery";

export interface ParsedDelivery extends IncomingDelivery {
  /** The body as parsed from `body` (JSON.parse(body) would give the same), so it is not parsed again. */
  parsedBody: unknown;
}

export interface StoredAndApplied extends StoredBatch {
  /** Each delivery this call stored, with its status: pending when it was left to the applier. */
  created: StoredDelivery[];
  /**
   * What became of the deliveries this call stored. `skipped` counts those left pending for the
   * applier, when the batch could not be applied together with its store.
   */
  counts: OutcomeCounts;
}

export interface StoredDelivery {
  id: string;
  externalId: string;
  status: DeliveryRow["status"];
  /** Why it failed or was not recognised. */
  error: string | null;
}

/**
 * One pushed delivery (a webhook's), stored and applied together with those arriving meanwhile:
 * one transaction and one durable commit for the group (store-queue.ts), and no second pass by
 * the applier to read each body back, translate it again and mark it processed.
 */
export async function storeAndApplyOne(
  db: Db,
  provider: ProviderId,
  delivery: ParsedDelivery,
): Promise<StoredDelivery | null> {
  const stored = await storeQueueFor(db, "store-and-apply", storeAndApply).store(provider, delivery);
  return stored.created[0] ?? null;
}

/** Stores the batch and applies what was new in it, in one durable commit; resolves after it. */
export async function storeAndApply(
  db: Db,
  provider: ProviderId,
  deliveries: ParsedDelivery[],
  options: { now?: () => Date } = {},
): Promise<StoredAndApplied> {
  const receivedAt = options.now?.() ?? new Date();
  const rows: DeliveryRow[] = [];
  const ready = new Map<string, Ready>();
  for (const delivery of firstOfEachId(deliveries)) {
    const row = pendingRow(delivery);
    const prepared = prepareDelivery(
      { ...row, provider, source: delivery.source, body: delivery.body, receivedAt },
      {
        body: delivery.parsedBody,
      },
    );
    if ("status" in prepared) {
      rows.push({ ...row, status: prepared.status, eventType: prepared.eventType, error: prepared.error });
      continue;
    }
    rows.push({ ...row, ...prepared.processed, status: "processed" });
    ready.set(row.id, prepared);
  }

  let applying = false;
  let inserted: { id: string; externalId: string }[];
  try {
    inserted = await traceApplyBatch({ id: newClaimToken(), size: rows.length }, () =>
      batchDriverFor(db).transaction(
        async (transaction) => {
          const run = lettingOthersIn(transaction);
          const stored = await insertDeliveryRows(run, provider, rows, receivedAt);
          applying = true;
          const toApply = stored.flatMap(({ id }) => {
            const item = ready.get(id);
            return item && !item.testOnly ? [item.delivery] : [];
          });
          await applyBatch(run, await withoutErasedPeople(run, toApply), receivedAt);
          return stored;
        },
        { lockTimeoutMs: LOCK_TIMEOUT_MS, durable: true },
      ),
    );
  } catch (error) {
    // A failure to store is the caller's to report; a failure to apply must not stop the store.
    if (!applying) throw error;
    log.warn(
      { err: error, deliveries: rows.length },
      "a batch could not be applied as it was stored: stored pending, for the applier",
    );
    const stored = await storeDeliveries(db, provider, deliveries);
    const created = stored.created.map((row) => ({ ...row, status: "pending" as const, error: null }));
    return { ...stored, created, counts: { ...emptyCounts(), skipped: created.length } };
  }

  const counts = emptyCounts();
  const statusOf = new Map(rows.map((row) => [row.id, row]));
  for (const { id } of inserted) {
    const row = statusOf.get(id)!;
    if (row.status === "processed") counts.processed += 1;
    else if (row.status !== "pending") {
      counts[row.status] += 1;
      logSettled({ id, status: row.status, eventType: row.eventType, error: row.error ?? "" });
    }
  }
  const stored = storedBatch(deliveries, inserted);
  const created = stored.created.map((row) => {
    const { status, error } = statusOf.get(row.id)!;
    return { ...row, status, error };
  });
  return { ...stored, created, counts };
}

/**
 * SQLite's statements run synchronously, so a batch's transaction would hold the event loop from
 * BEGIN to COMMIT. Between its statements, what is waiting runs: above all the poller's next
 * pages arriving (so the following batch is fetched while this one is written), and webhook
 * requests, which join the next group. The transaction's
 * turn (lib/db/sqlite-turns.ts) still keeps every other statement of this process out until COMMIT.
 */
function lettingOthersIn(run: SqlRunner): SqlRunner {
  if (run.dialect !== "sqlite") return run;
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    dialect: run.dialect,
    query: async (text, params) => {
      await pause();
      return run.query(text, params);
    },
    execute: async (text, params) => {
      await pause();
      return run.execute(text, params);
    },
  };
}
