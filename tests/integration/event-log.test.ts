// The admin's event log: filters, keyset pages, and replay with per-delivery outcomes.
import { beforeAll, expect, it } from "vitest";
import { eventLogQuerySchema, listDeliveries } from "@/lib/server/event-log/list-deliveries";
import { deliveryDetail } from "@/lib/server/event-log/delivery-detail";
import { replaySelected, replaySelectionSchema } from "@/lib/server/event-log/replay";
import { storeDeliveries } from "@/lib/server/ingestion/inbox";
import { processDelivery } from "@/lib/server/ingestion/process-delivery";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";

const base = Date.parse("2026-03-01T12:00:00Z");

describeEachDatabase("event log", (getDb) => {
  beforeAll(async () => {
    const db = getDb();
    // 60 deliveries a minute apart, from two providers, to three candidates.
    for (let index = 0; index < 60; index += 1) {
      const provider = index % 3 === 0 ? "assessment-engine" : "testlify";
      const stored = await storeDeliveries(db, provider, [
        {
          externalId: `log-${index}`,
          source: "webhook",
          eventType: provider === "testlify" ? "candidate.completed" : "ae.test_instance.updated",
          body: JSON.stringify({ index }),
          candidateEmail: `person${index % 3}@example.com`,
        },
      ]);
      await db.delivery.update({
        where: { id: stored.created[0]!.id },
        data: { receivedAt: new Date(base + index * 60_000), status: index % 10 === 0 ? "failed" : "processed" },
      });
    }
  });

  const list = (params: Record<string, string>, pageSize?: number) =>
    listDeliveries(getDb(), eventLogQuerySchema.parse(params), pageSize);

  it("lists newest first and pages by keyset without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(cursor ? { cursor } : {}, 25);
      seen.push(...page.rows.map((row) => row.externalId));
      cursor = page.nextCursor;
    } while (cursor);
    const ours = seen.filter((id) => id.startsWith("log-"));
    expect(ours).toHaveLength(60);
    expect(new Set(ours).size).toBe(60);
    expect(ours[0]).toBe("log-59");
    expect(ours.at(-1)).toBe("log-0");
  });

  it("filters by provider, status, time range (UTC) and candidate email (any case)", async () => {
    const engine = await list({ provider: "assessment-engine" }, 100);
    expect(engine.rows.every((row) => row.provider === "assessment-engine")).toBe(true);
    expect(engine.rows.filter((row) => row.externalId.startsWith("log-"))).toHaveLength(20);

    // Among the 60 seeded here: other tests store (and fail) deliveries of their own.
    const ours = (rows: { externalId: string }[]) =>
      rows.map((row) => row.externalId).filter((id) => id.startsWith("log-"));
    const failed = await list({ status: "failed" }, 100);
    expect(failed.rows.every((row) => row.status === "failed")).toBe(true);
    expect(ours(failed.rows)).toEqual(["log-50", "log-40", "log-30", "log-20", "log-10", "log-0"]);

    const window = await list({ from: "2026-03-01T12:10", to: "2026-03-01T12:14" }, 100);
    expect(window.rows.map((row) => row.externalId)).toEqual(["log-14", "log-13", "log-12", "log-11", "log-10"]);

    const person = await list({ email: "  Person1@Example.COM " }, 100);
    expect(person.rows).toHaveLength(20);
    expect(person.rows.every((row) => row.candidateEmail === "person1@example.com")).toBe(true);

    const combined = await list({ provider: "testlify", status: "failed", email: "person1@example.com" }, 100);
    expect(ours(combined.rows)).toEqual(["log-40", "log-10"]);
    expect(combined.rows).toHaveLength(2);
  });

  it("ignores a cursor it did not make, and refuses filters it cannot read", async () => {
    expect((await list({ cursor: "not-a-cursor" })).cursorIgnored).toBe(true);
    expect(eventLogQuerySchema.safeParse({ status: "exploded" }).success).toBe(false);
    expect(eventLogQuerySchema.safeParse({ from: "yesterday" }).success).toBe(false);
    expect(eventLogQuerySchema.parse({ provider: "", status: "", email: "" })).toEqual({});
  });

  it("replays failed and unrecognised deliveries, reports each outcome, and leaves processed ones alone", async () => {
    const db = getDb();
    const good = fixture<{ data: Record<string, unknown> }>("testlify-completed.json");
    good.data.email = "replayed@example.com";
    const [fixedLater, stillBroken, done] = await Promise.all(
      ["fixed", "broken", "done"].map(async (name) => {
        const body =
          name === "broken"
            ? JSON.stringify({ type: "candidate", event: "x", data: { candidateStatus: "COMPLETED" } })
            : JSON.stringify({ ...good, tag: name });
        const stored = await storeDeliveries(db, "testlify", [
          { externalId: `replay-${name}`, source: "webhook", eventType: null, body },
        ]);
        return stored.created[0]!.id;
      }),
    );
    await db.delivery.update({
      where: { id: fixedLater! },
      data: { status: "unrecognised", error: "unknown (before the fix)" },
    });
    await processDelivery(db, stillBroken!);
    await processDelivery(db, done!);

    const selection = replaySelectionSchema.parse([fixedLater, stillBroken, done, fixedLater]);
    const result = await replaySelected(db, selection, "admin-user");
    expect(result.replayed).toBe(2);
    expect(result.notReplayable).toBe(1);
    const byId = new Map(result.outcomes.map((outcome) => [outcome.id, outcome]));
    expect(byId.get(fixedLater!)).toMatchObject({ status: "processed", error: null });
    expect(byId.get(stillBroken!)).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/email is missing/),
    });
    expect(await db.attemptChange.count({ where: { deliveryId: done! } })).toBe(1);
  });

  it("refuses an empty or oversized replay selection", () => {
    expect(replaySelectionSchema.safeParse([]).success).toBe(false);
    expect(replaySelectionSchema.safeParse(Array.from({ length: 101 }, (_, index) => `id-${index}`)).success).toBe(
      false,
    );
  });

  it("opens one delivery with its raw body, indented, and what it changed", async () => {
    const db = getDb();
    const body = JSON.stringify({ ...fixture("testlify-completed.json"), timestamp: 1712041931999 });
    const stored = await storeDeliveries(db, "testlify", [
      { externalId: "detail-1", source: "webhook", eventType: null, body },
    ]);
    await processDelivery(db, stored.created[0]!.id);
    const detail = await deliveryDetail(db, stored.created[0]!.id);
    expect(detail?.body).toBe(body);
    expect(detail?.prettyBody).toContain('\n  "type": "candidate"');
    expect(detail?.changes).toHaveLength(1);
    expect(await deliveryDetail(db, "no-such-delivery")).toBeNull();
  });
});
