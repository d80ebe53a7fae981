import { expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { verifyPassword } from "@/lib/server/auth/password";
import { changeRole, createUser, listUsers, setActive, UserManagementError } from "@/lib/server/users/manage-users";
import { describeEachDatabase } from "../support/databases";

let counter = 0;
const email = (label: string) => `${label}-${(counter += 1)}@example.test`;

async function versionOf(db: Db, id: string) {
  return (await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;
}

/** Leaves exactly one active admin (the one returned), whatever earlier tests created. */
async function onlyAdmin(db: Db) {
  await db.user.updateMany({ where: { role: "admin" }, data: { role: "recruiter" } });
  return createUser(db, {
    name: "Only Admin",
    email: email("only-admin"),
    role: "admin",
    password: "long-enough-password",
  });
}

describeEachDatabase("user management", (getDb, kind) => {
  it("creates a user with a hashed password and a normalised email", async () => {
    const db = getDb();
    const address = email("Recruiter").toUpperCase();
    const { id } = await createUser(db, {
      name: " Rita ",
      email: ` ${address} `,
      role: "recruiter",
      password: "a-secret-password",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ name: "Rita", email: address.toLowerCase(), role: "recruiter", active: true });
    expect(user.passwordHash).not.toContain("a-secret-password");
    expect(await verifyPassword("a-secret-password", user.passwordHash)).toBe(true);
    expect((await listUsers(db)).some((listed) => listed.id === id && !("passwordHash" in listed))).toBe(true);
  });

  it("refuses a short password, a bad role, and a second user with the same email", async () => {
    const db = getDb();
    const address = email("dupe");
    await expect(createUser(db, { name: "A", email: address, role: "recruiter", password: "short" })).rejects.toThrow(
      /at least 10/,
    );
    await expect(
      createUser(db, { name: "A", email: address, role: "owner" as "admin", password: "long-enough-password" }),
    ).rejects.toThrow();
    await createUser(db, { name: "A", email: address, role: "recruiter", password: "long-enough-password" });
    await expect(
      createUser(db, { name: "B", email: address.toUpperCase(), role: "admin", password: "long-enough-password" }),
    ).rejects.toThrow(UserManagementError);
  });

  it("bumps sessionVersion on a role change, and not when the role stays the same", async () => {
    const db = getDb();
    await onlyAdmin(db);
    const { id } = await createUser(db, {
      name: "R",
      email: email("role"),
      role: "recruiter",
      password: "long-enough-password",
    });
    const before = await versionOf(db, id);
    await changeRole(db, id, "recruiter");
    expect(await versionOf(db, id)).toBe(before);
    await changeRole(db, id, "admin");
    expect(await versionOf(db, id)).toBe(before + 1);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).role).toBe("admin");
  });

  it("deactivates and reactivates, bumping sessionVersion so old sessions never come back", async () => {
    const db = getDb();
    await onlyAdmin(db);
    const { id } = await createUser(db, {
      name: "R",
      email: email("active"),
      role: "recruiter",
      password: "long-enough-password",
    });
    const before = await versionOf(db, id);
    await setActive(db, id, false);
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      active: false,
      sessionVersion: before + 1,
    });
    await setActive(db, id, true);
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      active: true,
      sessionVersion: before + 2,
    });
  });

  it("never leaves the hub without an active admin", async () => {
    const db = getDb();
    const admin = await onlyAdmin(db);
    const version = await versionOf(db, admin.id);
    await expect(changeRole(db, admin.id, "recruiter")).rejects.toThrow(/last active admin/);
    await expect(setActive(db, admin.id, false)).rejects.toThrow(/last active admin/);
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      role: "admin",
      active: true,
      sessionVersion: version,
    });

    const second = await createUser(db, {
      name: "Second",
      email: email("second"),
      role: "admin",
      password: "long-enough-password",
    });
    await setActive(db, admin.id, false);
    await expect(changeRole(db, second.id, "recruiter")).rejects.toThrow(/last active admin/);
  });

  it("lets only one of two admins demoting each other at once succeed", async () => {
    const db = getDb();
    const first = await onlyAdmin(db);
    const second = await createUser(db, {
      name: "Other",
      email: email("other"),
      role: "admin",
      password: "long-enough-password",
    });
    const results = await Promise.allSettled([
      changeRole(db, first.id, "recruiter"),
      changeRole(db, second.id, "recruiter"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "admin", active: true } })).toBe(1);
  });

  if (kind === "postgresql") {
    it("waits for another instance's unfinished admin change before checking for the last admin", async () => {
      const db = getDb();
      const first = await onlyAdmin(db);
      const second = await createUser(db, {
        name: "Other",
        email: email("other"),
        role: "admin",
        password: "long-enough-password",
      });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let demoted!: () => void;
      const firstDemoted = new Promise<void>((resolve) => (demoted = resolve));
      // Another instance demotes the first admin and has not committed yet.
      const other = db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: first.id }, data: { role: "recruiter" } });
        demoted();
        await gate;
      });
      await firstDemoted;
      let settled = false;
      const mine = changeRole(db, second.id, "recruiter").finally(() => (settled = true));
      mine.catch(() => undefined);
      // Either our change finishes without waiting (the bug), or it waits on the other's row lock.
      while (!settled && !(await someoneWaitsOnALock(db))) await new Promise((resolve) => setImmediate(resolve));
      release();
      await other;
      await expect(mine).rejects.toThrow(/last active admin/);
      expect(await db.user.count({ where: { role: "admin", active: true } })).toBe(1);
    });
  }

  it("says so when the user does not exist", async () => {
    await expect(setActive(getDb(), "no-such-user", false)).rejects.toThrow(/no longer exists/);
  });
});

async function someoneWaitsOnALock(db: Db): Promise<boolean> {
  const rows = await db.$queryRaw<{ waiting: bigint }[]>`
    SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return Number(rows[0]?.waiting ?? 0) > 0;
}
