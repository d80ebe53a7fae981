"use server";

import { refresh } from "next/cache";
import { formInput } from "@/lib/server/actions/form-input";
import { userActionClient } from "@/lib/server/actions/safe-action";
import { recordAudit, userActor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db";
import { changeOwnPassword, passwordChangeSchema } from "@/lib/server/users/passwords";

export const changePasswordAction = userActionClient
  .metadata({ actionName: "changeOwnPassword", whilePasswordChangeIsDue: true })
  .inputSchema(formInput(passwordChangeSchema))
  .stateAction(async ({ parsedInput, ctx: { user } }) => {
    await changeOwnPassword(db(), user.id, user.sessionId, parsedInput, new Date());
    await recordAudit(db(), {
      actor: userActor(user),
      action: "user.password_changed",
      target: { type: "user", id: user.id },
    });
    refresh();
    return { message: "Password changed. Your other sessions were signed out." };
  });
