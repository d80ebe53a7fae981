// GET /api/metrics (docs/contract.md §5, issue 14 item 4): who may scrape, and figures read from the
// database, so they are what every instance would answer. Deliveries reach the inbox the way
// providers send them (signed webhooks, redelivered, wrongly signed) and through the applier.
import { expect, it } from "vitest";
import { parseSettings, type Settings } from "@/lib/config/settings";
import { metricsResponse } from "@/lib/server/metrics/metrics-response";
import { receiveWebhook } from "@/lib/server/ingestion/webhooks/receive-webhook";
import { observeHttpRequest } from "@/lib/observability/http-metrics";
import { describeEachDatabase } from "../support/databases";
import { fixtureText } from "../support/fixtures";
import { TEST_WEBHOOK_SECRET, awaitableScheduler, signedRequest } from "../support/webhooks";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
const settings: Settings = parseSettings({
  NODE_ENV: "test",
  METRICS_TOKEN,
  TESTLIFY_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
  ASSESSMENT_API_KEY: "key",
  ASSESSMENT_SECRET_KEY: "secret",
  ASSESSMENT_API_URL: "http://127.0.0.1:9",
});
const TESTLIFY_URL = "http://hub.test/api/webhooks/testlify";

function scrape(authorization: string | null, overrides: Partial<Settings> = {}) {
  const headers = authorization === null ? undefined : { authorization };
  return (db: Parameters<typeof metricsResponse>[2]) =>
    metricsResponse(new Request("http://hub.test/api/metrics", { headers }), { ...settings, ...overrides }, db);
}

/** `name{labels} value` lines of Prometheus text, as a map. */
function samples(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const cut = line.lastIndexOf(" ");
    found.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return found;
}

describeEachDatabase("GET /api/metrics", (getDb) => {
  it("is not there without METRICS_TOKEN, and refuses a missing, wrong or differently long bearer", async () => {
    const db = getDb();
    expect((await scrape(`Bearer ${METRICS_TOKEN}`, { METRICS_TOKEN: undefined })(db)).status).toBe(404);
    for (const authorization of [
      null,
      "Bearer wrong",
      `Bearer ${METRICS_TOKEN}x`,
      `Basic ${METRICS_TOKEN}`,
      METRICS_TOKEN,
    ]) {
      const response = await scrape(authorization)(db);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain(METRICS_TOKEN);
    }
    const allowed = await scrape(`Bearer ${METRICS_TOKEN}`)(db);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  });

  it("counts deliveries by provider and outcome: processed, failed, unrecognised, duplicate and refused", async () => {
    const db = getDb();
    const scheduler = awaitableScheduler();
    const send = (request: Request) => receiveWebhook(request, "testlify", settings, db, scheduler.schedule);
    const body = fixtureText("testlify-completed.json");
    expect((await send(signedRequest(TESTLIFY_URL, body, { id: "msg_metrics_1" }))).status).toBe(200);
    expect((await send(signedRequest(TESTLIFY_URL, body, { id: "msg_metrics_1" }))).status).toBe(200);
    expect((await send(signedRequest(TESTLIFY_URL, body, { id: "msg_metrics_1" }))).status).toBe(200);
    const wrongSecret = `whsec_${Buffer.from("not-the-configured-secret").toString("base64")}`;
    expect((await send(signedRequest(TESTLIFY_URL, body, { secret: wrongSecret }))).status).toBe(401);
    expect((await send(signedRequest(TESTLIFY_URL, '{"event":"candidate.unheard_of"}'))).status).toBe(202);
    await scheduler.settled();
    await db.delivery.create({
      data: { provider: "smartai", externalId: "evt-broken", source: "poll", body: "{}", status: "failed" },
    });

    const metrics = samples(await (await scrape(`Bearer ${METRICS_TOKEN}`)(db)).text());
    expect(metrics.get('assessment_hub_deliveries_total{provider="testlify",outcome="processed"}')).toBe(1);
    expect(metrics.get('assessment_hub_deliveries_total{provider="testlify",outcome="duplicate"}')).toBe(2);
    expect(metrics.get('assessment_hub_deliveries_total{provider="testlify",outcome="refused"}')).toBe(1);
    expect(metrics.get('assessment_hub_deliveries_total{provider="testlify",outcome="unrecognised"}')).toBe(1);
    expect(metrics.get('assessment_hub_deliveries_total{provider="smartai",outcome="failed"}')).toBe(1);
  });

  it("reports the inbox backlog, the oldest pending delivery's age, and the poller's last success", async () => {
    const db = getDb();
    const oldest = new Date(Date.now() - 120_000);
    await db.delivery.createMany({
      data: [
        { provider: "smartai", externalId: "evt-waiting-1", source: "poll", body: "{}", receivedAt: oldest },
        { provider: "smartai", externalId: "evt-waiting-2", source: "poll", body: "{}" },
      ],
    });
    const finishedAt = new Date("2026-03-01T10:00:05Z");
    await db.syncRun.create({
      data: {
        provider: "smartai",
        trigger: "schedule",
        instanceId: "i-1",
        status: "succeeded",
        startedAt: new Date("2026-03-01T10:00:00Z"),
        finishedAt,
      },
    });
    await db.syncRun.create({
      data: { provider: "smartai", trigger: "schedule", instanceId: "i-1", status: "failed", finishedAt: new Date() },
    });

    const metrics = samples(await (await scrape(`Bearer ${METRICS_TOKEN}`)(db)).text());
    expect(metrics.get("assessment_hub_inbox_pending")).toBe(2);
    expect(metrics.get("assessment_hub_apply_lag_seconds")).toBeGreaterThanOrEqual(120);
    expect(metrics.get('assessment_hub_poller_last_success_timestamp_seconds{provider="smartai"}')).toBe(
      finishedAt.getTime() / 1000,
    );
    await db.delivery.deleteMany({ where: { status: "pending" } });
    const drained = samples(await (await scrape(`Bearer ${METRICS_TOKEN}`)(db)).text());
    expect(drained.get("assessment_hub_inbox_pending")).toBe(0);
    expect(drained.get("assessment_hub_apply_lag_seconds")).toBe(0);
  });

  it("includes this instance's request durations by route pattern and status", async () => {
    observeHttpRequest({ route: "/jobs/[id]", method: "GET", status: 200 }, 0.042);
    const text = await (await scrape(`Bearer ${METRICS_TOKEN}`)(getDb())).text();
    expect(text).toContain("# TYPE assessment_hub_http_request_duration_seconds histogram");
    expect(
      samples(text).get(
        'assessment_hub_http_request_duration_seconds_count{route="/jobs/[id]",method="GET",status="200"}',
      ),
    ).toBeGreaterThanOrEqual(1);
  });
});
