import { describe, expect, it } from "vitest";
import { formatDuration, formatScore, safeHttpUrl, statusLabel } from "./format";

describe("recruiter page formatting", () => {
  it("shows scores against their scale", () => {
    expect(formatScore(78, 100)).toBe("78 / 100");
    expect(formatScore(7.5, 10)).toBe("7.5 / 10");
    expect(formatScore(null, 100)).toBe("—");
    expect(formatScore(32, null)).toBe("32");
  });

  it("shows durations in minutes and hours", () => {
    expect(formatDuration(45 * 60)).toBe("45 min");
    expect(formatDuration(95 * 60)).toBe("1 h 35 min");
    expect(formatDuration(20)).toBe("20 s");
    expect(formatDuration(null)).toBe("—");
  });

  it("labels statuses", () => {
    expect(statusLabel("in_progress")).toBe("In progress");
  });

  it("keeps only http(s) links from providers", () => {
    expect(safeHttpUrl("https://platform.smartai.app/recordings/evt.mp4")).toBe(
      "https://platform.smartai.app/recordings/evt.mp4",
    );
    expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
    expect(safeHttpUrl("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(safeHttpUrl("not a url")).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});
