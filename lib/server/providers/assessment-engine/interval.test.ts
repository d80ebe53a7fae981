import { describe, expect, it } from "vitest";
import { intervalToSeconds } from "./interval";

describe("PostgreSQL interval text → seconds", () => {
  it.each([
    ["00:00:00", 0],
    ["00:45:10", 2_710],
    ["01:02:03.6", 3_724],
    ["49:00:00", 176_400],
    ["1 day 02:00:00", 93_600],
    ["2 days", 172_800],
    ["3 days 04:05:06", 273_906],
    ["1 mon 00:00:01", 2_592_001],
    ["1 year", 31_557_600],
    ["-00:01:00", -60],
    ["1 day -02:00:00", 79_200],
    ["@ 1 day 2 hours 3 mins 4.5 secs", 93_785],
    ["@ 5 mins ago", -300],
    ["P1DT2H", 93_600],
    ["PT45M10S", 2_710],
    ["P0D", 0],
  ])("%s → %i", (text, seconds) => {
    expect(intervalToSeconds(text)).toBe(seconds);
  });

  it.each([null, undefined, "", "soon", "12", "1 fortnight", "P", "PT", "10:xx:00", "1 day and 2 hours"])(
    "%s is not an interval",
    (text) => {
      expect(intervalToSeconds(text)).toBeNull();
    },
  );
});
