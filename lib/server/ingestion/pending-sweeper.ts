import "server-only";
// A pushed delivery is answered once stored and processed just after (after()). If the
// process stops in between, the delivery stays pending in the inbox: this sweep picks such
// deliveries up. Processing claims each delivery first, so a sweep racing the after-answer
// task, or another instance's sweep, applies nothing twice.
import type { Db } from "../db";
import { log } from "../log";
import { processPendingDeliveries } from "./process-delivery";

const SWEEP_EVERY_MS = 60_000;
/** Long enough that a delivery still being processed after its answer is left alone. */
const PENDING_FOR_MS = 2 * 60_000;

const BATCH = 200;

/** Processes, in batches, every delivery pending for longer than a processing normally takes. */
export async function sweepPendingDeliveries(db: Db, now = new Date()) {
  const total = { processed: 0, unrecognised: 0, failed: 0, skipped: 0 };
  for (;;) {
    const counts = await processPendingDeliveries(db, {
      receivedBefore: new Date(now.getTime() - PENDING_FOR_MS),
      limit: BATCH,
    });
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += counts[key];
    const handled = counts.processed + counts.failed + counts.unrecognised + counts.skipped;
    if (handled < BATCH) break;
  }
  if (total.processed + total.failed + total.unrecognised > 0) {
    log.warn({ ...total }, "processed deliveries left pending (the process stopped, or a burst outran the queue)");
  }
  return total;
}

/** Sweeps now and then every minute; returns a stop function. */
export function startPendingSweeper(db: Db): () => void {
  const sweep = () =>
    void sweepPendingDeliveries(db).catch((error: unknown) =>
      log.error({ err: error }, "sweeping pending deliveries failed"),
    );
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
