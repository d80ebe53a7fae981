// The app's own server (npm start): one process that boots the background work without
// waiting for a request, decides the client's address itself, keeps the security headers,
// request ids and metrics on every path (the webhook routes it answers itself without Next's
// request handling included), and stops gracefully. Production against
// APP_SERVER_TEST_DIST_DIR's build when given (see tests/support/app-process.ts), otherwise
// development mode.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrations";
import { startAppProcess, type AppProcess } from "../support/app-process";
import { startSmartAiEmulator, type SmartAiEmulator } from "../support/smartai";
import { fixtureText } from "../support/fixtures";
import { TEST_WEBHOOK_SECRET, signedRequest } from "../support/webhooks";

const BOOT_TIMEOUT_MS = 240_000;
const METRICS_TOKEN = "app-server-test-metrics-token-0123456789";
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;
/** Sent on every path, by next.config.js or by the app's server on what it answers itself. */
const FIXED_HEADERS = [
  "x-content-type-options",
  "referrer-policy",
  "x-frame-options",
  "permissions-policy",
  "cross-origin-opener-policy",
];

/** A signed Testlify delivery, sent to the app over the network. */
async function postDelivery(appUrl: string, body: string, id?: string): Promise<Response> {
  const signed = signedRequest(`${appUrl}/api/webhooks/testlify`, body, { id, names: "svix" });
  return fetch(signed);
}

let dataDir: string;
let databaseUrl: string;
let database: Db;
let emulator: SmartAiEmulator;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "hub-app-server-"));
  databaseUrl = `file:${join(dataDir, "app.db")}`;
  // Migrated here, not by the first app to boot: any of the servers below may start first.
  await applyMigrations(databaseUrl);
  database = createDb(databaseUrl);
  emulator = await startSmartAiEmulator();
}, BOOT_TIMEOUT_MS);

afterAll(async () => {
  await database?.$disconnect();
  await emulator?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 200));
}

/** The share-link limiter keys its counter by the client address the route handler saw. */
async function addressesSeenByShareLinks(): Promise<string[]> {
  const buckets = await database.rateLimitBucket.findMany({ where: { key: { startsWith: "share-link:" } } });
  return buckets.map((bucket) => bucket.key.slice("share-link:".length)).sort();
}

