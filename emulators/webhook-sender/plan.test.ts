import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { assessmentEngineAdapter } from "@/lib/server/providers/assessment-engine/adapter";
import { testlifyAdapter } from "@/lib/server/providers/testlify/adapter";
import { planStream } from "./plan";
import { deliveryRequest } from "./sender";

const secrets = {
  testlify: `whsec_${Buffer.from("testlify emulator secret").toString("base64")}`,
  engine: `whsec_${Buffer.from("engine emulator secret").toString("base64")}`,
};
const plan = planStream({
  seed: 42,
  startedAt: Date.parse("2026-05-01T09:00:00Z"),
  history: 30,
  live: 30,
  liveSpreadMs: 600_000,
  stepMs: 30_000,
  chaos: { unknownRate: 0.2 },
});

describe("webhook emulator stream", () => {
  it("is the same stream for the same seed", () => {
    const again = planStream({
      seed: 42,
      startedAt: Date.parse("2026-05-01T09:00:00Z"),
      history: 30,
      live: 30,
      liveSpreadMs: 600_000,
      stepMs: 30_000,
      chaos: { unknownRate: 0.2 },
    });
    expect(again.deliveries.map((delivery) => delivery.body)).toEqual(plan.deliveries.map((delivery) => delivery.body));
  });

  it("has every kind of traffic: both providers, every Testlify status, both engine forms, repeats, late and unknown deliveries", () => {
    const statuses = new Set(
      plan.deliveries
        .filter((delivery) => delivery.provider === "testlify")
        .map((delivery) => (JSON.parse(delivery.body) as { data: { candidateStatus?: string } }).data.candidateStatus),
    );
    expect([...statuses].sort()).toEqual(
      expect.arrayContaining([
        "COMPLETED",
        "DISQUALIFIED",
        "ENROLLED",
        "INVITATION_EXPIRED",
        "INVITED",
        "IN_PROGRESS",
        "REJECTED",
      ]),
    );
    expect(plan.deliveries.some((delivery) => delivery.eventHeader)).toBe(true);
    expect(plan.deliveries.some((delivery) => delivery.provider === "assessment-engine" && !delivery.eventHeader)).toBe(
      true,
    );
    expect(plan.deliveries.some((delivery) => delivery.auth === "token")).toBe(true);
    expect(plan.deliveries.some((delivery) => delivery.duplicate)).toBe(true);
    expect(plan.deliveries.some((delivery) => delivery.unknown)).toBe(true);
    const outOfOrder = plan.journeys.some((journey) => {
      const sent = plan.deliveries.filter((delivery) => !delivery.duplicate && delivery.body.includes(journey.email));
      return sent.some((delivery, index) => index > 0 && timeOf(delivery.body) < timeOf(sent[index - 1]!.body));
    });
    expect(outOfOrder).toBe(true);
  });

  it("sends only what the adapters read, except the deliberately unknown events", () => {
    for (const delivery of plan.deliveries) {
      const adapter = delivery.provider === "testlify" ? testlifyAdapter : assessmentEngineAdapter;
      const translation = adapter.translate({
        body: JSON.parse(delivery.body),
        eventType: delivery.eventHeader ?? null,
        receivedAt: new Date(),
      });
      expect({ unknown: delivery.unknown, recognised: translation.recognised }).toEqual({
        unknown: delivery.unknown,
        recognised: !delivery.unknown,
      });
    }
  });

  it("signs deliveries as Standard Webhooks or Svix, or puts the secret in ?token=", () => {
    for (const delivery of plan.deliveries.slice(0, 40)) {
      const { url, init } = deliveryRequest("http://app.test", secrets, delivery);
      const headers = init.headers as Record<string, string>;
      const secret = delivery.provider === "testlify" ? secrets.testlify : secrets.engine;
      if (delivery.auth === "token") {
        expect(new URL(url).searchParams.get("token")).toBe(secret);
        continue;
      }
      const prefix = delivery.auth === "svix" ? "svix" : "webhook";
      expect(() =>
        new Webhook(secret).verify(delivery.body, {
          "webhook-id": headers[`${prefix}-id`]!,
          "webhook-timestamp": headers[`${prefix}-timestamp`]!,
          "webhook-signature": headers[`${prefix}-signature`]!,
        }),
      ).not.toThrow();
    }
  });
});

/** The provider time a delivery carries, for checking arrival order. */
function timeOf(body: string): number {
  const parsed = JSON.parse(body) as {
    timestamp?: number;
    updated_at?: string;
    data?: { updated_at?: string; completedAt?: string; invitedAt?: string };
  };
  return (
    parsed.timestamp ??
    Date.parse(
      parsed.updated_at ?? parsed.data?.updated_at ?? parsed.data?.completedAt ?? parsed.data?.invitedAt ?? "",
    ) ??
    0
  );
}
