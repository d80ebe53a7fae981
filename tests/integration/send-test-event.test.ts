// "Send test event" over real HTTP: signed with the configured secret, posted to APP_URL,
// answered and processed like any delivery, but never shown as a result.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { handleWebhook } from "@/lib/server/ingestion/webhooks/handle-webhook";
import { assessmentEngineProvider } from "@/lib/server/providers/assessment-engine/provider";
import { testlifyProvider } from "@/lib/server/providers/testlify/provider";
import { pushEndpointFor } from "@/lib/server/providers/registry";
import { withSecret } from "@/lib/server/providers/descriptor";
import { sendTestEvent } from "@/lib/server/webhooks-admin/send-test-event";
import { describeEachDatabase } from "../support/databases";
import { TEST_WEBHOOK_SECRET } from "../support/webhooks";

describeEachDatabase("send test event", (getDb) => {
  let server: Server;
  let appUrl = "";

  beforeAll(async () => {
    // Stands in for the app: the same handler the routes use, with the secrets below.
    server = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", async () => {
        const request = new Request(`${appUrl}${incoming.url}`, {
          method: incoming.method,
          headers: incoming.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        });
        const endpoint = incoming.url?.startsWith("/api/webhooks/testlify")
          ? withSecret(testlifyProvider.webhook, TEST_WEBHOOK_SECRET)
          : withSecret(
              assessmentEngineProvider.webhook,
              incoming.url?.includes("unconfigured") ? undefined : TEST_WEBHOOK_SECRET,
            );
        const response = await handleWebhook(request, endpoint, getDb(), (task) => void task());
        outgoing.writeHead(response.status, { "content-type": "application/json" });
        outgoing.end(await response.text());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const settings = (overrides: Record<string, string> = {}) =>
    parseSettings({
      APP_URL: appUrl,
      TESTLIFY_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      AE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      ...overrides,
    });

  it.each(["testlify", "assessment-engine"])(
    "%s: 200, stored as a test delivery, processed, and no result created",
    async (provider) => {
      const result = await sendTestEvent(getDb(), settings(), pushEndpointFor(provider)!);
      expect(result).toMatchObject({
        ok: true,
        httpStatus: 200,
        answer: "accepted",
        deliveryStatus: "processed",
        deliveryError: null,
      });
      const delivery = await getDb().delivery.findUniqueOrThrow({ where: { id: result.deliveryId! } });
      expect(delivery).toMatchObject({
        provider,
        source: "test",
        status: "processed",
        candidateEmail: "test.candidate@example.com",
      });
      expect(await getDb().candidate.count({ where: { email: "test.candidate@example.com" } })).toBe(0);
      expect(await getDb().attemptChange.count({ where: { deliveryId: delivery.id } })).toBe(0);
    },
  );

  it("without a secret, shows the endpoint's 503 and names the setting", async () => {
    const result = await sendTestEvent(
      getDb(),
      settings({ AE_WEBHOOK_SECRET: "" }),
      pushEndpointFor("assessment-engine")!,
    );
    expect(result).toMatchObject({ ok: false, httpStatus: 401 });
    const unconfigured = { ...pushEndpointFor("assessment-engine")!, path: "/api/webhooks/unconfigured" };
    const answer = await sendTestEvent(getDb(), settings({ AE_WEBHOOK_SECRET: "" }), unconfigured);
    expect(answer).toMatchObject({
      ok: false,
      httpStatus: 503,
      message: "HTTP 503: not configured: set AE_WEBHOOK_SECRET to enable this endpoint",
    });
  });

  it("says so when APP_URL does not answer", async () => {
    const result = await sendTestEvent(
      getDb(),
      settings({ APP_URL: "http://127.0.0.1:9" }),
      pushEndpointFor("testlify")!,
    );
    expect(result).toMatchObject({ ok: false, httpStatus: null });
    expect(result.message).toMatch(
      /^Could not reach http:\/\/127\.0\.0\.1:9\/api\/webhooks\/testlify: .*Is APP_URL the address this server answers on\?$/,
    );
  });

  it("offers no sample for a provider built elsewhere", async () => {
    const result = await sendTestEvent(getDb(), settings(), pushEndpointFor("video")!);
    expect(result.message).toMatch(/dashboard/);
  });
});
