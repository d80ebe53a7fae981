import "server-only";
// Every provider adapter, by provider id. Adding a provider starts here (see ARCHITECTURE.md).
import type { ProviderAdapter } from "../domain/events";
import type { ProviderId } from "../../shared/vocabulary";
import { assessmentEngineAdapter } from "./assessment-engine/adapter";
import { smartAiAdapter } from "./smartai/adapter";
import { testlifyAdapter } from "./testlify/adapter";
import { videoAdapter } from "./video/adapter";

const adapters: Partial<Record<ProviderId, ProviderAdapter>> = {
  smartai: smartAiAdapter,
  testlify: testlifyAdapter,
  "assessment-engine": assessmentEngineAdapter,
  video: videoAdapter,
};

export function adapterFor(provider: ProviderId): ProviderAdapter {
  const adapter = adapters[provider];
  if (!adapter) throw new Error(`No adapter registered for provider "${provider}"`);
  return adapter;
}
