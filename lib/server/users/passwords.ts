import "server-only";
// A person changes their own password; an admin gives someone a temporary one that must be
// replaced at the next sign-in. Either way the person's other sessions end, so a password
// someone else learned stops being a way in at once.
import { z } from "zod";
import type { Db } from "../db";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../auth/password";
import { endSessions } from "../auth/user-sessions";
import { UserManagementError } from "./manage-users";

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: `The password needs at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(1024, { message: "The password can be at most 1024 characters" });

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, { message: "Enter your current password" }).max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().max(1024),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    message: "The two new passwords differ",
    path: ["confirmPassword"],
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    message: "Choose a password different from the current one",
    path: ["newPassword"],
  });

export type PasswordChange = z.infer<typeof passwordChangeSchema>;

/**
 * Checks the current password, stores the new one and ends every other session of the
 * person; the session they are using (`keepSessionId`) stays.
 */
export async function changeOwnPassword(
  db: Db,
  userId: string,
  keepSessionId: string | undefined,
  change: PasswordChange,
  now: Date,
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new UserManagementError("Your account no longer exists.");
  if (!(await verifyPassword(change.currentPassword, user.passwordHash))) {
    throw new UserManagementError("The current password is not right.");
  }
  const passwordHash = await hashPassword(change.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false } });
    await endSessions(tx, keepSessionId ? { userId, NOT: { id: keepSessionId } } : { userId }, "password-changed", now);
  });
}

/** Gives `userId` a temporary password: their sessions end and the next sign-in asks for a new one. */
export async function setTemporaryPassword(db: Db, userId: string, password: string, now: Date): Promise<void> {
  const passwordHash = await hashPassword(newPasswordSchema.parse(password));
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: true },
    });
    if (updated.count === 0) throw new UserManagementError("That user no longer exists.");
    await endSessions(tx, { userId }, "password-changed", now);
  });
}
