import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NEXT_ASSETS_ROUTE, routeMatcherFor, UNMATCHED_ROUTE } from "./route-patterns";

const root = mkdtempSync(join(tmpdir(), "hub-routes-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

for (const file of [
  "app/page.tsx",
  "app/(app)/jobs/page.tsx",
  "app/(app)/jobs/[id]/page.tsx",
  "app/(app)/jobs/new/page.tsx",
  "app/(app)/settings/_parts/helper.tsx",
  "app/(app)/settings/page.tsx",
  "app/api/webhooks/[provider]/route.ts",
  "app/api/health/route.ts",
  "app/docs/[...slug]/page.tsx",
  "app/r/[token]/page.tsx",
  "app/r/[token]/layout.tsx",
]) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), "");
}

describe("routeMatcherFor", () => {
  const matcher = routeMatcherFor(root);

  it("names each request by the route pattern Next serves it from, never by its ids or query", () => {
    expect(matcher.routeOf("/")).toBe("/");
    expect(matcher.routeOf("/jobs")).toBe("/jobs");
    expect(matcher.routeOf("/jobs/")).toBe("/jobs");
    expect(matcher.routeOf("/jobs/cm123abc?tab=results")).toBe("/jobs/[id]");
    expect(matcher.routeOf("/r/secret-share-token")).toBe("/r/[token]");
    expect(matcher.routeOf("/api/webhooks/testlify?token=whsec_x")).toBe("/api/webhooks/[provider]");
    expect(matcher.routeOf("/docs/a/b/c")).toBe("/docs/[...slug]");
  });

  it("prefers a static segment to a dynamic one, as Next does", () => {
    expect(matcher.routeOf("/jobs/new")).toBe("/jobs/new");
  });

  it("puts every path the app has no route for under one label", () => {
    expect(matcher.routeOf("/wp-admin/setup.php")).toBe(UNMATCHED_ROUTE);
    expect(matcher.routeOf("/jobs/1/2")).toBe(UNMATCHED_ROUTE);
    expect(matcher.routeOf("/docs")).toBe(UNMATCHED_ROUTE);
    expect(matcher.routeOf("/_next/static/chunks/main-123.js")).toBe(NEXT_ASSETS_ROUTE);
  });

  it("leaves out route groups, private folders and files that are not pages or handlers", () => {
    expect(matcher.patterns).not.toContain("/settings/_parts");
    expect(matcher.patterns.every((pattern) => !pattern.includes("("))).toBe(true);
  });
});
