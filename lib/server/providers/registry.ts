import "server-only";
// The one list of providers. Everything outside a provider's folder finds it here, by id;
// adding a provider is adding its descriptor below (see ARCHITECTURE.md, "Adding a provider").
import type { ProviderAdapter } from "../domain/events";
import type { ProviderId } from "../../shared/vocabulary";
import { assessmentEngineProvider } from "./assessment-engine/provider";
import type { ProviderDescriptor, PushEndpoint } from "./descriptor";
import { smartAiProvider } from "./smartai/provider";
import { testlifyProvider } from "./testlify/provider";
import { videoProvider } from "./video/provider";

/** In the order admin pages list them. */
const DESCRIPTORS = [smartAiProvider, testlifyProvider, assessmentEngineProvider, videoProvider] as const;

// Fails to compile when an id in lib/shared/vocabulary.ts has no descriptor here.
type Undescribed = Exclude<ProviderId, (typeof DESCRIPTORS)[number]["id"]>;
const everyProviderDescribed: [Undescribed] extends [never] ? true : Undescribed = true;
void everyProviderDescribed;

export const PROVIDER_DESCRIPTORS: readonly ProviderDescriptor[] = DESCRIPTORS;

export type PushProvider = ProviderDescriptor & { webhook: PushEndpoint };

export const PUSH_PROVIDERS: readonly PushProvider[] = PROVIDER_DESCRIPTORS.filter(
  (descriptor): descriptor is PushProvider => descriptor.webhook !== undefined,
);

export function providerFor(id: string): ProviderDescriptor | undefined {
  return PROVIDER_DESCRIPTORS.find((descriptor) => descriptor.id === id);
}

export function adapterFor(provider: ProviderId): ProviderAdapter {
  const descriptor = providerFor(provider);
  if (!descriptor) throw new Error(`No provider registered with id "${provider}"`);
  return descriptor.adapter;
}

/** The endpoint of a provider that pushes; undefined for an unknown id or a polled provider. */
export function pushEndpointFor(provider: string): PushEndpoint | undefined {
  return providerFor(provider)?.webhook;
}
