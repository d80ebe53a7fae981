"use server";
// Any signed-in user may share a result or revoke a link; the session is checked here, on
// the server, for every call.
import { refresh } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import {
  createShareLink,
  revokeShareLink,
  ShareLinkError,
  shareLinkOptionsSchema,
  shareUrl,
} from "@/lib/server/share/share-links";
import type { CreateShareLinkResult, RevokeShareLinkResult } from "./share-results";

const SIGNED_OUT = "Your session has ended. Sign in again, then try once more.";

export async function createShareLinkAction(input: unknown): Promise<CreateShareLinkResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: SIGNED_OUT };
  const options = shareLinkOptionsSchema.safeParse(input);
  if (!options.success) return { ok: false, error: options.error.issues[0]?.message ?? "Check the link's options." };
  try {
    const link = await createShareLink(db(), user.id, options.data);
    refresh();
    return { ok: true, url: shareUrl(env().APP_URL, link.token), expiresAt: link.expiresAt.toISOString() };
  } catch (error) {
    if (error instanceof ShareLinkError) return { ok: false, error: error.message };
    throw error;
  }
}

const linkIdSchema = z.string().trim().min(1).max(64);

export async function revokeShareLinkAction(linkId: unknown): Promise<RevokeShareLinkResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: SIGNED_OUT };
  const id = linkIdSchema.safeParse(linkId);
  if (!id.success) return { ok: false, error: "That is not a share link." };
  const revoked = await revokeShareLink(db(), id.data);
  if (!revoked) return { ok: false, error: "That link no longer exists." };
  refresh();
  return { ok: true };
}
