import { beforeEach, expect, it } from "vitest";
import { inboxBacklog } from "@/lib/server/ingestion-status/backlog";
import { describeEachDatabase } from "../support/databases";

const NOW = new Date("2026-06-09T10:00:00.000Z");
const secondsBefore = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describeEachDatabase("inbox backlog", (getDb) => {
  beforeEach(async () => {
    await getDb().attemptChange.deleteMany();
    await getDb().delivery.deleteMany();
  });

  async function delivery(id: string, data: { status: string; receivedAt: Date; processedAt?: Date }) {
    await getDb().delivery.create({
      data: { provider: "testlify", externalId: id, source: "webhook", body: "{}", ...data },
    });
  }

  it("is empty when nothing was stored", async () => {
    expect(await inboxBacklog(getDb(), NOW)).toEqual({
      pending: 0,
      oldestPendingAgeSeconds: null,
      appliedLastMinute: 0,
    });
  });

  it("counts pending deliveries, ages the oldest, and counts applies finished in the last minute", async () => {
    await delivery("p1", { status: "pending", receivedAt: secondsBefore(95) });
    await delivery("p2", { status: "pending", receivedAt: secondsBefore(3) });
    await delivery("done-now", { status: "processed", receivedAt: secondsBefore(30), processedAt: secondsBefore(20) });
    await delivery("failed-now", { status: "failed", receivedAt: secondsBefore(30), processedAt: secondsBefore(59) });
    await delivery("done-earlier", {
      status: "processed",
      receivedAt: secondsBefore(300),
      processedAt: secondsBefore(61),
    });
    expect(await inboxBacklog(getDb(), NOW)).toEqual({
      pending: 2,
      oldestPendingAgeSeconds: 95,
      appliedLastMinute: 2,
    });
  });
});
