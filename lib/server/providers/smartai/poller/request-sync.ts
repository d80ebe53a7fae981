import "server-only";
// "Sync now" and backfills, from any instance: queued as a sync run that the lease holder
// picks up (at once when it is this instance). Refused, with the reason, when nobody polls.
import { z } from "zod";
import type { Settings } from "../../../../config/settings";
import type { Db } from "../../../db";
import { localSmartAiPoller } from "./local-poller";
import { pollerOffReason } from "./start";
import { queueRun, type SyncRunRow } from "../../../ingestion/polling/sync-runs";

export type SyncRequestResult = { ok: true; run: SyncRunRow; message: string } | { ok: false; message: string };

/** datetime-local values, read as UTC like every time on the page. */
const utcDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { message: "Enter a date and time" })
  .transform((value) => new Date(`${value.length === 16 ? `${value}:00` : value}Z`))
  .refine((date) => !Number.isNaN(date.getTime()), { message: "Enter a valid date and time" });

export const backfillWindowSchema = z
  .object({
    since: utcDateTime,
    until: z.union([z.literal("").transform(() => null), utcDateTime]).nullish(),
  })
  .refine((window) => !window.until || window.until > window.since, {
    message: "“Until” must be after “Since”",
  });

export async function requestSync(
  db: Db,
  settings: Settings,
  request: { trigger: "manual" } | { trigger: "backfill"; since: Date; until?: Date | null },
  now = new Date(),
): Promise<SyncRequestResult> {
  const problem = pollerOffReason(settings);
  const local = localSmartAiPoller();
  const lease = await db.pollerLease.findUnique({ where: { provider: "smartai" } });
  const someonePolls = Boolean(local?.poller) || (lease !== null && lease.expiresAt > now);
  if (!someonePolls) {
    return {
      ok: false,
      message: `No instance is polling SmartAI, so nothing would run this. This instance: ${problem ?? "starting up"}.`,
    };
  }
  if (request.trigger === "backfill" && request.since > now) {
    return { ok: false, message: "“Since” is in the future: there is nothing to backfill yet." };
  }
  const run = await queueRun(db, {
    provider: "smartai",
    trigger: request.trigger,
    requestedBy: local?.instanceId ?? "unknown",
    now,
    ...(request.trigger === "backfill" ? { since: request.since, until: request.until ?? null } : {}),
  });
  local?.poller?.wake();
  const who =
    local?.poller && lease?.holderId === local.instanceId ? "this instance" : "the instance holding the lease";
  return {
    ok: true,
    run,
    message:
      request.trigger === "manual"
        ? `Sync requested: ${who} runs it within a few seconds.`
        : `Backfill queued: ${who} runs it next.`,
  };
}
