import "server-only";
// What the rest of the app may know about a provider. Each provider folder exports one
// descriptor; registry.ts lists them. Nothing outside a provider's folder needs more.
import type { Settings } from "../../config/settings";
import type { ProviderAdapter } from "../domain/events";
import type { ProviderId } from "../../shared/vocabulary";

/** Settings named `<SOMETHING>_WEBHOOK_SECRET`: the only ones a push endpoint may read its secret from. */
export type WebhookSecretSetting = Extract<keyof Settings, `${string}_WEBHOOK_SECRET`>;

/** A push provider's endpoint: where it posts, how it proves a delivery is its own, a sample to test with. */
export interface PushEndpoint {
  provider: ProviderId;
  /** Always webhookPath(provider): the dynamic route finds the provider by this segment. */
  path: string;
  secretSetting: WebhookSecretSetting;
  /**
   * `accepted` only for a provider whose settings take just a URL (Testlify): it authenticates
   * with `?token=<secret>`. A provider that signs must not: its endpoint answers 401 to the
   * token form, so a secret never has to sit in a URL (docs/contract.md §4).
   */
  urlToken: "accepted" | "refused";
  /** How the provider proves a delivery is its own, in words for the admin. */
  authentication: string;
  /** Which header names "Send test event" signs under: Standard Webhooks' or Svix's. */
  headerNames: "webhook" | "svix";
  /** The event name, from a header or the body, when the provider puts it there. */
  eventTypeOf(body: unknown, headers: Pick<Headers, "get">): string | null;
  /** A delivery as the provider would send it, for "Send test event"; null when it must come from the provider. */
  sample: ((now: Date) => unknown) | null;
}

/** A push endpoint with its secret read from the settings (undefined: not configured, 503). */
export type WebhookEndpoint = PushEndpoint & { secret: string | undefined };

/** This process's poller for a polling provider, as status pages show it. */
export interface LocalPollerState {
  instanceId: string;
  polling: boolean;
  /** Why this instance does not poll; null when it does. */
  offReason: string | null;
}

export interface ProviderPoller {
  /** Null until boot has started (or declined to start) this process's poller. */
  local(): LocalPollerState | null;
}

export interface ProviderDescriptor<Client = unknown> {
  id: ProviderId;
  label: string;
  adapter: ProviderAdapter;
  /** Builds the client for the provider's API from the settings; throws naming what is missing. */
  client?: (settings: Settings) => Client;
  /** Present for a provider that pushes its events. */
  webhook?: PushEndpoint;
  /** Present for a provider the app polls. */
  poller?: ProviderPoller;
  /** Its own admin page, listed on /settings. */
  settingsPage?: { href: string; title: string; summary: string };
}

export function webhookPath(provider: ProviderId): string {
  return `/api/webhooks/${provider}`;
}

export function webhookUrl(settings: Settings, endpoint: PushEndpoint): string {
  return new URL(endpoint.path, settings.APP_URL).toString();
}

export function withSecret(endpoint: PushEndpoint, secret: string | undefined): WebhookEndpoint {
  return { ...endpoint, secret };
}
