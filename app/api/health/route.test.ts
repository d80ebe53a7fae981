// docs/contract.md §5 health: the public answer says only ok/db; the poller's details (instance ids,
// SmartAI's error texts) go to a signed-in admin alone.
import { beforeEach, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/lib/db/create-client";
import type { CurrentUser } from "@/lib/server/auth/session";
import { describeEachDatabase } from "@/tests/support/databases";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null, db: null as Db | null }));
vi.mock("@/lib/server/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/server/db", () => ({
  db: () => {
    if (!state.db) throw new Error("test database not set");
    return state.db;
  },
}));

const { GET } = await import("./route");

const ADMIN: CurrentUser = { id: "u_admin", email: "a@example.com", name: "A", role: "admin" };
const RECRUITER: CurrentUser = { id: "u_rec", email: "r@example.com", name: "R", role: "recruiter" };
const health = (headers: Record<string, string> = {}) => GET(new Request("http://localhost/api/health", { headers }));

describeEachDatabase("GET /api/health", (getDb) => {
  beforeEach(async () => {
    state.user = null;
    state.db = getDb();
    await getDb().pollerLease.deleteMany();
    await getDb().pollerLease.create({
      data: {
        provider: "smartai",
        holderId: "host-a:4242",
        acquiredAt: new Date(),
        expiresAt: new Date(Date.now() + 60_000),
        lastError: "connect ECONNREFUSED http://smartai.internal:8080",
      },
    });
  });

  it("answers anyone with ok and db only", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: true, db: "ok" });
  });

  it("gives a recruiter, and a bearer token without an admin scope, no more", async () => {
    state.user = RECRUITER;
    expect(await (await health()).json()).toEqual({ ok: true, db: "ok" });
    state.user = ADMIN;
    const withToken = await health({ authorization: "Bearer not-a-known-token-at-all-000000" });
    expect(await withToken.json()).toEqual({ ok: true, db: "ok" });
  });

  it("shows a signed-in admin the poller: leader, instance and last error", async () => {
    state.user = ADMIN;
    const body = (await (await health()).json()) as { ok: boolean; poller: { leader: string; lastError: string } };
    expect(body.ok).toBe(true);
    expect(body.poller).toMatchObject({
      leader: "host-a:4242",
      lastError: "connect ECONNREFUSED http://smartai.internal:8080",
    });
  });
});

it("answers 503 with ok false, and nothing else, when the database is unreachable", async () => {
  state.user = ADMIN;
  state.db = createDb("postgresql://nobody@127.0.0.1:1/none");
  try {
    const response = await health();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, db: "error" });
  } finally {
    await state.db.$disconnect();
  }
});
