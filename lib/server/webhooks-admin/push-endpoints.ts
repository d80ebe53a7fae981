import "server-only";
// The push providers an admin connects on /settings/webhooks: where each one posts, which
// setting holds its secret, and (for the providers built here) a sample delivery to test with.
import type { Settings } from "../../config/settings";
import type { ProviderId } from "../../shared/vocabulary";
import { engineSampleDelivery } from "../providers/assessment-engine/sample-delivery";
import { ENGINE_WEBHOOK_PATH } from "../providers/assessment-engine/webhook-endpoint";
import { testlifySampleDelivery } from "../providers/testlify/sample-delivery";
import { TESTLIFY_WEBHOOK_PATH } from "../providers/testlify/webhook-endpoint";
import { VIDEO_WEBHOOK_PATH } from "../providers/video/configuration";

export type SecretSetting = "TESTLIFY_WEBHOOK_SECRET" | "AE_WEBHOOK_SECRET" | "VIDEO_WEBHOOK_SECRET";

export interface PushEndpoint {
  provider: ProviderId;
  path: string;
  secretSetting: SecretSetting;
  /** How the provider proves a delivery is its own, in words for the admin. */
  authentication: string;
  /** Testlify's settings take only a URL: it authenticates with ?token=. */
  acceptsToken: boolean;
  /** Which header names the test event is signed under. */
  headerNames: "webhook" | "svix";
  sample: ((now: Date) => unknown) | null;
}

export const PUSH_ENDPOINTS: readonly PushEndpoint[] = [
  {
    provider: "testlify",
    path: TESTLIFY_WEBHOOK_PATH,
    secretSetting: "TESTLIFY_WEBHOOK_SECRET",
    authentication:
      "Testlify's webhook settings take only a URL, so add the secret to it as ?token=. Deliveries signed Standard Webhooks or Svix style with the same secret are accepted too.",
    acceptsToken: true,
    headerNames: "svix",
    sample: testlifySampleDelivery,
  },
  {
    provider: "assessment-engine",
    path: ENGINE_WEBHOOK_PATH,
    secretSetting: "AE_WEBHOOK_SECRET",
    authentication:
      "Signed Standard Webhooks style (webhook-id, webhook-timestamp, webhook-signature) with the secret; timestamps more than 5 minutes off are refused.",
    acceptsToken: false,
    headerNames: "webhook",
    sample: engineSampleDelivery,
  },
  {
    provider: "video",
    path: VIDEO_WEBHOOK_PATH,
    secretSetting: "VIDEO_WEBHOOK_SECRET",
    authentication: "Signed Standard Webhooks style with the secret the provider shows you.",
    acceptsToken: false,
    headerNames: "webhook",
    sample: null,
  },
];

export function pushEndpointFor(provider: string): PushEndpoint | undefined {
  return PUSH_ENDPOINTS.find((endpoint) => endpoint.provider === provider);
}

export function webhookUrl(settings: Settings, endpoint: PushEndpoint): string {
  return new URL(endpoint.path, settings.APP_URL).toString();
}
