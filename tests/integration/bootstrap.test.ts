import { expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { verifyPassword } from "@/lib/server/auth/password";
import { hashToken } from "@/lib/server/auth/secrets";
import { ensureEnvironmentApiToken, ensureFirstAdmin } from "@/lib/server/users/bootstrap";
import { describeEachDatabase } from "../support/databases";

const settings = parseSettings({
  ADMIN_EMAIL: "Admin@Example.com",
  ADMIN_PASSWORD: "first-admin-password",
  API_TOKEN: "read-api-token-0123456789abcdef",
});

describeEachDatabase("first admin and API token", (getDb) => {
  it("creates the first admin with a hashed password, once", async () => {
    expect(await ensureFirstAdmin(getDb(), settings)).toBe("created");
    expect(await ensureFirstAdmin(getDb(), settings)).toBe("exists");
    const admin = await getDb().user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    expect(admin.role).toBe("admin");
    expect(admin.passwordHash).not.toContain("first-admin-password");
    expect(await verifyPassword("first-admin-password", admin.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong-password", admin.passwordHash)).toBe(false);
  });

  it("registers API_TOKEN by its hash only, idempotently", async () => {
    await ensureEnvironmentApiToken(getDb(), settings);
    await ensureEnvironmentApiToken(getDb(), settings);
    const tokens = await getDb().apiToken.findMany();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.tokenHash).toBe(hashToken("read-api-token-0123456789abcdef"));
  });
});
