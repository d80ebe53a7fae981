import "server-only";
// The assessment engine pushes ae.test_instance.* events; the app has no client for its API.
import { PROVIDER_LABELS } from "../../../shared/vocabulary";
import type { ProviderDescriptor } from "../descriptor";
import { assessmentEngineAdapter } from "./adapter";
import { engineWebhook } from "./webhook";

export const assessmentEngineProvider = {
  id: "assessment-engine",
  label: PROVIDER_LABELS["assessment-engine"],
  adapter: assessmentEngineAdapter,
  webhook: engineWebhook,
} satisfies ProviderDescriptor;
