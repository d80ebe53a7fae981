"use server";

import { refresh } from "next/cache";
import { formInput } from "@/lib/server/actions/form-input";
import { adminActionClient } from "@/lib/server/actions/safe-action";
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
  .stateAction(async ({ parsedInput: window }) =>
    queued(await requestSync(db(), env(), { trigger: "backfill", ...window })),
  );

/** The page refreshes whatever the answer: a refused request still shows the poller's latest state. */
function queued(result: { ok: boolean; message: string }) {
  refresh();
  if (!result.ok) throw new UserFacingError(result.message);
  return { message: result.message };
}
