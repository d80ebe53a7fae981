"use server";
// Any signed-in user may share a result or revoke a link.
import { refresh } from "next/cache";
import { z } from "zod";
import { userActionClient } from "@/lib/server/actions/safe-action";
import { recordAudit, userActor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { UserFacingError } from "@/lib/server/errors";
import { createShareLink, revokeShareLink, shareLinkOptionsSchema, shareUrl } from "@/lib/server/share/share-links";

/** The link itself is answered once, right after it is made; only its hash is kept. */
export const createShareLinkAction = userActionClient
  .metadata({ actionName: "createShareLink" })
  .inputSchema(shareLinkOptionsSchema)
  .action(async ({ parsedInput: options, ctx: { user } }) => {
    const link = await createShareLink(db(), user.id, options);
    await recordAudit(db(), {
      actor: userActor(user),
      action: "share_link.created",
      target: { type: "share_link", id: link.id },
    });
    refresh();
    return { url: shareUrl(env().APP_URL, link.token), expiresAt: link.expiresAt.toISOString() };
  });

export const revokeShareLinkAction = userActionClient
  .metadata({ actionName: "revokeShareLink" })
  .inputSchema(z.object({ linkId: z.string().trim().min(1).max(64) }))
  .action(async ({ parsedInput: { linkId }, ctx: { user } }) => {
    if (!(await revokeShareLink(db(), linkId))) throw new UserFacingError("That link no longer exists.");
    await recordAudit(db(), {
      actor: userActor(user),
      action: "share_link.revoked",
      target: { type: "share_link", id: linkId },
    });
    refresh();
  });
