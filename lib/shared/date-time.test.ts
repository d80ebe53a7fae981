import { describe, expect, it } from "vitest";
import { formatDateTime, isTimeZone, resolveTimeZone, timeZoneNames, timeZoneSchema } from "./date-time";

describe("formatDateTime", () => {
  const winter = new Date("2026-12-14T00:41:00.000Z");
  const summer = new Date("2026-06-14T00:41:00.000Z");

  it("writes the time in the given zone and names the zone", () => {
    expect(formatDateTime(winter, "Europe/Berlin")).toBe("14 Dec 2026, 01:41 Europe/Berlin");
    expect(formatDateTime(winter, "UTC")).toBe("14 Dec 2026, 00:41 UTC");
    expect(formatDateTime(winter, "Asia/Kolkata")).toBe("14 Dec 2026, 06:11 Asia/Kolkata");
  });

  it("follows daylight saving time: the same UTC clock reads an hour apart in summer and winter", () => {
    expect(formatDateTime(summer, "Europe/Berlin")).toBe("14 Jun 2026, 02:41 Europe/Berlin");
    expect(formatDateTime(winter, "America/New_York")).toBe("13 Dec 2026, 19:41 America/New_York");
    expect(formatDateTime(summer, "America/New_York")).toBe("13 Jun 2026, 20:41 America/New_York");
    // Southern hemisphere: daylight time in December.
    expect(formatDateTime(winter, "Australia/Sydney")).toBe("14 Dec 2026, 11:41 Australia/Sydney");
    expect(formatDateTime(summer, "Australia/Sydney")).toBe("14 Jun 2026, 10:41 Australia/Sydney");
  });

  it("crosses the spring-forward gap without a 24:00 or a repeated hour", () => {
    // Berlin moves from 02:00 CET to 03:00 CEST at 01:00 UTC on 29 March 2026.
    expect(formatDateTime("2026-03-29T00:59:00Z", "Europe/Berlin")).toBe("29 Mar 2026, 01:59 Europe/Berlin");
    expect(formatDateTime("2026-03-29T01:00:00Z", "Europe/Berlin")).toBe("29 Mar 2026, 03:00 Europe/Berlin");
    expect(formatDateTime("2026-03-28T23:30:00Z", "Europe/Berlin")).toBe("29 Mar 2026, 00:30 Europe/Berlin");
  });

  it("falls back to UTC for an unknown, missing or wrongly spelled zone, and says UTC", () => {
    expect(formatDateTime(winter, "Mars/Olympus_Mons")).toBe("14 Dec 2026, 00:41 UTC");
    expect(formatDateTime(winter, null)).toBe("14 Dec 2026, 00:41 UTC");
    expect(formatDateTime(winter, "europe/berlin")).toBe("14 Dec 2026, 00:41 UTC");
  });

  it("leaves the zone out only when asked, and shows a dash for no time", () => {
    expect(formatDateTime(winter, "Europe/Berlin", { zone: false })).toBe("14 Dec 2026, 01:41");
    expect(formatDateTime("2026-12-14T00:41:07.900Z", "Asia/Kolkata", { seconds: true })).toBe(
      "14 Dec 2026, 06:11:07 Asia/Kolkata",
    );
    expect(formatDateTime(null, "Europe/Berlin")).toBe("—");
    expect(formatDateTime("not a date", "Europe/Berlin")).toBe("—");
  });

  it("writes every month with the same fixed name, whatever the runtime's locale data", () => {
    const months = Array.from(
      { length: 12 },
      (_, month) => formatDateTime(new Date(Date.UTC(2026, month, 5, 12)), "UTC").split(" ")[1],
    );
    expect(months).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
  });
});

describe("time zone names", () => {
  it("accepts IANA names and their aliases, refuses anything else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Asia/Calcutta")).toBe(true);
    expect(isTimeZone("Asia/Kolkata")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Not/AZone")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("<script>")).toBe(false);
    expect(resolveTimeZone(undefined)).toBe("UTC");
  });

  it("validates input with a message that says what to send", () => {
    expect(timeZoneSchema.parse(" Europe/Berlin ")).toBe("Europe/Berlin");
    const failed = timeZoneSchema.safeParse("Nowhere/Land");
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toMatch(/Unknown time zone/);
  });

  it("offers UTC first, then every zone the runtime knows, once each", () => {
    const names = timeZoneNames();
    expect(names[0]).toBe("UTC");
    expect(names).toContain("Europe/Berlin");
    expect(new Set(names).size).toBe(names.length);
    expect(names.every(isTimeZone)).toBe(true);
  });
});
