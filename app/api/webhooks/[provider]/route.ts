// Every push provider's endpoint (docs/contract.md §4); lib/server/providers/registry.ts lists them.
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { receiveWebhook } from "@/lib/server/ingestion/webhooks/receive-webhook";

export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }): Promise<Response> {
  const { provider } = await params;
  return receiveWebhook(request, provider, env(), db());
}
