// Every route handler in the tree, found by scanning app/**/route.ts (no list of routes to keep
// up to date): each method is called signed out, and as a recruiter, with a database that
// fails the test if reached. Only the public routes below may answer anyone; a route a
// recruiter may use must be named below, so a new route is admin-only until someone says
// otherwise, and one without a server-side check fails here.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "./session";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("./session", () => ({
  getCurrentUser: async () => session.user,
  getCurrentUserWithoutActivity: async () => session.user,
}));
// Taking the client is not reaching the database (some routes pass it on first); using it is.
vi.mock("../db", () => ({
  db: () =>
    new Proxy(
      {},
      {
        get(_target, property) {
          throw new Error(`a refused request reached the database (${String(property)})`);
        },
      },
    ),
}));

const ROOT = join(__dirname, "../../..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Answer anyone by design, each with its own check: signatures, a share token, next-auth's own. */
const PUBLIC = new Set([
  "app/api/health/route.ts",
  "app/api/webhooks/[provider]/route.ts",
  "app/r/[token]/route.ts",
  "app/api/auth/[...nextauth]/route.ts",
]);
/** Need a session or a `read` token, and serve a recruiter. Every other route is for admins. */
const RECRUITER_MAY = new Set([
  "app/api/activity/route.ts",
  "app/api/jobs/[id]/export/route.ts",
  "app/api/v1/results/route.ts",
  "app/api/v1/results/[id]/route.ts",
]);
/** Answers 404 to anyone without its own bearer token (METRICS_TOKEN), sessions aside. */
const OWN_TOKEN = new Set(["app/api/metrics/route.ts"]);

const recruiter: CurrentUser = { id: "u-rec", email: "rec@example.test", name: "Rex", role: "recruiter" };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return /^route\.tsx?$/.test(entry.name) ? [relative(ROOT, path)] : [];
  });
}

const routes = routeFiles(join(ROOT, "app"));
const guarded = routes.filter((file) => !PUBLIC.has(file));

/** Placeholder values for the route's dynamic segments ([id], [...slug]). */
function paramsOf(file: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [, rest, name] of file.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[name!] = rest ? ["x"] : "x";
  return params;
}

async function handlersOf(file: string) {
  const exported = (await import(join(ROOT, file))) as Record<string, unknown>;
  return METHODS.filter((method) => typeof exported[method] === "function").map(
    (method) => [method, exported[method] as (request: Request, context: unknown) => Promise<Response>] as const,
  );
}

async function call(file: string, method: string, handler: (r: Request, c: unknown) => Promise<Response>) {
  const url = `http://localhost/${file.replace(/^app\/|\/route\.tsx?$/g, "").replace(/\(.*?\)\//g, "")}`;
  const withBody = !["GET", "HEAD", "OPTIONS"].includes(method);
  const request = new Request(url, {
    method,
    headers: withBody ? { "content-type": "application/json" } : {},
    body: withBody ? JSON.stringify({ email: "someone@example.test", ids: ["x"] }) : undefined,
  });
  return handler(request, { params: Promise.resolve(paramsOf(file)) });
}

beforeEach(() => {
  session.user = null;
});

describe("every route handler", () => {
  it("is found by the scan, and the lists above name only routes that exist", () => {
    expect(guarded.length).toBeGreaterThan(0);
    for (const file of [...PUBLIC, ...RECRUITER_MAY, ...OWN_TOKEN]) expect(routes).toContain(file);
  });

  it.each(guarded.map((file) => [file]))("%s exports at least one method", async (file) => {
    expect((await handlersOf(file)).length).toBeGreaterThan(0);
  });

  it.each(guarded.map((file) => [file]))("%s refuses a signed-out caller before the database", async (file) => {
    for (const [method, handler] of await handlersOf(file)) {
      const response = await call(file, method, handler);
      expect([401, 403, 404], `${method} ${file} answered ${response.status}`).toContain(response.status);
    }
  });

  it.each(guarded.filter((file) => !RECRUITER_MAY.has(file)).map((file) => [file]))(
    "%s refuses a recruiter before the database",
    async (file) => {
      session.user = recruiter;
      for (const [method, handler] of await handlersOf(file)) {
        const response = await call(file, method, handler);
        expect([403, 404], `${method} ${file} answered ${response.status}`).toContain(response.status);
      }
    },
  );
});
