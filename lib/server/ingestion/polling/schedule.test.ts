import { describe, expect, it } from "vitest";
import { MIN_CYCLE_SPACING_MS, nextCycleAt, type ScheduleInput } from "./schedule";

const base: ScheduleInput = {
  now: 1_000_000,
  lastStartedAt: 1_000_000,
  intervalMs: 30_000,
  requested: false,
  consecutiveFailures: 0,
  rateLimitedUntil: null,
};

describe("nextCycleAt", () => {
  it("starts at once when no cycle ever ran", () => {
    expect(nextCycleAt({ ...base, lastStartedAt: null })).toBe(base.now);
  });

  it("runs one interval after the previous cycle began", () => {
    expect(nextCycleAt(base)).toBe(base.now + 30_000);
  });

  it("runs a requested sync at once, but never within 5 s of the previous start", () => {
    expect(nextCycleAt({ ...base, requested: true })).toBe(base.now + MIN_CYCLE_SPACING_MS);
    expect(nextCycleAt({ ...base, requested: true, now: base.now + 60_000 })).toBe(base.now + MIN_CYCLE_SPACING_MS);
  });

  it("keeps 5 s spacing even with an interval below it", () => {
    expect(nextCycleAt({ ...base, intervalMs: 1_000 })).toBe(base.now + MIN_CYCLE_SPACING_MS);
  });

  it("doubles the wait after each failed cycle, up to five minutes", () => {
    expect(nextCycleAt({ ...base, consecutiveFailures: 1 })).toBe(base.now + 60_000);
    expect(nextCycleAt({ ...base, consecutiveFailures: 2 })).toBe(base.now + 120_000);
    expect(nextCycleAt({ ...base, consecutiveFailures: 9 })).toBe(base.now + 300_000);
  });

  it("never calls before a rate limit ends, even when asked to sync now", () => {
    const rateLimitedUntil = base.now + 90_000;
    expect(nextCycleAt({ ...base, rateLimitedUntil })).toBe(rateLimitedUntil);
    expect(nextCycleAt({ ...base, requested: true, rateLimitedUntil })).toBe(rateLimitedUntil);
  });
});
