import { describe, expect, it } from "vitest";
import { isWellFormedRequestId, requestIdFor } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("requestIdFor", () => {
  it("makes a fresh id when no proxy is trusted, whatever the client sends", () => {
    expect(requestIdFor("abcdef12-client-chosen", false)).toMatch(UUID);
    expect(requestIdFor(undefined, false)).toMatch(UUID);
    expect(requestIdFor(undefined, false)).not.toBe(requestIdFor(undefined, false));
  });

  it("takes a trusted proxy's well-formed id, and the last one when several came", () => {
    expect(requestIdFor("lb-7f3a9c21d4", true)).toBe("lb-7f3a9c21d4");
    expect(requestIdFor(["client-forged-1", "lb-7f3a9c21d4"], true)).toBe("lb-7f3a9c21d4");
  });

  it("refuses ids that could forge a log line or a header, or are too short or too long to be ids", () => {
    for (const bad of ['abc"def 12345', "abcdefgh\nlevel=error", "short", "x".repeat(129), "-leading-dash-1", ""]) {
      expect(isWellFormedRequestId(bad)).toBe(false);
      expect(requestIdFor(bad, true)).toMatch(UUID);
    }
  });
});
