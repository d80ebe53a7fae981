"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formInput } from "@/lib/server/actions/form-input";
import { adminActionClient } from "@/lib/server/actions/safe-action";
import { recordAudit, userActor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db";
import { ROLES } from "@/lib/shared/vocabulary";
import { clearAccountFailures } from "@/lib/server/auth/sign-in-throttle";
import { endSessions } from "@/lib/server/auth/user-sessions";
import { changeRole, createUser, newUserSchema, setActive, UserManagementError } from "@/lib/server/users/manage-users";
import { newPasswordSchema, setTemporaryPassword } from "@/lib/server/users/passwords";

export const createUserAction = adminActionClient
  .metadata({ actionName: "createUser" })
  .inputSchema(formInput(newUserSchema))
  .stateAction(async ({ parsedInput: user, ctx }) => {
    const created = await createUser(db(), user);
    await recordAudit(db(), {
      actor: userActor(ctx.user),
      action: "user.created",
      target: { type: "user", id: created.id },
      details: { role: user.role },
    });
    refresh();
    const role = user.role === "admin" ? "an admin" : "a recruiter";
    return { message: `Added ${user.email} as ${role}. Pass the password on to them safely.` };
  });

export const changeRoleAction = adminActionClient
  .metadata({ actionName: "changeRole" })
  .inputSchema(
    z.object({ userId: z.string().min(1).max(64), role: z.enum(ROLES, { message: "Choose admin or recruiter." }) }),
  )
  .action(async ({ parsedInput: { userId, role }, ctx: { user } }) => {
    await changeRole(db(), userId, role);
    await recordAudit(db(), {
      actor: userActor(user),
      action: "user.role_changed",
      target: { type: "user", id: userId },
      details: { role },
    });
    refresh();
    return { message: `Role changed to ${role}; their current sessions were signed out.` };
  });

export const setActiveAction = adminActionClient
  .metadata({ actionName: "setActive" })
  .inputSchema(z.object({ userId: z.string().min(1).max(64), active: z.boolean() }))
  .action(async ({ parsedInput: { userId, active }, ctx: { user } }) => {
    await setActive(db(), userId, active);
    await recordAudit(db(), {
      actor: userActor(user),
      action: active ? "user.activated" : "user.deactivated",
      target: { type: "user", id: userId },
    });
    refresh();
    return {
      message: active ? "Reactivated: they can sign in again." : "Deactivated: they were signed out everywhere.",
    };
  });

export const endSessionAction = adminActionClient
  .metadata({ actionName: "endSession" })
  .inputSchema(z.object({ sessionId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput: { sessionId }, ctx: { user } }) => {
    const ended = await endSessions(db(), { id: sessionId }, "ended-by-admin", new Date());
    if (ended)
      await recordAudit(db(), {
        actor: userActor(user),
        action: "session.revoked",
        target: { type: "session", id: sessionId },
      });
    refresh();
    return { message: ended ? "Session ended: that browser is signed out." : "That session had already ended." };
  });

export const setTemporaryPasswordAction = adminActionClient
  .metadata({ actionName: "setTemporaryPassword" })
  .inputSchema(formInput(z.object({ userId: z.string().min(1).max(64), password: newPasswordSchema })))
  .stateAction(async ({ parsedInput: { userId, password }, ctx: { user } }) => {
    await setTemporaryPassword(db(), userId, password, new Date());
    await recordAudit(db(), {
      actor: userActor(user),
      action: "user.password_changed",
      target: { type: "user", id: userId },
      details: { temporary: true },
    });
    refresh();
    return {
      message: "Temporary password set and their sessions ended. They choose their own at the next sign-in.",
    };
  });

export const clearSignInDelayAction = adminActionClient
  .metadata({ actionName: "clearSignInDelay" })
  .inputSchema(z.object({ userId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput: { userId }, ctx }) => {
    const user = await db().user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new UserManagementError("That user no longer exists.");
    await clearAccountFailures(db(), user.email);
    await recordAudit(db(), {
      actor: userActor(ctx.user),
      action: "user.unlocked",
      target: { type: "user", id: userId },
    });
    refresh();
    return { message: `Cleared: ${user.email} can sign in again without waiting.` };
  });
