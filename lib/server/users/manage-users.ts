import "server-only";
// Admin user management. Every change that should end someone's existing sessions (a role
// change, deactivation, reactivation) ends their session rows and bumps User.sessionVersion,
// which getCurrentUser compares on every request. No change may leave the hub without an active admin.
import { z } from "zod";
import type { Db, Tx } from "../db";
import { isUniqueViolation } from "../db/errors";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/password";
import { endSessions } from "../auth/user-sessions";
import { normaliseEmail, ROLES, type Role } from "../../shared/vocabulary";

export const newUserSchema = z.object({
  name: z.string().trim().min(1, { message: "Enter a name" }).max(200),
  email: z
    .string()
    .trim()
    .pipe(z.email({ message: "Enter a valid email address" }).max(320))
    .transform(normaliseEmail),
  role: z.enum(ROLES, { message: "Choose admin or recruiter" }),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { message: `The password needs at least ${MIN_PASSWORD_LENGTH} characters` })
    .max(1024),
});

export type NewUser = z.input<typeof newUserSchema>;

/** A refused change, with a message meant for the admin who asked for it. */
export class UserManagementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserManagementError";
  }
}

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export async function listUsers(db: Db): Promise<UserListItem[]> {
  const users = await db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, createdAt: true, lastLoginAt: true },
  });
  return users.map((user) => ({ ...user, role: user.role as Role }));
}

export async function createUser(db: Db, input: NewUser): Promise<{ id: string }> {
  const user = newUserSchema.parse(input);
  const passwordHash = await hashPassword(user.password);
  try {
    return await db.user.create({
      data: { name: user.name, email: user.email, role: user.role, passwordHash },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UserManagementError(`A user with the email ${user.email} already exists.`);
    }
    throw error;
  }
}

export async function changeRole(db: Db, userId: string, role: Role): Promise<void> {
  await changeAccess(db, userId, (user) => (user.role === role ? null : { role }));
}

export async function setActive(db: Db, userId: string, active: boolean): Promise<void> {
  await changeAccess(db, userId, (user) => (user.active === active ? null : { active }));
}

type AccessChange = { role?: Role; active?: boolean };

async function changeAccess(
  db: Db,
  userId: string,
  decide: (user: { role: string; active: boolean }) => AccessChange | null,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockActiveAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
    if (!user) throw new UserManagementError("That user no longer exists.");
    const change = decide(user);
    if (!change) return;
    await tx.user.update({ where: { id: userId }, data: { ...change, sessionVersion: { increment: 1 } } });
    await endSessions(tx, { userId }, "access-changed", new Date());
    const activeAdmins = await tx.user.count({ where: { role: "admin", active: true } });
    // Throwing rolls the change back.
    if (activeAdmins === 0) {
      throw new UserManagementError(
        "This is the last active admin: make another user an admin first, so someone can still manage the hub.",
      );
    }
  });
}

/**
 * Writes to every active admin's row first, so concurrent admin changes queue behind one
 * another (row locks on PostgreSQL, the write lock on SQLite). Without it two admins could
 * each demote the other at once, both see one admin left, and leave none.
 */
async function lockActiveAdmins(tx: Tx): Promise<void> {
  await tx.user.updateMany({ where: { role: "admin", active: true }, data: { role: "admin" } });
}
