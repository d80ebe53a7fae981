import { describe, expect, it } from "vitest";
import { safeCssColor } from "./safe-css";

describe("safeCssColor", () => {
  it("keeps three- and six-digit hex colors", () => {
    expect(safeCssColor("#499FF7")).toBe("#499ff7");
    expect(safeCssColor("#abc")).toBe("#abc");
    expect(safeCssColor("  #00ff00 ")).toBe("#00ff00");
  });

  it.each([
    "red;position:fixed;inset:0;background:url(http://127.0.0.1:9/b)",
    "#fff;background:url(http://127.0.0.1:9/b)",
    "#fff\n;x:y",
    "red",
    "rgb(0,0,0)",
    "var(--x)",
    "url(http://127.0.0.1:9/b)",
    "expression(alert(1))",
    "#ggg",
    "#1234",
    "#12345678",
    "",
  ])("refuses %j", (value) => {
    expect(safeCssColor(value)).toBeNull();
  });

  it("has nothing for a missing value", () => {
    expect(safeCssColor(null)).toBeNull();
    expect(safeCssColor(undefined)).toBeNull();
  });
});
