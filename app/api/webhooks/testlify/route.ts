import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { handleWebhook } from "@/lib/server/ingestion/webhooks/handle-webhook";
import { testlifyWebhookEndpoint } from "@/lib/server/providers/testlify/webhook-endpoint";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handleWebhook(request, testlifyWebhookEndpoint(env().TESTLIFY_WEBHOOK_SECRET), db());
}
