// POST /api/webhooks/<provider>, as the route serves it: the registry decides which providers
// have an endpoint and which take ?token= (docs/contract.md §4); the bytes are what is signed.
import { createHmac } from "node:crypto";
import { beforeEach, expect, it, onTestFinished } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { receiveWebhook } from "@/lib/server/ingestion/webhooks/receive-webhook";
import { describeEachDatabase } from "../support/databases";
import { fixture, fixtureText } from "../support/fixtures";
import { rejectCandidate } from "../support/reject-candidate";
import { TEST_WEBHOOK_SECRET, awaitableScheduler, signedRequest } from "../support/webhooks";

const settings = parseSettings({
  APP_URL: "http://hub.test",
  TESTLIFY_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
  AE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
  VIDEO_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
});
const url = (provider: string, query = "") => `http://hub.test/api/webhooks/${provider}${query}`;
const tokenQuery = `?token=${encodeURIComponent(TEST_WEBHOOK_SECRET)}`;

describeEachDatabase("webhook route: one endpoint per push provider", (getDb, kind) => {
  let scheduler = awaitableScheduler();
  beforeEach(() => {
    scheduler = awaitableScheduler();
  });

  async function post(provider: string, request: Request, configured = settings) {
    const response = await receiveWebhook(request, provider, configured, getDb(), scheduler.schedule);
    await scheduler.settled();
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const unsignedPost = (target: string, body: string) =>
    new Request(target, { method: "POST", body, headers: { "content-type": "application/json" } });

  it("answers 404 for an unknown provider and for one that is polled, storing nothing", async () => {
    const before = await getDb().delivery.count();
    for (const provider of ["nope", "smartai", "SmartAI"]) {
      const answer = await post(provider, signedRequest(url(provider), "{}"));
      expect(answer.status).toBe(404);
      expect(answer.body.error).toEqual(expect.stringContaining("/api/webhooks/<provider id>"));
    }
    expect(await getDb().delivery.count()).toBe(before);
  });

  it("takes ?token=<secret> from Testlify", async () => {
    const body = fixtureText("testlify-enrolled.json");
    const answer = await post("testlify", unsignedPost(url("testlify", tokenQuery), body));
    expect(answer).toMatchObject({ status: 200, body: { status: "accepted" } });
    expect(await getDb().delivery.findFirst({ where: { body } })).toMatchObject({ provider: "testlify" });
  });

  it.each([
    ["assessment-engine", fixtureText("ae-test-instance-created.json")],
    ["video", JSON.stringify({ type: "interview.started", data: {} })],
  ])("%s: answers 401 to the token form, even with the right secret, and stores nothing", async (provider, body) => {
    const before = await getDb().delivery.count();
    const answer = await post(provider, unsignedPost(url(provider, tokenQuery), body));
    expect(answer).toEqual({ status: 401, body: { error: expect.stringContaining("does not take ?token=") } });
    expect(await getDb().delivery.count()).toBe(before);
  });

  it("reads each provider's secret from its own setting: 503 naming it when unset", async () => {
    const withoutVideo = parseSettings({ APP_URL: "http://hub.test", AE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET });
    const answer = await post("video", signedRequest(url("video"), "{}"), withoutVideo);
    expect(answer).toEqual({
      status: 503,
      body: { error: "not configured: set VIDEO_WEBHOOK_SECRET to enable this endpoint" },
    });
  });

  it("stores a signed non-NFC body byte for byte, and refuses its NFC twin under the same signature", async () => {
    const invited = fixture<{ data: Record<string, unknown>; timestamp: number }>("testlify-invited.json");
    Object.assign(invited.data, { email: "renee@example.com", firstName: "Rene\u0301e" });
    const body = JSON.stringify(invited);
    const signed = signedRequest(url("testlify"), body);
    const headers = new Headers(signed.headers);
    expect((await post("testlify", signed)).status).toBe(200);
    const stored = await getDb().delivery.findFirstOrThrow({ where: { provider: "testlify", body } });
    expect(Buffer.from(stored.body)).toEqual(Buffer.from(body));

    const twin = new Request(url("testlify"), { method: "POST", headers, body: body.normalize("NFC") });
    expect((await post("testlify", twin)).status).toBe(401);
  });

  it("answers 400 to a validly signed body that is not UTF-8, storing nothing", async () => {
    const before = await getDb().delivery.count();
    const bytes = Buffer.concat([
      Buffer.from('{"type":"candidate","note":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const id = "msg_not_utf8";
    const timestamp = String(Math.floor(Date.now() / 1000));
    const key = Buffer.from(TEST_WEBHOOK_SECRET.slice("whsec_".length), "base64");
    const signature = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(bytes).digest("base64");
    const request = new Request(url("testlify"), {
      method: "POST",
      body: bytes,
      headers: { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` },
    });
    expect(await post("testlify", request)).toEqual({
      status: 400,
      body: { error: "body is not JSON: it is not valid UTF-8" },
    });
    expect(await getDb().delivery.count()).toBe(before);
  });

  /** A Testlify completion for `email`, answered while what runs after the answer waits for `afterAnswer.settled()`. */
  async function postHoldingBack(email: string) {
    const body = fixtureText("testlify-completed.json").replaceAll("candidate@example.com", email);
    const afterAnswer = awaitableScheduler();
    const request = signedRequest(url("testlify"), body);
    const response = await receiveWebhook(request, "testlify", settings, getDb(), afterAnswer.schedule);
    return { body, afterAnswer, answer: (await response.json()) as Record<string, unknown> };
  }

  it("applies a delivery before answering it: its result is there without anything run after the answer", async () => {
    const { body, answer } = await postHoldingBack("answered@example.com");
    expect(answer).toMatchObject({ status: "accepted" });
    expect(await getDb().delivery.findFirstOrThrow({ where: { body } })).toMatchObject({ status: "processed" });
    expect(await getDb().attempt.count({ where: { candidate: { email: "answered@example.com" } } })).toBe(1);
  });

  it("answers 200 to a delivery whose apply fails, stored pending, and the applier then fails it with the reason", async () => {
    const email = "apply-fails@example.com";
    onTestFinished(await rejectCandidate(getDb(), kind, email));
    const { body, afterAnswer, answer } = await postHoldingBack(email);
    expect(answer).toMatchObject({ status: "accepted" });
    expect(await getDb().delivery.findFirstOrThrow({ where: { body } })).toMatchObject({ status: "pending" });

    await afterAnswer.settled();
    const settled = await getDb().delivery.findFirstOrThrow({ where: { body } });
    expect(settled).toMatchObject({ status: "failed", error: expect.stringContaining("rejected by test") });
  });
});
