// The video interview provider's webhooks (docs/video-provider-api.md § Webhooks).
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { handleWebhook } from "@/lib/server/ingestion/webhooks/handle-webhook";
import { videoWebhookEndpoint } from "@/lib/server/providers/video/webhook-endpoint";

export async function POST(request: Request): Promise<Response> {
  return handleWebhook(request, videoWebhookEndpoint(env().VIDEO_WEBHOOK_SECRET), db());
}
