// The video interview provider's webhooks (docs/video-provider-api.md § Webhooks).
import { db } from "@/server/db";
import { env } from "@/server/env";
import { handleWebhook } from "@/server/ingestion/webhooks/handle-webhook";
import { videoWebhookEndpoint } from "@/server/providers/video/webhook-endpoint";

export async function POST(request: Request): Promise<Response> {
  return handleWebhook(request, videoWebhookEndpoint(env().VIDEO_WEBHOOK_SECRET), db());
}
