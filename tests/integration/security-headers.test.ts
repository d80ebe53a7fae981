// The headers as the running app sends them: proxy.ts called as Next calls it, the shared
// report's handler, which sends its own policy, and what the app's own server puts on the
// webhook answers it gives without Next (lib/http/server.ts).
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearDirectRoutes, directRouteFor } from "@/lib/http/direct-routes";
import FIXED_SECURITY_HEADERS from "@/lib/http/fixed-security-headers.json";
import { serveWebhooksDirectly } from "@/lib/server/ingestion/webhooks/direct-intake";
import { serveSharedReport } from "@/lib/server/share/serve-shared-report";
import { createTestDatabase, type TestDatabase } from "../support/databases";

process.env.APP_URL = "https://hub.example.com";
process.env.AUTH_SECRET ??= "security-headers-test-secret-0123456789abcdef";

const { proxy, config } = await import("@/proxy");

function through(path: string) {
  return proxy(new NextRequest(`https://hub.example.com${path}`));
}

function scriptSources(policy: string | null): string[] {
  const directive = policy?.split(";").find((part) => part.trim().startsWith("script-src "));
  return directive?.trim().split(/\s+/).slice(1) ?? [];
}

describe("security headers", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
  });
  afterAll(async () => {
    await database.drop();
  });

  it.each([
    "/jobs",
    "/candidates/c_1",
    "/settings/users",
    "/login?callbackUrl=%2Fjobs",
    "/api/v1/results",
    "/api/health",
  ])("%s gets a nonce-based policy and HSTS", (path) => {
    const response = through(path);
    const policy = response.headers.get("content-security-policy");
    const sources = scriptSources(policy);
    expect(sources).toContain("'strict-dynamic'");
    expect(sources.filter((source) => source.startsWith("'nonce-"))).toHaveLength(1);
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  it("hands the same policy to Next as a request header, so Next puts the nonce on its own scripts", () => {
    const response = through("/jobs");
    const policy = response.headers.get("content-security-policy");
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    const nonce = response.headers.get("x-middleware-request-x-nonce");
    expect(policy).toContain(`'nonce-${nonce}'`);
  });

  it("uses a fresh nonce on every request", () => {
    const nonces = new Set(
      Array.from({ length: 5 }, () => through("/jobs").headers.get("x-middleware-request-x-nonce")),
    );
    expect(nonces.size).toBe(5);
  });

  it("does not let a client choose the policy Next reads the nonce from", () => {
    const response = proxy(
      new NextRequest("https://hub.example.com/jobs", {
        headers: { "content-security-policy": "script-src 'nonce-attacker'" },
      }),
    );
    expect(response.headers.get("x-middleware-request-content-security-policy")).not.toContain("attacker");
  });

  it("covers every path but Next's static build files", () => {
    const [matcher] = config.matcher;
    const pattern = new RegExp(`^${matcher}$`);
    for (const path of ["/jobs", "/login", "/api/v1/results", "/r/abc", "/"]) expect(pattern.test(path)).toBe(true);
    for (const path of ["/_next/static/chunks/app.js", "/favicon.ico"]) expect(pattern.test(path)).toBe(false);
  });

  it("keeps the shared report's own policy: no scripts at all, HSTS from the proxy", async () => {
    const fromProxy = through("/r/some-token");
    expect(fromProxy.headers.get("content-security-policy")).toBeNull();
    expect(fromProxy.headers.get("x-middleware-request-content-security-policy")).toBeNull();
    expect(fromProxy.headers.get("strict-transport-security")).toBe("max-age=31536000");

    const token = "x".repeat(43);
    const report = await serveSharedReport(database.db, new Request(`https://hub.example.com/r/${token}`), token);
    expect(report.status).toBe(404);
    expect(report.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it("answers the app's server gives without Next get the fixed headers of every path: next.config.js has no other rule", async () => {
    const nextConfig = createRequire(import.meta.url)("../../next.config.js") as { headers(): Promise<unknown> };
    expect(await nextConfig.headers()).toEqual([{ source: "/:path*", headers: FIXED_SECURITY_HEADERS }]);
    expect(FIXED_SECURITY_HEADERS.map(({ key }) => key)).toEqual([
      "X-Content-Type-Options",
      "Referrer-Policy",
      "X-Frame-Options",
      "Permissions-Policy",
      "Cross-Origin-Opener-Policy",
    ]);
  });

  it("answers the app's server gives without Next get proxy.ts's headers for their path, with a nonce of their own", () => {
    serveWebhooksDirectly();
    try {
      const path = "/api/webhooks/testlify";
      const direct = directRouteFor("POST", path)!;
      const own = direct.perRequestHeaders(path);
      const fromProxy = through(path);
      const withoutNonce = (policy: string | null | undefined) => policy?.replace(/'nonce-[^']+'/, "'nonce-…'");
      expect(Object.keys(own).sort()).toEqual(["Content-Security-Policy", "Strict-Transport-Security"]);
      expect(withoutNonce(own["Content-Security-Policy"])).toBe(
        withoutNonce(fromProxy.headers.get("content-security-policy")),
      );
      expect(own["Strict-Transport-Security"]).toBe(fromProxy.headers.get("strict-transport-security"));
      expect(direct.perRequestHeaders(path)["Content-Security-Policy"]).not.toBe(own["Content-Security-Policy"]);
    } finally {
      clearDirectRoutes();
    }
  });
});
