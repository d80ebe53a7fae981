import "server-only";
import type { WebhookEndpoint } from "../../ingestion/webhooks/handle-webhook";
import { engineEventTypeOf } from "./event-type";

export const ENGINE_WEBHOOK_PATH = "/api/webhooks/assessment-engine";

/** The assessment engine's push endpoint: Standard Webhooks signatures. */
export function engineWebhookEndpoint(secret: string | undefined): WebhookEndpoint {
  return {
    provider: "assessment-engine",
    secretSetting: "AE_WEBHOOK_SECRET",
    secret,
    eventTypeOf: engineEventTypeOf,
  };
}
