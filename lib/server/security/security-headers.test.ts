import { describe, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { contentSecurityPolicy, localMediaOrigins, securityHeaders } from "./security-headers";

const SECRET = "a-configured-secret-of-at-least-32-characters";
const production = parseSettings({ NODE_ENV: "production", AUTH_SECRET: SECRET, APP_URL: "https://hub.example.com" });
const demo = parseSettings({
  NODE_ENV: "production",
  DEMO_MODE: "1",
  APP_URL: "http://localhost:3000",
  VIDEO_API_URL: "http://127.0.0.1:4020/v1",
});
const development = parseSettings({ NODE_ENV: "development" });

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("runs scripts only by this request's nonce, never inline or from elsewhere", () => {
    const policy = directives(contentSecurityPolicy(production, "bm9uY2U="));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
  });

  it("loads provider media over https only in production, with no http origin at all", () => {
    const policy = directives(contentSecurityPolicy(production, "n"));
    expect(policy.get("media-src")).toEqual(["'self'", "https:"]);
    expect(policy.get("img-src")).toEqual(["'self'", "https:", "data:", "blob:"]);
    expect(localMediaOrigins(production)).toEqual([]);
  });

  it("adds exactly the demo's own http origins in demo mode, not all of http:", () => {
    expect(localMediaOrigins(demo)).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:4020",
      "http://127.0.0.1:4010",
    ]);
    const media = directives(contentSecurityPolicy(demo, "n")).get("media-src")!;
    expect(media).toContain("http://127.0.0.1:4020");
    expect(media).not.toContain("http:");
    expect(directives(contentSecurityPolicy(demo, "n")).has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only in development, where React needs it for error stacks", () => {
    expect(directives(contentSecurityPolicy(development, "n")).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy(demo, "n")).get("script-src")).not.toContain("'unsafe-eval'");
  });
});

describe("securityHeaders", () => {
  it("sends Strict-Transport-Security only when APP_URL is https", () => {
    expect(securityHeaders(production, "n", "/jobs")["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(securityHeaders(demo, "n", "/jobs")).not.toHaveProperty("Strict-Transport-Security");
  });

  it("leaves the shared report's own, stricter policy alone", () => {
    expect(securityHeaders(production, "n", "/r/abc")).toEqual({ "Strict-Transport-Security": "max-age=31536000" });
    expect(securityHeaders(production, "n", "/reports")).toHaveProperty("Content-Security-Policy");
  });
});
