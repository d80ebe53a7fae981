import { db } from "@/server/db";
import { env } from "@/server/env";
import { handleWebhook } from "@/server/ingestion/webhooks/handle-webhook";
import { engineWebhookEndpoint } from "@/server/providers/assessment-engine/webhook-endpoint";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handleWebhook(request, engineWebhookEndpoint(env().AE_WEBHOOK_SECRET), db());
}
