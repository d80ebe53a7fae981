import "server-only";
import type { WebhookEndpoint } from "../../ingestion/webhooks/handle-webhook";
import { testlifyEventType } from "./event-type";

export const TESTLIFY_WEBHOOK_PATH = "/api/webhooks/testlify";

/** Testlify's push endpoint. Its settings only take a URL, so it usually authenticates with ?token=. */
export function testlifyWebhookEndpoint(secret: string | undefined): WebhookEndpoint {
  return {
    provider: "testlify",
    secretSetting: "TESTLIFY_WEBHOOK_SECRET",
    secret,
    eventTypeOf: (body) => testlifyEventType(body),
  };
}
