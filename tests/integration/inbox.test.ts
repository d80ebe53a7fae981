import { expect, it } from "vitest";
import { deliveryIdForBody, storeDeliveries } from "@/lib/server/ingestion/inbox";
import { describeEachDatabase } from "../support/databases";

const delivery = (externalId: string, body = `{"id":"${externalId}"}`) => ({
  externalId,
  source: "webhook" as const,
  eventType: "candidate.completed",
  body,
});

describeEachDatabase("storeDeliveries", (getDb) => {
  it("stores a batch once and reports redeliveries as duplicates", async () => {
    const first = await storeDeliveries(getDb(), "testlify", [delivery("a"), delivery("b")]);
    expect(first.created.map((row) => row.externalId)).toEqual(["a", "b"]);
    const again = await storeDeliveries(getDb(), "testlify", [delivery("b"), delivery("c"), delivery("c")]);
    expect(again.created.map((row) => row.externalId)).toEqual(["c"]);
    expect(again.duplicates).toEqual(["b", "c"]);
    expect(await getDb().delivery.count({ where: { provider: "testlify", externalId: { in: ["a", "b", "c"] } } })).toBe(
      3,
    );
  });

  it("keeps the raw body exactly as received", async () => {
    const body = '{ "odd":   "spacing", "html": "<script>alert(1)</script>" }';
    await storeDeliveries(getDb(), "testlify", [delivery("raw", body)]);
    expect((await getDb().delivery.findFirstOrThrow({ where: { externalId: "raw" } })).body).toBe(body);
  });

  it("keeps headers, the provider's time and the candidate's email (lower-cased)", async () => {
    const providerTimestamp = new Date("2026-06-09T10:31:00.123Z");
    const [stored] = (
      await storeDeliveries(getDb(), "testlify", [
        {
          ...delivery("with-headers"),
          headers: { "webhook-id": "msg_1" },
          providerTimestamp,
          candidateEmail: "Priya@Example.com",
        },
      ])
    ).created;
    expect(await getDb().delivery.findUniqueOrThrow({ where: { id: stored!.id } })).toMatchObject({
      headers: { "webhook-id": "msg_1" },
      providerTimestamp,
      candidateEmail: "priya@example.com",
      status: "pending",
      attempts: 0,
    });
  });

  it("stores a large batch in one call", async () => {
    const batch = Array.from({ length: 1_234 }, (_, index) => delivery(`bulk-${index}`));
    const result = await storeDeliveries(getDb(), "smartai", batch);
    expect(result.created).toHaveLength(1_234);
    expect(result.created[1_233]?.externalId).toBe("bulk-1233");
    expect(await getDb().delivery.count({ where: { provider: "smartai" } })).toBe(1_234);
  });

  it("scopes delivery ids per provider", async () => {
    await storeDeliveries(getDb(), "testlify", [delivery("same-id")]);
    const result = await storeDeliveries(getDb(), "assessment-engine", [delivery("same-id")]);
    expect(result.created).toHaveLength(1);
  });

  it("survives concurrent redeliveries of the same id: one row, the rest duplicates", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => storeDeliveries(getDb(), "video", [delivery("race")])),
    );
    expect(results.flatMap((result) => result.created)).toHaveLength(1);
    expect(await getDb().delivery.count({ where: { provider: "video", externalId: "race" } })).toBe(1);
  });
});

it("derives the same id for identical bodies and different ids otherwise", () => {
  expect(deliveryIdForBody('{"a":1}')).toBe(deliveryIdForBody('{"a":1}'));
  expect(deliveryIdForBody('{"a":1}')).not.toBe(deliveryIdForBody('{"a":2}'));
});
