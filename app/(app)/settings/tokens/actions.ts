"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formInput } from "@/lib/server/actions/form-input";
import { adminActionClient } from "@/lib/server/actions/safe-action";
import { recordAudit, userActor } from "@/lib/server/audit/record-audit";
import { createApiToken, newApiTokenSchema, revokeApiToken } from "@/lib/server/auth/api-tokens";
import { db } from "@/lib/server/db";

export const createApiTokenAction = adminActionClient
  .metadata({ actionName: "createApiToken" })
  .inputSchema(formInput(newApiTokenSchema))
  .stateAction(async ({ parsedInput, ctx: { user } }) => {
    const { id, token } = await createApiToken(db(), parsedInput, user.id, new Date());
    await recordAudit(db(), {
      actor: userActor(user),
      action: "token.created",
      target: { type: "token", id },
      details: { scope: parsedInput.scope },
    });
    refresh();
    return {
      message: `Created "${parsedInput.name}". Copy the token now: it is not shown again.`,
      token,
    };
  });

export const revokeApiTokenAction = adminActionClient
  .metadata({ actionName: "revokeApiToken" })
  .inputSchema(z.object({ tokenId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput: { tokenId }, ctx: { user } }) => {
    const revoked = await revokeApiToken(db(), tokenId, new Date());
    if (revoked)
      await recordAudit(db(), {
        actor: userActor(user),
        action: "token.revoked",
        target: { type: "token", id: tokenId },
      });
    refresh();
    return { message: revoked ? "Revoked: the token stops working at once." : "That token was already revoked." };
  });
