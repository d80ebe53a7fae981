import { expect, it } from "vitest";
import { fixedWindowLimiter } from "@/lib/server/rate-limit/fixed-window";
import { describeEachDatabase } from "../support/databases";

const WINDOW_MS = 60_000;
const windowStart = new Date("2026-03-02T10:00:00Z");
const at = (ms: number) => new Date(windowStart.getTime() + ms);

describeEachDatabase("fixed-window rate limiter", (getDb) => {
  it("allows `limit` requests in a window and refuses the next, with the time to wait", async () => {
    const limiter = fixedWindowLimiter({ scope: "test-window", limit: 3, windowMs: WINDOW_MS });
    const decisions = [];
    for (let index = 0; index < 4; index += 1) decisions.push(await limiter.consume(getDb(), "1.2.3.4", at(15_000)));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((decision) => decision.count)).toEqual([1, 2, 3, 4]);
    expect(decisions[3]?.retryAfterSeconds).toBe(45);
  });

  it("starts counting afresh when the next window begins, and only for that subject", async () => {
    const limiter = fixedWindowLimiter({ scope: "test-reset", limit: 2, windowMs: WINDOW_MS });
    const db = getDb();
    await limiter.consume(db, "a", at(1_000));
    await limiter.consume(db, "a", at(2_000));
    expect((await limiter.consume(db, "a", at(WINDOW_MS - 1))).allowed).toBe(false);
    expect((await limiter.consume(db, "b", at(WINDOW_MS - 1))).allowed).toBe(true);

    const nextWindow = await limiter.consume(db, "a", at(WINDOW_MS));
    expect(nextWindow).toMatchObject({ allowed: true, count: 1, retryAfterSeconds: 60 });
    expect((await limiter.consume(db, "a", at(WINDOW_MS + 10))).count).toBe(2);
  });

  it("peeks without counting, and says no once the window is used up", async () => {
    const db = getDb();
    const limiter = fixedWindowLimiter({ scope: "test-peek", limit: 2, windowMs: WINDOW_MS });
    expect(await limiter.peek(db, "p", at(0))).toMatchObject({ allowed: true, count: 0 });
    await limiter.consume(db, "p", at(0));
    expect(await limiter.peek(db, "p", at(1))).toMatchObject({ allowed: true, count: 1 });
    expect(await limiter.peek(db, "p", at(2))).toMatchObject({ allowed: true, count: 1 });
    await limiter.consume(db, "p", at(3));
    expect(await limiter.peek(db, "p", at(4))).toMatchObject({ allowed: false, count: 2 });
    expect(await limiter.peek(db, "p", at(WINDOW_MS))).toMatchObject({ allowed: true, count: 0 });
  });

  it("keeps scopes apart: a sign-in limit does not spend the share-link allowance", async () => {
    const db = getDb();
    const first = fixedWindowLimiter({ scope: "test-scope-one", limit: 1, windowMs: WINDOW_MS });
    const second = fixedWindowLimiter({ scope: "test-scope-two", limit: 1, windowMs: WINDOW_MS });
    await first.consume(db, "same-ip", at(0));
    expect((await first.consume(db, "same-ip", at(1))).allowed).toBe(false);
    expect((await second.consume(db, "same-ip", at(1))).allowed).toBe(true);
  });

  it("loses no hit when many requests arrive at once (shared by every instance through the database)", async () => {
    const db = getDb();
    const limiter = fixedWindowLimiter({ scope: "test-concurrent", limit: 100, windowMs: WINDOW_MS });
    const decisions = await Promise.all(Array.from({ length: 20 }, () => limiter.consume(db, "burst", at(5_000))));
    expect(decisions.every((decision) => decision.allowed)).toBe(true);
    const bucket = await db.rateLimitBucket.findUniqueOrThrow({ where: { key: "test-concurrent:burst" } });
    expect(bucket.count).toBe(20);
  });

  it("clears finished windows' rows of its own scope once a new window starts", async () => {
    const db = getDb();
    const limiter = fixedWindowLimiter({ scope: "test-sweep", limit: 5, windowMs: WINDOW_MS });
    const other = fixedWindowLimiter({ scope: "test-sweep-other", limit: 5, windowMs: WINDOW_MS });
    await limiter.consume(db, "old-visitor", at(0));
    await other.consume(db, "old-visitor", at(0));
    await limiter.consume(db, "new-visitor", at(3 * WINDOW_MS));
    const keys = (await db.rateLimitBucket.findMany({ where: { key: { startsWith: "test-sweep" } } })).map(
      (row) => row.key,
    );
    expect(keys.sort()).toEqual(["test-sweep-other:old-visitor", "test-sweep:new-visitor"]);
  });
});

it("refuses a limiter that could not work", () => {
  expect(() => fixedWindowLimiter({ scope: "Bad Scope", limit: 1, windowMs: WINDOW_MS })).toThrow(/kebab-case/);
  expect(() => fixedWindowLimiter({ scope: "ok", limit: 0, windowMs: WINDOW_MS })).toThrow(/positive/);
  expect(() => fixedWindowLimiter({ scope: "ok", limit: 1, windowMs: 10 })).toThrow(/between/);
});

describeEachDatabase("fixed-window refund", (getDb) => {
  it("takes back one hit of the current window, never below zero and never an older window's", async () => {
    const db = getDb();
    const limiter = fixedWindowLimiter({ scope: "test-refund", limit: 2, windowMs: WINDOW_MS });
    await limiter.consume(db, "r", at(0));
    await limiter.consume(db, "r", at(1));
    await limiter.refund(db, "r", at(2));
    expect((await limiter.consume(db, "r", at(3))).allowed).toBe(true);
    await limiter.refund(db, "r", at(WINDOW_MS));
    expect((await limiter.consume(db, "r", at(4))).allowed).toBe(false);
    await limiter.refund(db, "fresh", at(0));
    expect(await limiter.peek(db, "fresh", at(0))).toMatchObject({ count: 0 });
  });
});
