import { describe, expect, it } from "vitest";
import { afterSignInPath, sameOriginPath } from "./safe-redirect";

const APP = "https://hub.example.com";

/** Where a browser on the app's sign-in page actually lands when it follows `path`. */
function landing(path: string): string {
  return new URL(path, `${APP}/login`).origin;
}

describe("sameOriginPath", () => {
  it.each([
    ["/\\evil.example/x", "backslash read as a slash"],
    ["\\\\evil.example", "two backslashes"],
    ["/\t/evil.example", "tab between the slashes"],
    ["/\n/evil.example", "newline between the slashes"],
    ["\t//evil.example", "leading tab"],
    ["//evil.example/x", "protocol-relative"],
    ["///evil.example", "three slashes"],
    ["http://evil.example/x", "absolute, other host"],
    ["https://evil.example", "absolute, other host over https"],
    ["http://hub.example.com/jobs", "same host, other scheme"],
    ["https://hub.example.com:8443/jobs", "same host, other port"],
    ["https://hub.example.com@evil.example/", "credentials trick"],
    ["http:evil.example", "other scheme without slashes"],
    ["javascript:alert(document.cookie)", "javascript:"],
    ["JavaScript:alert(1)", "javascript: in mixed case"],
    [" javascript:alert(1)", "javascript: after a space"],
    ["java\tscript:alert(1)", "javascript: split by a tab"],
    ["data:text/html,<script>alert(1)</script>", "data:"],
    ["http://[::1", "unparseable"],
  ])("refuses %j (%s)", (target) => {
    expect(sameOriginPath(target, APP)).toBeNull();
  });

  it("refuses the attack from issue 13 once the query string is decoded (%5C → \\)", () => {
    const callbackUrl = new URL(`${APP}/login?callbackUrl=/%5Cevil.example/x`).searchParams.get("callbackUrl");
    expect(callbackUrl).toBe("/\\evil.example/x");
    expect(sameOriginPath(callbackUrl, APP)).toBeNull();
    // What the old check let through: the browser would have left for evil.example.
    expect(landing(callbackUrl!)).toBe("https://evil.example");
  });

  it("refuses encoded slashes that decode to a protocol-relative URL (%2F%2F)", () => {
    const callbackUrl = new URL(`${APP}/login?callbackUrl=%2F%2Fevil.example`).searchParams.get("callbackUrl");
    expect(sameOriginPath(callbackUrl, APP)).toBeNull();
  });

  it("keeps still-encoded slashes and backslashes as a path on the app", () => {
    for (const target of ["/%2F%2Fevil.example", "/%5Cevil.example/x", "/%5C%5Cevil.example"]) {
      const path = sameOriginPath(target, APP);
      expect(path).toBe(target);
      expect(landing(path!)).toBe(APP);
    }
  });

  it("turns a path that normalises to two leading slashes into a path on the app", () => {
    const path = sameOriginPath("/.//evil.example/x", APP);
    expect(path).toBe("/evil.example/x");
    expect(landing(path!)).toBe(APP);
  });

  it.each([
    ["/jobs", "/jobs"],
    ["/jobs/job_1?status=completed&sort=score&dir=desc", "/jobs/job_1?status=completed&sort=score&dir=desc"],
    ["/candidates/c_1#attempt-a_1", "/candidates/c_1#attempt-a_1"],
    ["/settings/events?provider=testlify&q=a%20b", "/settings/events?provider=testlify&q=a%20b"],
    ["jobs", "/jobs"],
    // The app's own scheme without slashes is a relative path, for browsers as for the parser.
    ["https:evil.example", "/evil.example"],
    [`${APP}/jobs?page=2`, "/jobs?page=2"],
  ])("keeps %j on the app as %j", (target, expected) => {
    expect(sameOriginPath(target, APP)).toBe(expected);
  });

  it("returns paths that a browser resolves to the app's own origin", () => {
    for (const target of ["/jobs", "/.//x", "/%5Cx", "jobs?x=//evil.example"]) {
      expect(landing(sameOriginPath(target, APP)!)).toBe(APP);
    }
  });

  it("has nothing to keep when there is no target", () => {
    expect(sameOriginPath(undefined, APP)).toBeNull();
    expect(sameOriginPath(null, APP)).toBeNull();
    expect(sameOriginPath("", APP)).toBeNull();
  });
});

describe("afterSignInPath", () => {
  it("falls back to the jobs list when the target would leave the app", () => {
    expect(afterSignInPath("/\\evil.example/x", APP)).toBe("/jobs");
    expect(afterSignInPath(undefined, APP)).toBe("/jobs");
    expect(afterSignInPath("/settings/users", APP)).toBe("/settings/users");
  });
});
