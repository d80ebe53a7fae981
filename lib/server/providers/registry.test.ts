import { describe, expect, it } from "vitest";
import { PROVIDER_LABELS, PROVIDERS } from "@/lib/shared/vocabulary";
import { webhookPath } from "./descriptor";
import { adapterFor, PROVIDER_DESCRIPTORS, PUSH_PROVIDERS, providerFor, pushEndpointFor } from "./registry";

describe("provider registry", () => {
  it("describes every provider id once, each with its own adapter and label", () => {
    expect(PROVIDER_DESCRIPTORS.map((descriptor) => descriptor.id).sort()).toEqual([...PROVIDERS].sort());
    for (const descriptor of PROVIDER_DESCRIPTORS) {
      expect(descriptor.adapter.provider).toBe(descriptor.id);
      expect(adapterFor(descriptor.id)).toBe(descriptor.adapter);
      expect(descriptor.label).toBe(PROVIDER_LABELS[descriptor.id]);
    }
  });

  it("gives each push provider the endpoint at /api/webhooks/<id>, and a polled one none", () => {
    for (const provider of PUSH_PROVIDERS) {
      expect(provider.webhook.provider).toBe(provider.id);
      expect(provider.webhook.path).toBe(webhookPath(provider.id));
      expect(pushEndpointFor(provider.id)).toBe(provider.webhook);
    }
    expect(PUSH_PROVIDERS.map((provider) => provider.webhook.path)).toEqual([
      "/api/webhooks/testlify",
      "/api/webhooks/assessment-engine",
      "/api/webhooks/video",
    ]);
    expect(pushEndpointFor("smartai")).toBeUndefined();
    expect(providerFor("smartai")?.poller).toBeDefined();
    expect(pushEndpointFor("unknown")).toBeUndefined();
  });

  it("lets only Testlify authenticate with ?token= (docs/contract.md §4)", () => {
    const takesToken = PUSH_PROVIDERS.filter((provider) => provider.webhook.urlToken === "accepted");
    expect(takesToken.map((provider) => provider.id)).toEqual(["testlify"]);
  });

  it("has sample deliveries that the provider's own adapter recognises", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const sampled = PUSH_PROVIDERS.filter((provider) => provider.webhook.sample !== null);
    expect(sampled.map((provider) => provider.id)).toEqual(["testlify", "assessment-engine"]);
    for (const provider of sampled) {
      const body = provider.webhook.sample!(now);
      const eventType = provider.webhook.eventTypeOf(body, new Headers());
      const translation = provider.adapter.translate({ body, eventType, receivedAt: now });
      expect(translation).toMatchObject({ recognised: true });
    }
  });
});
