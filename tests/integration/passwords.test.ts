// Issue 13 item 5: changing one's password, and an admin's temporary password.
import bcrypt from "bcryptjs";
import { expect, it } from "vitest";
import { verifyPassword } from "@/lib/server/auth/password";
import { liveUserSession, startUserSession } from "@/lib/server/auth/user-sessions";
import { changeOwnPassword, setTemporaryPassword } from "@/lib/server/users/passwords";
import { describeEachDatabase } from "../support/databases";

const limits = { idleMs: 8 * 3_600_000, maxMs: 24 * 3_600_000 };
const now = new Date("2026-03-02T10:00:00Z");

describeEachDatabase("passwords", (getDb) => {
  async function person(email: string) {
    const user = await getDb().user.create({
      data: { email, name: "P", passwordHash: await bcrypt.hash("old password 123", 4) },
    });
    const here = await startUserSession(getDb(), { userId: user.id, ipAddress: "192.0.2.1", userAgent: null }, now);
    const elsewhere = await startUserSession(
      getDb(),
      { userId: user.id, ipAddress: "192.0.2.2", userAgent: null },
      now,
    );
    const hereId = (await getDb().userSession.findFirstOrThrow({ where: { ipAddress: "192.0.2.1", userId: user.id } }))
      .id;
    return { user, here, elsewhere, hereId };
  }

  it("changes one's own password after checking the current one, and ends the other sessions", async () => {
    const { user, here, elsewhere, hereId } = await person("own@hub.test");
    const change = { currentPassword: "wrong", newPassword: "new password 456", confirmPassword: "new password 456" };
    await expect(changeOwnPassword(getDb(), user.id, hereId, change, now)).rejects.toThrow(/current password/);
    await changeOwnPassword(getDb(), user.id, hereId, { ...change, currentPassword: "old password 123" }, now);
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("new password 456", stored.passwordHash)).toBe(true);
    expect(await liveUserSession(getDb(), here, limits, now)).not.toBeNull();
    expect(await liveUserSession(getDb(), elsewhere, limits, now)).toBeNull();
  });

  it("a temporary password ends every session and must be changed at the next sign-in", async () => {
    const { user, here, elsewhere } = await person("temp@hub.test");
    await setTemporaryPassword(getDb(), user.id, "temporary pass 789", now);
    expect(await liveUserSession(getDb(), here, limits, now)).toBeNull();
    expect(await liveUserSession(getDb(), elsewhere, limits, now)).toBeNull();
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(true);
    await changeOwnPassword(
      getDb(),
      user.id,
      undefined,
      { currentPassword: "temporary pass 789", newPassword: "my own pass 000", confirmPassword: "my own pass 000" },
      now,
    );
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
  });
});
