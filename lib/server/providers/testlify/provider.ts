import "server-only";
// Testlify pushes candidate and assessment events; the app has no client for its API.
import { PROVIDER_LABELS } from "../../../shared/vocabulary";
import type { ProviderDescriptor } from "../descriptor";
import { testlifyAdapter } from "./adapter";
import { testlifyWebhook } from "./webhook";

export const testlifyProvider = {
  id: "testlify",
  label: PROVIDER_LABELS.testlify,
  adapter: testlifyAdapter,
  webhook: testlifyWebhook,
} satisfies ProviderDescriptor;
