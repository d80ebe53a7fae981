import { describe, expect, it } from "vitest";
import { buildFunnels } from "./funnel";
import { durationBinLabel, medianBin, scoreBinLabel } from "./score-bins";
import { weekStart, weeksEndingWith } from "./weeks";

describe("weeks", () => {
  it("start on Monday 00:00 UTC, a Sunday night belonging to the week before", () => {
    expect(weekStart(new Date("2026-03-18T15:00:00Z")).toISOString()).toBe("2026-03-16T00:00:00.000Z");
    expect(weekStart(new Date("2026-03-16T00:00:00Z")).toISOString()).toBe("2026-03-16T00:00:00.000Z");
    expect(weekStart(new Date("2026-03-15T23:59:59Z")).toISOString()).toBe("2026-03-09T00:00:00.000Z");
  });

  it("lists consecutive weeks, oldest first, ending with the given one", () => {
    const weeks = weeksEndingWith(new Date("2026-01-07T12:00:00Z"), 3).map((week) => week.toISOString().slice(0, 10));
    expect(weeks).toEqual(["2025-12-22", "2025-12-29", "2026-01-05"]);
  });
});

describe("bins", () => {
  it("name score bins in percent, the top one holding a full score", () => {
    expect(scoreBinLabel(0)).toBe("0–9%");
    expect(scoreBinLabel(9)).toBe("90–100%");
    expect(durationBinLabel(0)).toBe("under 15 min");
    expect(durationBinLabel(6)).toBe("120 min or more");
  });

  it("find the bin where half the counts are reached", () => {
    expect(medianBin([0, 0, 0])).toBeNull();
    expect(medianBin([1, 1, 2])).toBe(1);
    expect(medianBin([0, 3, 1, 1])).toBe(1);
    expect(medianBin([1, 0, 0, 5])).toBe(3);
  });
});

describe("buildFunnels", () => {
  it("counts each stage from current statuses, with stages a provider never reports left null", () => {
    const funnels = buildFunnels([
      { provider: "testlify", status: "invited", passed: null, integrityFlagged: false, count: 5 },
      { provider: "testlify", status: "in_progress", passed: null, integrityFlagged: false, count: 2 },
      { provider: "testlify", status: "completed", passed: null, integrityFlagged: true, count: 3 },
      { provider: "testlify", status: "expired", passed: null, integrityFlagged: false, count: 1 },
      { provider: "smartai", status: "completed", passed: true, integrityFlagged: false, count: 4 },
      { provider: "smartai", status: "timeout", passed: false, integrityFlagged: true, count: 1 },
    ]);
    expect(funnels).toEqual([
      { provider: "smartai", stages: { invited: null, started: null, completed: 5, passed: 4 }, sat: 5, flagged: 1 },
      { provider: "testlify", stages: { invited: 11, started: 5, completed: 3, passed: null }, sat: 3, flagged: 3 },
    ]);
  });
});
