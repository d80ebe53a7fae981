import { beforeEach, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { verifyPassword } from "@/lib/server/auth/password";
import { findUsableToken, revokeApiToken } from "@/lib/server/auth/api-tokens";
import { hashToken } from "@/lib/server/auth/secrets";
import { ensureEnvironmentApiTokens, ensureFirstAdmin } from "@/lib/server/users/bootstrap";
import { describeEachDatabase } from "../support/databases";

const settings = parseSettings({
  ADMIN_EMAIL: "Admin@Example.com",
  ADMIN_PASSWORD: "first-admin-password",
});
const READ_TOKEN = "read-api-token-0123456789abcdef";
const ADMIN_TOKEN = "admin-api-token-0123456789abcdef";

describeEachDatabase("first admin and API token", (getDb) => {
  // The environment's tokens are the database's only tokens: each token test starts without any.
  beforeEach(async () => {
    await getDb().apiToken.deleteMany();
  });

  it("creates the first admin with a hashed password, once", async () => {
    expect(await ensureFirstAdmin(getDb(), settings)).toBe("created");
    expect(await ensureFirstAdmin(getDb(), settings)).toBe("exists");
    const admin = await getDb().user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    expect(admin.role).toBe("admin");
    expect(admin.passwordHash).not.toContain("first-admin-password");
    expect(await verifyPassword("first-admin-password", admin.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong-password", admin.passwordHash)).toBe(false);
  });

  it("registers API_TOKEN as a read token and ADMIN_API_TOKEN as an admin one, by their hash only, idempotently", async () => {
    const both = parseSettings({ API_TOKEN: READ_TOKEN, ADMIN_API_TOKEN: ADMIN_TOKEN });
    await ensureEnvironmentApiTokens(getDb(), both);
    await ensureEnvironmentApiTokens(getDb(), both);
    const tokens = await getDb().apiToken.findMany({ orderBy: { scope: "asc" } });
    expect(tokens.map((token) => [token.scope, token.tokenHash, token.revokedAt])).toEqual([
      ["admin", hashToken(ADMIN_TOKEN), null],
      ["read", hashToken(READ_TOKEN), null],
    ]);
  });

  it("keeps a revoked API_TOKEN revoked across restarts, and retires a value the setting no longer names", async () => {
    const db = getDb();
    await ensureEnvironmentApiTokens(db, parseSettings({ API_TOKEN: READ_TOKEN, ADMIN_API_TOKEN: ADMIN_TOKEN }));
    const readToken = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(READ_TOKEN) } });
    await revokeApiToken(db, readToken.id, new Date("2026-03-02T10:00:00Z"));
    await ensureEnvironmentApiTokens(db, parseSettings({ API_TOKEN: READ_TOKEN, ADMIN_API_TOKEN: ADMIN_TOKEN }));
    expect(await findUsableToken(db, READ_TOKEN, new Date())).toBeNull();
    expect(await findUsableToken(db, ADMIN_TOKEN, new Date())).toMatchObject({ scope: "admin" });

    await ensureEnvironmentApiTokens(db, parseSettings({ API_TOKEN: READ_TOKEN }));
    expect(await findUsableToken(db, ADMIN_TOKEN, new Date())).toBeNull();
  });
});
