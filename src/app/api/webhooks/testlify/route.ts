import { db } from "@/server/db";
import { env } from "@/server/env";
import { handleWebhook } from "@/server/ingestion/webhooks/handle-webhook";
import { testlifyWebhookEndpoint } from "@/server/providers/testlify/webhook-endpoint";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handleWebhook(request, testlifyWebhookEndpoint(env().TESTLIFY_WEBHOOK_SECRET), db());
}
