"use server";
// Admin-only: each action checks the caller's role on the server before anything else.
import { requireAdminPrincipal } from "@/lib/server/auth/request-auth";
import { env } from "@/lib/server/env";
import { videoClientFor, videoWebhookUrl } from "@/lib/server/providers/video/configuration";
import { VideoProviderError } from "@/lib/server/providers/video/errors";

export type ConnectionCheckResult =
  | { ok: true; accountName: string; providerWebhookUrl: string | null; expectedWebhookUrl: string }
  | { ok: false; error: string };

const NOT_ALLOWED = { ok: false, error: "Only an admin can do this. Sign in as an admin." } as const;

export async function checkVideoConnectionAction(): Promise<ConnectionCheckResult> {
  if (!(await requireAdminPrincipal())) return NOT_ALLOWED;
  const settings = env();
  try {
    const account = await videoClientFor(settings).getAccount();
    return {
      ok: true,
      accountName: account.name,
      providerWebhookUrl: account.webhookEndpoint?.url ?? null,
      expectedWebhookUrl: videoWebhookUrl(settings),
    };
  } catch (error) {
    if (error instanceof VideoProviderError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Tells the provider to send its webhooks to this app's endpoint. */
export async function sendWebhooksHereAction(): Promise<ConnectionCheckResult> {
  if (!(await requireAdminPrincipal())) return NOT_ALLOWED;
  try {
    await videoClientFor(env()).setWebhookUrl(videoWebhookUrl(env()));
  } catch (error) {
    if (error instanceof VideoProviderError) return { ok: false, error: error.message };
    throw error;
  }
  return checkVideoConnectionAction();
}
