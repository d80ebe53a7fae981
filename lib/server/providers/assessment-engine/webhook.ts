import "server-only";
import { webhookPath, type PushEndpoint } from "../descriptor";
import { engineEventTypeOf } from "./event-type";
import { engineSampleDelivery } from "./sample-delivery";

/** POST /api/webhooks/assessment-engine: Standard Webhooks signatures only. */
export const engineWebhook: PushEndpoint = {
  provider: "assessment-engine",
  path: webhookPath("assessment-engine"),
  secretSetting: "AE_WEBHOOK_SECRET",
  urlToken: "refused",
  authentication:
    "Signed Standard Webhooks style (webhook-id, webhook-timestamp, webhook-signature) with the secret; timestamps more than 5 minutes off are refused.",
  headerNames: "webhook",
  eventTypeOf: engineEventTypeOf,
  sample: engineSampleDelivery,
};
