"use server";

import { z } from "zod";
import { formInput } from "@/lib/server/actions/form-input";
import { adminActionClient } from "@/lib/server/actions/safe-action";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { UserFacingError } from "@/lib/server/errors";
import { log } from "@/lib/server/log";
import { pushEndpointFor } from "@/lib/server/providers/registry";
import { sendTestEvent } from "@/lib/server/webhooks-admin/send-test-event";

export const sendTestEventAction = adminActionClient
  .metadata({ actionName: "sendTestEvent" })
  .inputSchema(formInput(z.object({ provider: z.string().trim().min(1).max(40) })))
  .stateAction(async ({ parsedInput, ctx: { user } }) => {
    const endpoint = pushEndpointFor(parsedInput.provider);
    if (!endpoint) throw new UserFacingError("Unknown provider.");
    const result = await sendTestEvent(db(), env(), endpoint);
    log.info(
      {
        by: user.id,
        provider: endpoint.provider,
        httpStatus: result.httpStatus,
        deliveryStatus: result.deliveryStatus,
      },
      "admin sent a test event",
    );
    return result;
  });
