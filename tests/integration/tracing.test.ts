// Traces (issue 14 item 6): with a collector configured, a webhook delivery, an apply batch and
// a poll cycle each arrive as spans at a local OTLP/HTTP endpoint, decoded from the JSON the
// exporter sends; the batches a cycle or a delivery applies are children of it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { receiveWebhook } from "@/lib/server/ingestion/webhooks/receive-webhook";
import { registerTracing, SERVICE_NAME, type Tracing } from "@/lib/observability/tracing";
import { describeEachDatabase } from "../support/databases";
import { fixtureText } from "../support/fixtures";
import { FakeClock, resetSyncTables, testPoller, withSmartAiEmulator, type SmartAiEmulator } from "../support/smartai";
import { TEST_WEBHOOK_SECRET, awaitableScheduler, signedRequest } from "../support/webhooks";

interface ExportedSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

let collector: Server;
let tracing: Tracing;
const received: { path: string; contentType: string | undefined; service: unknown; spans: ExportedSpan[] }[] = [];

beforeAll(async () => {
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: ExportedSpan[] }[];
        }[];
      };
      for (const resourceSpans of body.resourceSpans) {
        received.push({
          path: request.url ?? "",
          contentType: request.headers["content-type"],
          service: resourceSpans.resource.attributes.find((attribute) => attribute.key === "service.name")?.value
            .stringValue,
          spans: resourceSpans.scopeSpans.flatMap((scope) => scope.spans),
        });
      }
      response.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  tracing = registerTracing(`http://127.0.0.1:${(collector.address() as AddressInfo).port}/`);
});

afterAll(async () => {
  await tracing?.shutdown();
  await new Promise((resolve) => collector?.close(resolve));
});

let emulator: SmartAiEmulator;
withSmartAiEmulator({ seed: 41 }, (started) => (emulator = started));

async function exportedSpans(): Promise<ExportedSpan[]> {
  await tracing.flush();
  return received.flatMap((batch) => batch.spans);
}

const attribute = (span: ExportedSpan, key: string) => {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

describeEachDatabase("traces", (getDb) => {
  it("exports a webhook delivery and the apply batch that stored it, as OTLP/HTTP JSON to <endpoint>/v1/traces", async () => {
    received.length = 0;
    const settings = parseSettings({ NODE_ENV: "test", TESTLIFY_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET });
    const scheduler = awaitableScheduler();
    const request = signedRequest("http://hub.test/api/webhooks/testlify", fixtureText("testlify-completed.json"));
    const response = await receiveWebhook(request, "testlify", settings, getDb(), scheduler.schedule);
    expect(response.status).toBe(200);
    await scheduler.settled();

    const spans = await exportedSpans();
    expect(received[0]).toMatchObject({ path: "/v1/traces", contentType: "application/json", service: SERVICE_NAME });
    const delivery = spans.find((span) => span.name === "webhook delivery");
    expect(delivery).toBeDefined();
    expect(attribute(delivery!, "assessment_hub.provider")).toBe("testlify");
    expect(attribute(delivery!, "http.response.status_code")).toBe(200);
    const batch = spans.find((span) => span.name === "apply batch");
    expect(batch).toBeDefined();
    expect(attribute(batch!, "assessment_hub.batch_size")).toBe(1);
    // The batch stores and applies every delivery that arrived with this one: it is not hung
    // under the request that happened to start it.
    expect(batch!.traceId).not.toBe(delivery!.traceId);
  });

  it("exports a poll cycle, with the apply batches it ran as its children", async () => {
    received.length = 0;
    const db = getDb();
    await resetSyncTables(db);
    emulator.preload(3);
    const poller = testPoller(db, emulator, { clock: new FakeClock(), intervalMs: 30_000 });
    const tick = await poller.tick();
    await poller.stop();
    expect(tick.cycle).toMatchObject({ error: null, counters: { stored: 3 } });

    const spans = await exportedSpans();
    const cycle = spans.find((span) => span.name === "poll cycle");
    expect(cycle).toBeDefined();
    expect(attribute(cycle!, "assessment_hub.provider")).toBe("smartai");
    expect(attribute(cycle!, "assessment_hub.sync_run_id")).toBe(tick.cycle!.runId);
    const batches = spans.filter((span) => span.name === "apply batch" && span.parentSpanId === cycle!.spanId);
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches.every((batch) => batch.traceId === cycle!.traceId)).toBe(true);
  });
});
