"use server";

import { refresh } from "next/cache";
import { formInput } from "@/lib/server/actions/form-input";
import { adminActionClient } from "@/lib/server/actions/safe-action";
import { recordAudit, userActor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { UserFacingError } from "@/lib/server/errors";
import { backfillWindowSchema, requestSync } from "@/lib/server/providers/smartai/poller/request-sync";

export const syncNowAction = adminActionClient
  .metadata({ actionName: "syncSmartAiNow" })
  .stateAction(async () => queued(await requestSync(db(), env(), { trigger: "manual" })));

export const backfillAction = adminActionClient
  .metadata({ actionName: "backfillSmartAi" })
  .inputSchema(formInput(backfillWindowSchema))
  .stateAction(async ({ parsedInput: window, ctx: { user } }) => {
    const result = await requestSync(db(), env(), { trigger: "backfill", ...window });
    if (result.ok)
      await recordAudit(db(), {
        actor: userActor(user),
        action: "backfill.requested",
        target: { type: "provider", id: "smartai" },
        details: auditWindow(window),
      });
    return queued(result);
  });

/** The window as text: audit details hold plain values. */
function auditWindow(window: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(window).map(([key, value]) => [
      key,
      value instanceof Date ? value.toISOString() : String(value ?? ""),
    ]),
  );
}

/** The page refreshes whatever the answer: a refused request still shows the poller's latest state. */
function queued(result: { ok: boolean; message: string }) {
  refresh();
  if (!result.ok) throw new UserFacingError(result.message);
  return { message: result.message };
}
