// A person with a temporary password may only change it: pages send them to /account, and the
// API refuses their session (403) until they have; API tokens are not theirs and keep working.
import bcrypt from "bcryptjs";
import { beforeEach, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/create-client";
import type { CurrentUser } from "@/lib/server/auth/session";
import { describeEachDatabase } from "../support/databases";

const state = vi.hoisted(() => ({ db: null as Db | null, userId: null as string | null }));
vi.mock("@/lib/server/db", () => ({
  db: () => {
    if (!state.db) throw new Error("test database not set");
    return state.db;
  },
}));
// The signed-in person as session.ts reads them: their row, flag included, on every request.
vi.mock("@/lib/server/auth/session", () => ({
  getCurrentUser: async (): Promise<CurrentUser | null> => {
    if (!state.db || !state.userId) return null;
    const user = await state.db.user.findUniqueOrThrow({ where: { id: state.userId } });
    return { ...user, role: user.role as CurrentUser["role"], mustChangePassword: user.mustChangePassword };
  },
}));

const { createApiToken } = await import("@/lib/server/auth/api-tokens");
const { requireApiAccess } = await import("@/lib/server/auth/request-auth");
const { changeOwnPassword, setTemporaryPassword } = await import("@/lib/server/users/passwords");
const results = await import("@/app/api/v1/results/route");
const health = await import("@/app/api/health/route");

const MESSAGE = "Choose a new password first: go to your account page.";
const now = new Date("2026-03-02T10:00:00Z");
const sessionRequest = (path: string) => new Request(`http://localhost${path}`);

describeEachDatabase("the API while a temporary password is to be changed", (getDb) => {
  beforeEach(() => {
    state.db = getDb();
    state.userId = null;
  });

  async function admin(email: string) {
    return getDb().user.create({
      data: { email, name: "Ada", role: "admin", passwordHash: await bcrypt.hash("old password 123", 4) },
    });
  }

  it("answers the person's session 403 with what to do, on every scope, until they choose their own", async () => {
    const person = await admin("temporary@hub.test");
    state.userId = person.id;
    expect((await requireApiAccess(sessionRequest("/api/v1/results"), "read", now)).ok).toBe(true);

    await setTemporaryPassword(getDb(), person.id, "temporary pass 789", now);
    for (const scope of ["read", "admin"] as const) {
      const access = await requireApiAccess(sessionRequest("/api/v1/results"), scope, now);
      expect(access.ok).toBe(false);
      if (access.ok) return;
      expect(access.response.status).toBe(403);
      expect(await access.response.json()).toEqual({ error: MESSAGE });
    }
    const listed = await results.GET(sessionRequest("/api/v1/results"));
    expect(listed.status).toBe(403);
    expect(await listed.json()).toEqual({ error: MESSAGE });
    expect(await (await health.GET(sessionRequest("/api/health"))).json()).toEqual({ ok: true, db: "ok" });

    await changeOwnPassword(
      getDb(),
      person.id,
      undefined,
      { currentPassword: "temporary pass 789", newPassword: "my own pass 000", confirmPassword: "my own pass 000" },
      now,
    );
    expect((await requireApiAccess(sessionRequest("/api/v1/results"), "admin", now)).ok).toBe(true);
    expect((await results.GET(sessionRequest("/api/v1/results"))).status).toBe(200);
  });

  it("keeps serving an API token made by a person whose password change is due", async () => {
    const person = await admin("token-maker@hub.test");
    const { token } = await createApiToken(
      getDb(),
      { name: "BI", scope: "read", expiresInDays: 7 },
      person.id,
      new Date(),
    );
    await setTemporaryPassword(getDb(), person.id, "temporary pass 789", now);
    state.userId = person.id;
    const withToken = new Request("http://localhost/api/v1/results", { headers: { authorization: `Bearer ${token}` } });
    // The route checks the token against the real clock, as in production.
    expect((await requireApiAccess(withToken, "read")).ok).toBe(true);
    expect((await results.GET(withToken)).status).toBe(200);
  });
});
