// The client against the emulator over real HTTP: the wire protocol, and what it does when
// the platform is slow, refuses, rate-limits or drops the connection.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixture } from "../../../../tests/support/fixtures";
import { withSmartAiEmulator, type SmartAiEmulator } from "../../../../tests/support/smartai";
import { SmartAiClient, type SmartAiClientOptions } from "./client";
import { SmartAiAuthError, SmartAiNetworkError, SmartAiRateLimitedError, SmartAiServerError } from "./errors";
import { signedHeaders } from "./signing";

let emulator: SmartAiEmulator;
let sleeps: number[];

withSmartAiEmulator({ seed: 7 }, (started) => (emulator = started));

function client(overrides: Partial<SmartAiClientOptions> = {}) {
  sleeps = [];
  return new SmartAiClient({
    apiUrl: emulator.url,
    apiKey: emulator.apiKey,
    secretKey: emulator.secretKey,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 1,
    ...overrides,
  });
}

describe("SmartAI client: protocol", () => {
  it("signs as docs/contract.md §3 says: hex HMAC-SHA256 of timestamp.METHOD.pathAndQuery.body", () => {
    const headers = signedHeaders(
      { apiKey: "wc_ak_test_1", secretKey: "wc_sk_test_1" },
      {
        method: "post",
        pathAndQuery: "/v1/webhook-events/acknowledge",
        body: '{"eventIds":["a"]}',
        nowMs: 1_717_929_000_000,
      },
    );
    const expected = createHmac("sha256", "wc_sk_test_1")
      .update('1717929000000.POST./v1/webhook-events/acknowledge.{"eventIds":["a"]}')
      .digest("hex");
    expect(headers).toEqual({ "x-api-key": "wc_ak_test_1", "x-timestamp": "1717929000000", "x-signature": expected });
  });

  it("fetches oldest first with what stays pending, and acknowledges what it names", async () => {
    emulator.preload(5);
    const page = await client().getWebhookEvents({ limit: 3 });
    expect(page.pendingCount).toBe(2);
    const storedAt = page.events.map((event) => event.storedAt!.getTime());
    expect(storedAt).toEqual([...storedAt].sort((a, b) => a - b));
    expect(emulator.requests.at(-1)?.path).toBe("/v1/webhook-events?limit=3");

    const again = await client().getWebhookEvents({ limit: 3 });
    expect(again.events.map((event) => event.eventId)).toEqual(page.events.map((event) => event.eventId));

    const ids = page.events.map((event) => event.eventId!);
    expect(await client().acknowledgeWebhookEvents([...ids, "evt_unknown"])).toBe(3);
    expect(await client().acknowledgeWebhookEvents(ids)).toBe(0);
    expect((await client().getWebhookEvents()).events).toHaveLength(2);
  });

  it("keeps each event's JSON as it came", async () => {
    const body = fixture("smartai-assessment-completed.json");
    emulator.enqueue(body as never);
    const [event] = (await client().getWebhookEvents()).events;
    expect(JSON.parse(event!.raw)).toEqual(body);
    expect(event).toMatchObject({
      eventId: "evt_01J9XYZABC",
      externalId: "evt_01J9XYZABC",
      eventType: "assessment.completed",
      candidateEmail: "priya@example.com",
    });
  });

  it("asks for at most 100, and the server never answers more", async () => {
    emulator.preload(150);
    const page = await client().getWebhookEvents({ limit: 500 });
    expect(page.events).toHaveLength(100);
    expect(page.pendingCount).toBe(50);
    expect(emulator.requests.at(-1)?.path).toBe("/v1/webhook-events?limit=100");

    const pathAndQuery = "/v1/webhook-events?limit=500";
    const response = await fetch(emulator.url + pathAndQuery, {
      headers: { ...signedHeaders(emulator, { method: "GET", pathAndQuery, body: "", nowMs: Date.now() }) },
    });
    expect(((await response.json()) as { events: unknown[] }).events).toHaveLength(100);
  });

  it("with since, returns only events stored after it", async () => {
    emulator.preload(10);
    const all = (await client().getWebhookEvents({ limit: 100 })).events;
    const cutoff = all[6]!.storedAt!;
    const page = await client().getWebhookEvents({ since: cutoff });
    expect(page.events.map((event) => event.eventId)).toEqual(all.slice(7).map((event) => event.eventId));
    expect(page.pendingCount).toBe(0);
    expect(emulator.requests.at(-1)?.path).toBe(`/v1/webhook-events?limit=50&since=${cutoff.getTime()}`);
  });
});

