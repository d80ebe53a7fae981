import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { handleWebhook } from "@/lib/server/ingestion/webhooks/handle-webhook";
import { engineWebhookEndpoint } from "@/lib/server/providers/assessment-engine/webhook-endpoint";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handleWebhook(request, engineWebhookEndpoint(env().AE_WEBHOOK_SECRET), db());
}
