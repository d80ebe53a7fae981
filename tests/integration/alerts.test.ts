// Alerts (issue 14 item 5): each condition raised once across instances, with one post to
// ALERT_WEBHOOK_URL, shown in the admin banner's data, and resolved (posted again) once it recovers.
import { beforeEach, expect, it } from "vitest";
import { parseSettings, type Settings } from "@/lib/config/settings";
import { raisedAlerts } from "@/lib/server/alerts/alert-state";
import { evaluateAlerts } from "@/lib/server/alerts/evaluator";
import { countDeliveries } from "@/lib/server/metrics/tallies";
import type { Db } from "@/lib/db/create-client";
import { describeEachDatabase } from "../support/databases";
import { TEST_WEBHOOK_SECRET } from "../support/webhooks";

const settings: Settings = parseSettings({
  NODE_ENV: "test",
  APP_URL: "https://hub.example.com",
  ALERT_WEBHOOK_URL: "https://chat.example.com/hooks/ops",
  TESTLIFY_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
  ASSESSMENT_API_KEY: "key",
  ASSESSMENT_SECRET_KEY: "secret",
  ASSESSMENT_API_URL: "http://127.0.0.1:9",
  ASSESSMENT_POLL_INTERVAL_MS: "30000",
});
const now = new Date("2026-03-02T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MINUTE = 60_000;

function chat() {
  const posts: { url: string; body: { text: string } }[] = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    posts.push({ url: String(url), body: JSON.parse(String(init?.body)) as { text: string } });
    return new Response("ok");
  }) as typeof fetch;
  return { posts, fetchImpl };
}

let serial = 0;
function delivery(overrides: {
  status: string;
  receivedAt?: Date;
  processedAt?: Date | null;
  provider?: string;
  source?: string;
}) {
  serial += 1;
  return {
    provider: overrides.provider ?? "testlify",
    externalId: `alert-test-${serial}`,
    source: overrides.source ?? "webhook",
    body: "{}",
    status: overrides.status,
    receivedAt: overrides.receivedAt ?? overrides.processedAt ?? now,
    processedAt: overrides.processedAt ?? null,
  };
}

