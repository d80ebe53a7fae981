// docs/contract.md §5: POST /api/v1/erasures needs the admin scope: 401 without a token, 403 for a read
// token, 200 {"erased": true, …counts} for an admin token, {"erased": false} when nothing is held.
process.env.ERASURE_HMAC_KEY ??= "erasure-route-test-key-".padEnd(40, "x");

import { beforeEach, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { createApiToken } from "@/lib/server/auth/api-tokens";
import { describeEachDatabase } from "@/tests/support/databases";
import { seedAttempt } from "@/tests/support/seed-attempt";

const state = vi.hoisted(() => ({ db: null as Db | null }));
vi.mock("@/lib/server/auth/session", () => ({ getCurrentUser: async () => null }));
vi.mock("@/lib/server/db", () => ({
  db: () => {
    if (!state.db) throw new Error("test database not set");
    return state.db;
  },
}));

const { POST } = await import("./route");

function erase(body: unknown, token?: string) {
  return POST(
    new Request("http://localhost/api/v1/erasures", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

describeEachDatabase("POST /api/v1/erasures", (getDb) => {
  let readToken: string;
  let adminToken: string;

  beforeEach(async () => {
    state.db = getDb();
    const admin = await getDb().user.upsert({
      where: { email: "admin@example.com" },
      create: { email: "admin@example.com", name: "Admin", passwordHash: "x", role: "admin" },
      update: {},
    });
    const now = new Date();
    readToken = (await createApiToken(getDb(), { name: "reader", scope: "read", expiresInDays: 30 }, admin.id, now))
      .token;
    adminToken = (await createApiToken(getDb(), { name: "dpo", scope: "admin", expiresInDays: 30 }, admin.id, now))
      .token;
  });

  it("answers 401 without a token and 403 for a read token, erasing nothing", async () => {
    await seedAttempt(getDb(), { candidate: { email: "kept@example.com", name: "Kept Person" } });
    expect((await erase({ email: "kept@example.com" })).status).toBe(401);
    const refused = await erase({ email: "kept@example.com" }, readToken);
    expect(refused.status).toBe(403);
    expect(await getDb().candidate.count({ where: { email: "kept@example.com" } })).toBe(1);
    expect(await getDb().erasureSuppression.count()).toBe(0);
  });

  it("erases with an admin token, counts what went, and audits it under the token's name", async () => {
    await seedAttempt(getDb(), { candidate: { email: "gone@example.com", name: "Gone Person" } });
    const response = await erase({ email: "Gone@Example.com" }, adminToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ erased: true, candidates: 1, attempts: 1 });
    expect(await getDb().candidate.count({ where: { email: "gone@example.com" } })).toBe(0);
    expect(await getDb().auditEntry.findFirst({ where: { action: "person.erased" } })).toMatchObject({
      actorType: "token",
      actorLabel: "dpo",
    });
  });

  it('answers {"erased": false} when nothing about the person is held', async () => {
    const response = await erase({ email: "never-seen@example.com" }, adminToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ erased: false });
  });

  it("answers 400 for a body without an email", async () => {
    expect((await erase({ mail: "x" }, adminToken)).status).toBe(400);
  });
});
