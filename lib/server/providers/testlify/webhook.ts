import "server-only";
import { webhookPath, type PushEndpoint } from "../descriptor";
import { testlifyEventType } from "./event-type";
import { testlifySampleDelivery } from "./sample-delivery";

/** POST /api/webhooks/testlify. Testlify's settings take only a URL, so it usually authenticates with ?token=. */
export const testlifyWebhook: PushEndpoint = {
  provider: "testlify",
  path: webhookPath("testlify"),
  secretSetting: "TESTLIFY_WEBHOOK_SECRET",
  urlToken: "accepted",
  authentication:
    "Testlify's webhook settings take only a URL, so add the secret to it as ?token=. Deliveries signed Standard Webhooks or Svix style with the same secret are accepted too.",
  // Testlify delivers through Svix.
  headerNames: "svix",
  eventTypeOf: (body) => testlifyEventType(body),
  sample: testlifySampleDelivery,
};
