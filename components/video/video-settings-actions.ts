"use server";

import { adminActionClient } from "@/lib/server/actions/safe-action";
import { env } from "@/lib/server/env";
import { videoClientFor, videoWebhookUrl } from "@/lib/server/providers/video/configuration";

export const checkVideoConnectionAction = adminActionClient
  .metadata({ actionName: "checkVideoConnection" })
  .action(async () => connectionStatus());

/** Tells the provider to send its webhooks to this app's endpoint, then checks again. */
export const sendWebhooksHereAction = adminActionClient
  .metadata({ actionName: "sendVideoWebhooksHere" })
  .action(async () => {
    await videoClientFor(env()).setWebhookUrl(videoWebhookUrl(env()));
    return connectionStatus();
  });

/** Calls the provider with the configured key and compares its webhook URL with this app's. */
async function connectionStatus() {
  const settings = env();
  const account = await videoClientFor(settings).getAccount();
  return {
    accountName: account.name,
    providerWebhookUrl: account.webhookEndpoint?.url ?? null,
    expectedWebhookUrl: videoWebhookUrl(settings),
  };
}
