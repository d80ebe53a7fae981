import "server-only";
// Replay from the event log: failed or unrecognised deliveries go through processing again
// (after an adapter fix, say), and the admin sees what became of each one.
import { z } from "zod";
import type { ReplayOutcome } from "../../shared/replay-outcome";
import type { Db } from "../db";
import { replayDeliveries } from "../ingestion/process-delivery";
import { log } from "../log";

export const MAX_REPLAY = 100;

export const replaySelectionSchema = z
  .array(z.string().trim().min(1).max(40))
  .min(1, { message: "Select at least one delivery to replay." })
  .max(MAX_REPLAY, { message: `Replay at most ${MAX_REPLAY} deliveries at a time.` })
  .transform((ids) => [...new Set(ids)]);

export interface ReplayResult {
  replayed: number;
  outcomes: ReplayOutcome[];
  /** Selected deliveries that were not failed or unrecognised (already processed, say). */
  notReplayable: number;
}

export async function replaySelected(db: Db, ids: string[], replayedBy: string): Promise<ReplayResult> {
  const replayable = await db.delivery.findMany({
    where: { id: { in: ids }, status: { in: ["failed", "unrecognised"] } },
    select: { id: true },
  });
  const replayIds = replayable.map((row) => row.id);
  if (replayIds.length > 0) {
    const counts = await replayDeliveries(db, replayIds);
    log.info({ replayedBy, deliveries: replayIds.length, ...counts }, "admin replayed deliveries");
  }
  const outcomes = await db.delivery.findMany({
    where: { id: { in: replayIds } },
    select: { id: true, provider: true, eventType: true, status: true, error: true },
    orderBy: { receivedAt: "asc" },
  });
  return { replayed: replayIds.length, outcomes, notReplayable: ids.length - replayIds.length };
}
