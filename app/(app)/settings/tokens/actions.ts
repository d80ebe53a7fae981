"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formInput } from "@/lib/server/actions/form-input";
import { adminActionClient } from "@/lib/server/actions/safe-action";
import { createApiToken, newApiTokenSchema, revokeApiToken } from "@/lib/server/auth/api-tokens";
import { db } from "@/lib/server/db";

export const createApiTokenAction = adminActionClient
  .metadata({ actionName: "createApiToken" })
  .inputSchema(formInput(newApiTokenSchema))
  .stateAction(async ({ parsedInput, ctx: { user } }) => {
    const { token } = await createApiToken(db(), parsedInput, user.id, new Date());
    refresh();
    return {
      message: `Created "${parsedInput.name}". Copy the token now: it is not shown again.`,
      token,
    };
  });

export const revokeApiTokenAction = adminActionClient
  .metadata({ actionName: "revokeApiToken" })
  .inputSchema(z.object({ tokenId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput: { tokenId } }) => {
    const revoked = await revokeApiToken(db(), tokenId, new Date());
    refresh();
    return { message: revoked ? "Revoked: the token stops working at once." : "That token was already revoked." };
  });
