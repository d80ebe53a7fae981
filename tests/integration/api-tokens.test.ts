// Issue 13 item 6 / docs/contract.md §5: scoped, expiring, rate-limited API tokens.
import { beforeEach, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/create-client";
import type { CurrentUser } from "@/lib/server/auth/session";
import { describeEachDatabase } from "../support/databases";

const state = vi.hoisted(() => ({ db: null as Db | null, user: null as CurrentUser | null }));
vi.mock("@/lib/server/db", () => ({
  db: () => {
    if (!state.db) throw new Error("test database not set");
    return state.db;
  },
}));
vi.mock("@/lib/server/auth/session", () => ({ getCurrentUser: async () => state.user }));

const { createApiToken, listApiTokens, revokeApiToken } = await import("@/lib/server/auth/api-tokens");
const { requireApiAccess } = await import("@/lib/server/auth/request-auth");
const health = await import("@/app/api/health/route");

const minuteStart = new Date("2026-03-02T10:00:00Z");
const at = (ms: number) => new Date(minuteStart.getTime() + ms);
const bearer = (token: string) =>
  new Request("http://localhost/api/v1/results", { headers: { authorization: `Bearer ${token}` } });

describeEachDatabase("API tokens", (getDb) => {
  let adminId = "";
  beforeEach(async () => {
    state.db = getDb();
    state.user = null;
    adminId ||= (
      await getDb().user.create({ data: { email: "tokens@hub.test", name: "T", passwordHash: "x", role: "admin" } })
    ).id;
  });

  it("shows a token once and stores only its hash", async () => {
    const { id, token } = await createApiToken(
      getDb(),
      { name: "BI export", scope: "read", expiresInDays: 30 },
      adminId,
      at(0),
    );
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt).toEqual(at(30 * 86_400_000));
    const listed = (await listApiTokens(getDb())).find((item) => item.id === id);
    expect(listed).toMatchObject({ name: "BI export", scope: "read", createdBy: "tokens@hub.test" });
    expect(JSON.stringify(listed)).not.toContain(token);
  });

  it("lets an admin token do what a read token can; refuses a read token, or a recruiter, the admin scope", async () => {
    const read = await createApiToken(getDb(), { name: "r", scope: "read", expiresInDays: 7 }, adminId, at(0));
    const admin = await createApiToken(getDb(), { name: "a", scope: "admin", expiresInDays: 7 }, adminId, at(0));
    expect((await requireApiAccess(bearer(read.token), "read", at(1))).ok).toBe(true);
    expect((await requireApiAccess(bearer(admin.token), "read", at(1))).ok).toBe(true);
    expect((await requireApiAccess(bearer(admin.token), "admin", at(1))).ok).toBe(true);
    const refused = await requireApiAccess(bearer(read.token), "admin", at(1));
    expect(!refused.ok && refused.response.status).toBe(403);
    state.user = { id: "u", email: "r@hub.test", name: "R", role: "recruiter" };
    const recruiter = await requireApiAccess(new Request("http://localhost/x"), "admin", at(1));
    expect(!recruiter.ok && recruiter.response.status).toBe(403);
    expect((await requireApiAccess(new Request("http://localhost/x"), "read", at(1))).ok).toBe(true);
  });

  it("answers 401 for an unknown, revoked or expired token, and stamps last use", async () => {
    const live = await createApiToken(getDb(), { name: "l", scope: "read", expiresInDays: 7 }, adminId, at(0));
    const status = async (token: string, when: Date) => {
      const access = await requireApiAccess(bearer(token), "read", when);
      return access.ok ? 200 : access.response.status;
    };
    expect(await status("ahub_not-a-token", at(1))).toBe(401);
    expect(await status(live.token, at(1))).toBe(200);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: live.id } })).lastUsedAt).toEqual(at(1));
    expect(await status(live.token, at(7 * 86_400_000))).toBe(401);
    await revokeApiToken(getDb(), live.id, at(2));
    expect(await status(live.token, at(3))).toBe(401);
  });

  it("answers 429 with Retry-After past 600 requests a minute, per token", async () => {
    const busy = await createApiToken(getDb(), { name: "busy", scope: "read", expiresInDays: 7 }, adminId, at(0));
    const other = await createApiToken(getDb(), { name: "other", scope: "read", expiresInDays: 7 }, adminId, at(0));
    for (let request = 0; request < 600; request += 1) {
      const access = await requireApiAccess(bearer(busy.token), "read", at(10_000));
      expect(access.ok).toBe(true);
    }
    const refused = await requireApiAccess(bearer(busy.token), "read", at(15_000));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get("retry-after")).toBe("45");
    expect((await requireApiAccess(bearer(other.token), "read", at(15_000))).ok).toBe(true);
    expect((await requireApiAccess(bearer(busy.token), "read", at(60_000))).ok).toBe(true);
  });

  it("shows the poller's details on /api/health to an admin token, and not to a read token", async () => {
    const read = await createApiToken(getDb(), { name: "hr", scope: "read", expiresInDays: 7 }, adminId, new Date());
    const admin = await createApiToken(getDb(), { name: "ha", scope: "admin", expiresInDays: 7 }, adminId, new Date());
    const body = async (token: string) =>
      (await (
        await health.GET(new Request("http://localhost/api/health", { headers: { authorization: `Bearer ${token}` } }))
      ).json()) as Record<string, unknown>;
    expect(await body(read.token)).toEqual({ ok: true, db: "ok" });
    expect(Object.keys(await body(admin.token))).toContain("poller");
  });
});
