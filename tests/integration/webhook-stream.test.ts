// The demo's webhook stream over real HTTP, compressed in time: late, repeated, out-of-order
// and unknown deliveries from both providers, sent concurrently. Every candidate ends in the
// state their last step says, nothing is stored twice, and only the unknown ones are kept
// unprocessed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { handleWebhook } from "@/lib/server/ingestion/webhooks/handle-webhook";
import { assessmentEngineProvider } from "@/lib/server/providers/assessment-engine/provider";
import { testlifyProvider } from "@/lib/server/providers/testlify/provider";
import { withSecret } from "@/lib/server/providers/descriptor";
import { planStream } from "../../emulators/webhook-sender/plan";
import { WebhookSender } from "../../emulators/webhook-sender/sender";
import { describeEachDatabase } from "../support/databases";

const secrets = {
  testlify: `whsec_${Buffer.from("stream test testlify secret").toString("base64")}`,
  engine: `whsec_${Buffer.from("stream test engine secret").toString("base64")}`,
};

describeEachDatabase("webhook emulator stream end to end", (getDb) => {
  let server: Server;
  let appUrl = "";
  const processing: Promise<unknown>[] = [];

  beforeAll(async () => {
    server = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", async () => {
        const request = new Request(`${appUrl}${incoming.url}`, {
          method: "POST",
          headers: incoming.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        });
        const endpoint = incoming.url?.startsWith("/api/webhooks/testlify")
          ? withSecret(testlifyProvider.webhook, secrets.testlify)
          : withSecret(assessmentEngineProvider.webhook, secrets.engine);
        const response = await handleWebhook(request, endpoint, getDb(), (task) => void processing.push(task()));
        outgoing.writeHead(response.status, { "content-type": "application/json" });
        outgoing.end(await response.text());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("ends every candidate where their last step says, with nothing lost or doubled", async () => {
    const db = getDb();
    const plan = planStream({
      seed: 7,
      startedAt: Date.now(),
      history: 12,
      live: 12,
      liveSpreadMs: 1_500,
      stepMs: 120,
      chaos: { lateRate: 0.2, duplicateRate: 0.2, unknownRate: 0.15, maxLateMs: 400 },
    });
    const problems: string[] = [];
    const sender = new WebhookSender(appUrl, secrets, (problem) => problems.push(problem));
    sender.start(plan.deliveries);
    await sender.finished();
    await Promise.all(processing);

    expect(problems).toEqual([]);
    const distinct = new Set(plan.deliveries.map((delivery) => delivery.body)).size;
    expect(await db.delivery.count()).toBe(distinct);
    expect(sender.stats.duplicate).toBe(plan.deliveries.filter((delivery) => delivery.duplicate).length);
    const unknown = plan.deliveries.filter((delivery) => delivery.unknown).length;
    expect(await db.delivery.count({ where: { status: "unrecognised" } })).toBe(unknown);
    expect(await db.delivery.count({ where: { status: { in: ["pending", "failed"] } } })).toBe(0);

    for (const journey of plan.journeys) {
      const attempt = await db.attempt.findFirst({
        where: {
          provider: journey.provider,
          candidate: { email: journey.email },
          assessment: { externalId: journey.assessmentId },
        },
        select: { status: true },
      });
      expect({ email: journey.email, status: attempt?.status }).toEqual({
        email: journey.email,
        status: journey.finalStatus,
      });
    }
    // Testlify candidates belong to their assessment's job, named only in the assessment events.
    const testlifyAttempts = await db.attempt.findMany({ where: { provider: "testlify" }, select: { jobId: true } });
    expect(testlifyAttempts.every((attempt) => attempt.jobId !== null)).toBe(true);
  });
});