// Each server below is its own process; they share only the database file, and each starts
// with no share-link counters, so the tests pass whichever server or test goes first.
describe("npm start with SmartAI configured", () => {
  let app: AppProcess;

  beforeAll(async () => {
    await database.rateLimitBucket.deleteMany();
    app = await startAppProcess({
      DATABASE_URL: databaseUrl,
      ASSESSMENT_API_URL: emulator.url,
      ASSESSMENT_API_KEY: emulator.apiKey,
      ASSESSMENT_SECRET_KEY: emulator.secretKey,
    });
  }, BOOT_TIMEOUT_MS);

  afterAll(async () => {
    await app?.stop("SIGKILL");
  });

  it(
    "polls SmartAI at start, before any request reaches the app",
    async () => {
      // Nothing has been sent to the app yet; only the boot (instrumentation.ts) can poll.
      await until(() => emulator.requests.some((request) => request.path.startsWith("/v1/webhook-events")));
      expect(await addressesSeenByShareLinks()).toEqual([]);
    },
    BOOT_TIMEOUT_MS,
  );

  it(
    "on SIGTERM stops taking requests, stops the poller and gives its lease up, and exits 0",
    async () => {
      // Stopped once the poller has run (so the test above holds whichever of the two goes first).
      await until(() => emulator.requests.some((request) => request.path.startsWith("/v1/webhook-events")));
      await until(async () => (await database.pollerLease.findUnique({ where: { provider: "smartai" } })) !== null);
      const code = await app.stop("SIGTERM");
      expect(code, app.output()).toBe(0);
      expect(app.output()).toMatch(/Stopped: .*smartai-poller/);
      const lease = await database.pollerLease.findUniqueOrThrow({ where: { provider: "smartai" } });
      expect(lease.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
      await expect(fetch(`${app.url}/api/health`)).rejects.toThrow();
    },
    BOOT_TIMEOUT_MS,
  );
});

describe("npm start, connected directly (TRUSTED_PROXY_HOPS=0)", () => {
  let app: AppProcess;

  beforeAll(async () => {
    await database.rateLimitBucket.deleteMany();
    app = await startAppProcess({
      DATABASE_URL: databaseUrl,
      POLLER_ENABLED: "false",
      TESTLIFY_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      METRICS_TOKEN,
    });
  }, BOOT_TIMEOUT_MS);

  afterAll(async () => {
    await app?.stop("SIGKILL");
  });

  it(
    "sees the socket's address, not the X-Forwarded-For or X-Real-IP a client sends",
    async () => {
      const response = await fetch(`${app.url}/r/not-a-real-token`, {
        headers: { "X-Forwarded-For": "203.0.113.5", "X-Real-IP": "203.0.113.6" },
      });
      expect(response.status).toBeLessThan(500);
      expect(await addressesSeenByShareLinks()).toEqual(["127.0.0.1"]);
    },
    BOOT_TIMEOUT_MS,
  );

  it(
    "sends the security headers on a page, an API route and a static asset",
    async () => {
      const page = await fetch(`${app.url}/login`);
      const html = await page.text();
      const asset = /(?:src|href)="(\/_next\/static\/[^"]+)"/.exec(html)?.[1];
      expect(asset, "the sign-in page links a static asset").toBeDefined();
      const responses = [
        page,
        await fetch(`${app.url}/api/health`),
        await fetch(`${app.url}/api/v1/results`),
        await fetch(`${app.url}${asset}`),
      ];
      for (const response of responses) {
        expect(response.ok || response.status === 401, response.url).toBe(true);
        expect(response.headers.get("x-content-type-options"), response.url).toBe("nosniff");
        expect(response.headers.get("x-frame-options"), response.url).toBe("DENY");
        expect(response.headers.get("referrer-policy"), response.url).toBe("same-origin");
      }
    },
    BOOT_TIMEOUT_MS,
  );

  it(
    "answers webhook deliveries itself, with the headers, request id and metrics Next's answers get",
    async () => {
      // The bundle registers the route at boot, which Next runs without holding the port back.
      await until(() =>
        /Answered by this server without Next's request handling: POST \/api\/webhooks\/<provider>/.test(app.output()),
      );
      const body = fixtureText("testlify-enrolled.json");
      const delivered = await postDelivery(app.url, body, "msg_app_server_direct");
      expect(delivered.status).toBe(200);
      expect(await delivered.json()).toEqual({ status: "accepted", deliveryId: "msg_app_server_direct" });
      // Answered without Next: none of the Vary values Next puts on every answer of its own.
      expect(delivered.headers.get("vary")).toBeNull();

      const fromNext = await fetch(`${app.url}/api/health`);
      expect(fromNext.headers.get("vary")).toMatch(/rsc/);
      for (const name of FIXED_HEADERS) {
        expect(delivered.headers.get(name), name).toBe(fromNext.headers.get(name));
        expect(delivered.headers.get(name), name).not.toBeNull();
      }
      const withoutNonce = (policy: string | null) => policy?.replace(/'nonce-[^']+'/, "'nonce-…'");
      expect(withoutNonce(delivered.headers.get("content-security-policy"))).toBe(
        withoutNonce(fromNext.headers.get("content-security-policy")),
      );
      expect(delivered.headers.get("strict-transport-security")).toBe(
        fromNext.headers.get("strict-transport-security"),
      );
      const ids = [delivered.headers.get("x-request-id"), fromNext.headers.get("x-request-id")];
      for (const id of ids) expect(id).toMatch(REQUEST_ID);
      expect(ids[0]).not.toBe(ids[1]);

      // Stored before the answer, applied after it, by the applier boot started.
      await until(async () => {
        const stored = await database.delivery.findFirst({ where: { externalId: "msg_app_server_direct" } });
        return stored?.status === "processed";
      });

      const metrics = await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(await metrics.text()).toMatch(
        /assessment_hub_http_request_duration_seconds_count\{route="\/api\/webhooks\/\[provider\]",method="POST",status="200"\} [1-9]/,
      );
    },
    BOOT_TIMEOUT_MS,
  );

  it(
    "refuses a webhook body over 1 MiB with 413 and stores nothing",
    async () => {
      const before = await database.delivery.count();
      const refused = await postDelivery(app.url, JSON.stringify({ padding: "x".repeat(1024 * 1024) }));
      expect(refused.status).toBe(413);
      expect(await refused.json()).toEqual({ error: "body too large: the limit is 1 MiB" });
      expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await database.delivery.count()).toBe(before);
    },
    BOOT_TIMEOUT_MS,
  );
});

describe("npm start behind one proxy (TRUSTED_PROXY_HOPS=1)", () => {
  let app: AppProcess;

  beforeAll(async () => {
    await database.rateLimitBucket.deleteMany();
    app = await startAppProcess({ DATABASE_URL: databaseUrl, TRUSTED_PROXY_HOPS: "1", POLLER_ENABLED: "false" });
  }, BOOT_TIMEOUT_MS);

  afterAll(async () => {
    await app?.stop("SIGKILL");
  });

  it(
    "takes the last X-Forwarded-For entry: the one the proxy appended",
    async () => {
      await fetch(`${app.url}/r/not-a-real-token`, {
        headers: { "X-Forwarded-For": "203.0.113.5, 198.51.100.7", "X-Real-IP": "203.0.113.6" },
      });
      expect(await addressesSeenByShareLinks()).toEqual(["198.51.100.7"]);
    },
    BOOT_TIMEOUT_MS,
  );

  it(
    "keeps the X-Request-Id the proxy set, on a webhook answer the server gives itself as on Next's",
    async () => {
      const headers = { "X-Request-Id": "proxy-request-0001", "X-Forwarded-For": "198.51.100.7" };
      const webhook = await fetch(`${app.url}/api/webhooks/testlify`, { method: "POST", headers, body: "{}" });
      // No secret is configured in this instance: the endpoint says so, and the id still holds.
      expect(webhook.status).toBe(503);
      expect(webhook.headers.get("x-request-id")).toBe("proxy-request-0001");
      const health = await fetch(`${app.url}/api/health`, { headers });
      expect(health.headers.get("x-request-id")).toBe("proxy-request-0001");
    },
    BOOT_TIMEOUT_MS,
  );
});