describeEachDatabase("alerts", (getDb) => {
  beforeEach(async () => {
    const db = getDb();
    await db.delivery.deleteMany();
    await db.syncRun.deleteMany();
    await db.alert.deleteMany();
    await db.deliveryTally.deleteMany();
  });

  const evaluate = (db: Db, at = now, fetchImpl?: typeof fetch) => evaluateAlerts(db, settings, { now: at, fetchImpl });

  it("raises 'deliveries failing' once across instances after five minutes of failures, and resolves it when one is processed", async () => {
    const db = getDb();
    const { posts, fetchImpl } = chat();
    await db.delivery.createMany({
      data: [
        delivery({ status: "processed", processedAt: ago(20 * MINUTE) }),
        delivery({ status: "failed", processedAt: ago(6 * MINUTE) }),
        delivery({ status: "failed", processedAt: ago(1 * MINUTE) }),
      ],
    });
    // Two instances evaluate at the same moment: one raises, one finds it raised.
    const [first, second] = await Promise.all([evaluate(db, now, fetchImpl), evaluate(db, now, fetchImpl)]);
    expect([...first, ...second]).toEqual([expect.objectContaining({ kind: "raised", key: "deliveries-failing" })]);
    expect(await evaluate(db, now, fetchImpl)).toEqual([]);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ url: "https://chat.example.com/hooks/ops" });
    expect(posts[0]!.body.text).toMatch(/Deliveries have been failing for 6 minutes: 2 failed/);
    expect(await raisedAlerts(db)).toEqual([expect.objectContaining({ key: "deliveries-failing" })]);

    await db.delivery.create({ data: delivery({ status: "processed", processedAt: now }) });
    const later = new Date(now.getTime() + 1_000);
    expect(await evaluate(db, later, fetchImpl)).toEqual([expect.objectContaining({ kind: "resolved" })]);
    expect(posts[1]!.body.text).toMatch(/^:white_check_mark: Resolved: Deliveries have been failing/);
    expect(await raisedAlerts(db)).toEqual([]);
  });

  it("does not raise for failures shorter than five minutes, or a failure followed by successes", async () => {
    const db = getDb();
    await db.delivery.createMany({
      data: [
        delivery({ status: "failed", processedAt: ago(4 * MINUTE) }),
        delivery({ status: "failed", processedAt: ago(30 * MINUTE) }),
        delivery({ status: "processed", processedAt: ago(29 * MINUTE) }),
      ],
    });
    expect(await evaluate(db)).toEqual([]);
  });

  it("raises 'poller stalled' after three poll intervals without a successful cycle, and clears on the next success", async () => {
    const db = getDb();
    const run = (status: string, finishedAt: Date) =>
      db.syncRun.create({
        data: {
          provider: "smartai",
          trigger: "schedule",
          instanceId: "i-1",
          status,
          startedAt: finishedAt,
          finishedAt,
        },
      });
    await run("succeeded", ago(80_000));
    expect(await evaluate(db)).toEqual([]);
    await run("failed", ago(10_000));
    const stalled = await evaluate(db, new Date(now.getTime() + 20_000));
    expect(stalled).toEqual([expect.objectContaining({ kind: "raised", key: "poller-stalled:smartai" })]);
    await run("succeeded", new Date(now.getTime() + 25_000));
    expect(await evaluate(db, new Date(now.getTime() + 30_000))).toEqual([
      expect.objectContaining({ kind: "resolved", key: "poller-stalled:smartai" }),
    ]);
  });

  it("raises 'backlog growing' when more arrives than is applied and the oldest waits five minutes, and clears when it drains", async () => {
    const db = getDb();
    await db.delivery.createMany({
      data: [
        delivery({ status: "pending", receivedAt: ago(7 * MINUTE) }),
        delivery({ status: "pending", receivedAt: ago(3 * MINUTE) }),
        delivery({ status: "processed", receivedAt: ago(4 * MINUTE), processedAt: ago(2 * MINUTE) }),
      ],
    });
    expect(await evaluate(db)).toEqual([expect.objectContaining({ kind: "raised", key: "backlog-growing" })]);
    expect((await raisedAlerts(db))[0]!.message).toMatch(
      /2 deliveries wait \(2 more than ten minutes ago\), the oldest for 7 minutes/,
    );
    await db.delivery.updateMany({ where: { status: "pending" }, data: { status: "processed", processedAt: now } });
    expect(await evaluate(db, new Date(now.getTime() + 1_000))).toEqual([
      expect.objectContaining({ kind: "resolved", key: "backlog-growing" }),
    ]);
  });

  it("raises 'only refusals' for a configured endpoint whose every delivery in the last hour was refused, and clears once one is accepted", async () => {
    const db = getDb();
    countDeliveries("testlify", "refused", 3, ago(10 * MINUTE));
    // The video endpoint has no secret configured: its refusals (503 anyway) raise nothing.
    countDeliveries("video", "refused", 5, ago(10 * MINUTE));
    expect(await evaluate(db)).toEqual([expect.objectContaining({ kind: "raised", key: "webhook-refusals:testlify" })]);
    expect((await raisedAlerts(db))[0]!.message).toMatch(/Testlify's webhook endpoint refused all 3 deliveries/);

    await db.delivery.create({ data: delivery({ status: "processed", receivedAt: now, processedAt: now }) });
    expect(await evaluate(db, new Date(now.getTime() + 1_000))).toEqual([
      expect.objectContaining({ kind: "resolved", key: "webhook-refusals:testlify" }),
    ]);
  });

  it("does not call one or two refusals an endpoint refusing everything, nor refusals among accepted deliveries", async () => {
    const db = getDb();
    countDeliveries("testlify", "refused", 2, ago(MINUTE));
    expect(await evaluate(db)).toEqual([]);
    countDeliveries("testlify", "refused", 5, ago(MINUTE));
    await db.delivery.create({
      data: delivery({ status: "processed", receivedAt: ago(30 * MINUTE), processedAt: ago(30 * MINUTE) }),
    });
    expect(await evaluate(db)).toEqual([]);
  });
});
