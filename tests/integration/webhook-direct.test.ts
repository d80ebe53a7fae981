// POST /api/webhooks/<provider> as the app's own server answers it, on Node's request and
// response (lib/server/ingestion/webhooks/direct-intake.ts): the same answers and the same
// stored rows as Next's route (receive-webhook.ts), the body limit on what Node reads, and
// only the path shapes Next would route to the webhook handler.
import http, { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { clearDirectRoutes, directRouteFor, registerDirectRoutes } from "@/lib/http/direct-routes";
import { matchWebhookPath, webhookRoute } from "@/lib/server/ingestion/webhooks/direct-intake";
import { receiveWebhook } from "@/lib/server/ingestion/webhooks/receive-webhook";
import { describeEachDatabase } from "../support/databases";
import { fixtureText } from "../support/fixtures";
import { TEST_WEBHOOK_SECRET, awaitableScheduler, signedRequest } from "../support/webhooks";

const settings = parseSettings({
  APP_URL: "http://hub.test",
  TESTLIFY_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
  AE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
});
const MIB = 1024 * 1024;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** Sends a Request's method, headers and body over Node's client, as a sender would. */
function send(base: string, request: Request, extra: { chunked?: Buffer } = {}): Promise<Answer> {
  const url = new URL(request.url);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      `${base}${url.pathname}${url.search}`,
      { method: request.method, headers: Object.fromEntries(request.headers), agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode!, headers: response.headers, body: text ? JSON.parse(text) : {} });
        });
      },
    );
    outgoing.on("error", reject);
    if (extra.chunked) {
      // No Content-Length: Node sends it chunked, and only counting what arrives can refuse it.
      for (let start = 0; start < extra.chunked.length; start += 64 * 1024)
        outgoing.write(extra.chunked.subarray(start, start + 64 * 1024));
      outgoing.end();
    } else {
      void request.arrayBuffer().then((body) => outgoing.end(Buffer.from(body)), reject);
    }
  });
}

describe("which requests the app's server answers itself", () => {
  it("takes /api/webhooks/<one segment>, decoded as Next decodes it, and nothing else", () => {
    expect(matchWebhookPath("/api/webhooks/testlify")).toEqual(["testlify"]);
    expect(matchWebhookPath("/api/webhooks/%74estlify")).toEqual(["testlify"]);
    for (const path of [
      "/api/webhooks/",
      "/api/webhooks/testlify/",
      "/api/webhooks/testlify/extra",
      "//api/webhooks/testlify",
      "/api/webhooks/%E0%A4%A",
      "/api/webhooks",
      "/api/health",
    ])
      expect(matchWebhookPath(path), path).toBeNull();
  });

  it("only POST, and only once the bundle registered the route", () => {
    clearDirectRoutes();
    expect(directRouteFor("POST", "/api/webhooks/testlify")).toBeNull();
    registerDirectRoutes({
      routes: [
        webhookRoute(
          () => settings,
          () => undefined as never,
        ),
      ],
      perRequestHeaders: () => ({}),
    });
    expect(directRouteFor("POST", "/api/webhooks/testlify")?.params).toEqual(["testlify"]);
    for (const method of ["GET", "HEAD", "PUT", "OPTIONS"])
      expect(directRouteFor(method, "/api/webhooks/testlify")).toBeNull();
    clearDirectRoutes();
  });
});