describe("SmartAI client: refusals", () => {
  it.each([
    ["an unknown key", { apiKey: "wc_ak_test_nobody" }, "unknown API key"],
    ["a wrong secret", { secretKey: "wc_sk_test_wrong" }, "invalid signature"],
    ["a clock 301 s behind", { now: () => Date.now() - 301_000 }, "timestamp is more than 300 s"],
    ["a clock 301 s ahead", { now: () => Date.now() + 301_000 }, "timestamp is more than 300 s"],
  ])("is refused with %s, without retrying", async (_case, overrides, reason) => {
    emulator.preload(1);
    const error = await client(overrides)
      .getWebhookEvents()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SmartAiAuthError);
    expect((error as SmartAiAuthError).serverMessage).toContain(reason);
    expect(emulator.requests).toHaveLength(1);
    expect(emulator.queue.size).toBe(1);
  });

  it("is refused when the signed path or body is not what was sent", async () => {
    emulator.preload(2);
    const signedFor = signedHeaders(emulator, {
      method: "GET",
      pathAndQuery: "/v1/webhook-events?limit=1",
      body: "",
      nowMs: Date.now(),
    });
    const tamperedPath = await fetch(`${emulator.url}/v1/webhook-events?limit=2`, { headers: { ...signedFor } });
    expect(tamperedPath.status).toBe(401);
    expect(await tamperedPath.json()).toEqual({ error: "invalid signature" });

    const ack = signedHeaders(emulator, {
      method: "POST",
      pathAndQuery: "/v1/webhook-events/acknowledge",
      body: '{"eventIds":[]}',
      nowMs: Date.now(),
    });
    const tamperedBody = await fetch(`${emulator.url}/v1/webhook-events/acknowledge`, {
      method: "POST",
      headers: { ...ack, "content-type": "application/json" },
      body: JSON.stringify({ eventIds: [emulator.queue.fetch(1).events[0]!.eventId] }),
    });
    expect(tamperedBody.status).toBe(401);
    expect(emulator.queue.size).toBe(2);
  });
});

describe("SmartAI client: faults", () => {
  it("backs off on 5xx, doubling the wait, then succeeds", async () => {
    emulator.preload(1);
    emulator.faults.inject({ kind: "server-error", status: 503 }, { times: 2 });
    const page = await client().getWebhookEvents();
    expect(page.events).toHaveLength(1);
    expect(sleeps).toEqual([500, 1_000]);
    expect(emulator.requests.map((request) => request.status)).toEqual([503, 503, 200]);
  });

  it("waits as long as a 429's Retry-After says", async () => {
    emulator.preload(1);
    emulator.faults.inject({ kind: "rate-limit", retryAfterSeconds: 3 });
    expect((await client().getWebhookEvents()).events).toHaveLength(1);
    expect(sleeps).toEqual([3_000]);
  });

  it("hands a long Retry-After back to the poller instead of holding the call", async () => {
    emulator.faults.inject({ kind: "rate-limit", retryAfterSeconds: 120 });
    const error = await client()
      .getWebhookEvents()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SmartAiRateLimitedError);
    expect((error as SmartAiRateLimitedError).retryAfterMs).toBe(120_000);
    expect(sleeps).toEqual([]);
    expect(emulator.requests).toHaveLength(1);
  });

  it("retries a dropped connection; acknowledging twice is harmless", async () => {
    emulator.preload(2);
    const ids = (await client().getWebhookEvents()).events.map((event) => event.eventId!);
    emulator.faults.inject({ kind: "drop" }, { target: "acknowledge" });
    expect(await client().acknowledgeWebhookEvents(ids)).toBe(2);
    expect(emulator.requests.map((request) => request.status)).toEqual([200, "dropped", 200]);
    expect(emulator.queue.size).toBe(0);
  });

  it("gives up after a bounded number of tries, with the last error", async () => {
    emulator.faults.inject({ kind: "server-error", status: 502 }, { times: 10 });
    const error = await client()
      .getWebhookEvents()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SmartAiServerError);
    expect(emulator.requests).toHaveLength(4);
    expect(sleeps).toEqual([500, 1_000, 2_000]);
  });

  it("times out a slow answer and tries again", async () => {
    emulator.preload(1);
    emulator.faults.inject({ kind: "slow", delayMs: 1_000 });
    const page = await client({ requestTimeoutMs: 200 }).getWebhookEvents();
    expect(page.events).toHaveLength(1);
    expect(sleeps).toHaveLength(1);
  });

  it("reports an unreachable server as a network error naming the URL", async () => {
    const error = await client({ apiUrl: "http://127.0.0.1:9", retry: { maxAttempts: 1 } })
      .getWebhookEvents()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SmartAiNetworkError);
    expect((error as Error).message).toMatch(/Could not reach SmartAI at http:\/\/127\.0\.0\.1:9.*ASSESSMENT_API_URL/);
  });
});