describeEachDatabase("webhooks answered on Node's request and response", (getDb) => {
  let server: Server;
  let base: string;
  let scheduler = awaitableScheduler();

  beforeAll(async () => {
    const route = webhookRoute(
      () => settings,
      getDb,
      (task) => scheduler.schedule(task),
    );
    server = createServer((request, response) => {
      const params = route.match(new URL(request.url!, "http://x").pathname);
      if (!params) return void response.writeHead(418).end();
      route.handle(request, response, params).catch((error: unknown) => response.destroy(error as Error));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    scheduler = awaitableScheduler();
  });

  const url = (provider: string, query = "") => `http://hub.test/api/webhooks/${provider}${query}`;

  it("stores a delivery as Next's route does, answers a repeat as a duplicate, and applies it after the answer", async () => {
    const body = fixtureText("testlify-enrolled.json");
    const request = signedRequest(url("testlify"), body, { id: "msg_direct_1", names: "svix" });
    const answer = await send(base, request.clone());
    expect(answer).toMatchObject({ status: 200, body: { status: "accepted", deliveryId: "msg_direct_1" } });
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(await send(base, request.clone())).toMatchObject({ status: 200, body: { status: "duplicate" } });
    await scheduler.settled();

    const stored = await getDb().delivery.findMany({ where: { externalId: "msg_direct_1" } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ provider: "testlify", source: "webhook", body, status: "processed" });
    expect(stored[0]!.headers).toMatchObject({ "content-type": "application/json", "svix-id": "msg_direct_1" });

    // The same delivery under another id, through Next's route: the same row but for its ids and times.
    const viaNext = signedRequest(url("testlify"), body, { id: "msg_next_1", names: "svix" });
    const nextScheduler = awaitableScheduler();
    expect((await receiveWebhook(viaNext, "testlify", settings, getDb(), nextScheduler.schedule)).status).toBe(200);
    await nextScheduler.settled();
    const twin = await getDb().delivery.findFirstOrThrow({ where: { externalId: "msg_next_1" } });
    const comparable = (row: typeof twin) => ({
      provider: row.provider,
      source: row.source,
      eventType: row.eventType,
      body: row.body,
      status: row.status,
      candidateEmail: row.candidateEmail,
      headerNames: Object.keys(row.headers as object).sort(),
    });
    expect(comparable(stored[0]!)).toEqual(comparable(twin));
  });

  it("gives the answers Next's route gives to what it refuses, storing nothing", async () => {
    const before = await getDb().delivery.count();
    const forged = (target: string) =>
      signedRequest(target, "{}", { secret: `whsec_${Buffer.from("not the secret").toString("base64")}` });
    const cases: Request[] = [
      forged(url("testlify")),
      signedRequest(url("nope"), "{}"),
      signedRequest(url("video"), "{}"),
      signedRequest(url("testlify"), "not json"),
      new Request(url("assessment-engine", `?token=${encodeURIComponent(TEST_WEBHOOK_SECRET)}`), {
        method: "POST",
        body: fixtureText("ae-test-instance-created.json"),
      }),
      new Request(url("testlify"), { method: "POST", body: "{}" }),
    ];
    for (const request of cases) {
      const direct = await send(base, request.clone());
      const provider = new URL(request.url).pathname.split("/").at(-1)!;
      const viaNext = await receiveWebhook(request.clone(), provider, settings, getDb(), scheduler.schedule);
      expect({ status: direct.status, body: direct.body }, request.url).toEqual({
        status: viaNext.status,
        body: await viaNext.json(),
      });
      expect(direct.status).toBeGreaterThanOrEqual(400);
    }
    expect(await getDb().delivery.count()).toBe(before);
  });

  it("refuses a body over 1 MiB with 413, by its declared length or by what arrives, and closes the connection", async () => {
    const before = await getDb().delivery.count();
    const big = Buffer.alloc(MIB + 1, 0x20);
    const declared = await send(base, signedRequest(url("testlify"), big.toString("utf8")));
    expect(declared).toMatchObject({ status: 413, body: { error: "body too large: the limit is 1 MiB" } });
    expect(declared.headers.connection).toBe("close");

    const unsigned = new Request(url("testlify"), { method: "POST", headers: { "content-type": "application/json" } });
    const streamed = await send(base, unsigned, { chunked: big });
    expect(streamed).toMatchObject({ status: 413, body: { error: "body too large: the limit is 1 MiB" } });
    expect(streamed.headers.connection).toBe("close");

    // Exactly at the limit is read (and then refused only for its signature).
    const atLimit = await send(base, new Request(url("testlify"), { method: "POST" }), {
      chunked: Buffer.alloc(MIB, 0x20),
    });
    expect(atLimit.status).toBe(401);
    expect(await getDb().delivery.count()).toBe(before);
  });
});
