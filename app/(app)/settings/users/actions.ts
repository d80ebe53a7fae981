"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formInput } from "@/lib/server/actions/form-input";
import { adminActionClient } from "@/lib/server/actions/safe-action";
import { db } from "@/lib/server/db";
import { ROLES } from "@/lib/shared/vocabulary";
import { changeRole, createUser, newUserSchema, setActive } from "@/lib/server/users/manage-users";

export const createUserAction = adminActionClient
  .metadata({ actionName: "createUser" })
  .inputSchema(formInput(newUserSchema))
  .stateAction(async ({ parsedInput: user }) => {
    await createUser(db(), user);
    refresh();
    const role = user.role === "admin" ? "an admin" : "a recruiter";
    return { message: `Added ${user.email} as ${role}. Pass the password on to them safely.` };
  });

export const changeRoleAction = adminActionClient
  .metadata({ actionName: "changeRole" })
  .inputSchema(
    z.object({ userId: z.string().min(1).max(64), role: z.enum(ROLES, { message: "Choose admin or recruiter." }) }),
  )
  .action(async ({ parsedInput: { userId, role } }) => {
    await changeRole(db(), userId, role);
    refresh();
    return { message: `Role changed to ${role}; their current sessions were signed out.` };
  });

export const setActiveAction = adminActionClient
  .metadata({ actionName: "setActive" })
  .inputSchema(z.object({ userId: z.string().min(1).max(64), active: z.boolean() }))
  .action(async ({ parsedInput: { userId, active } }) => {
    await setActive(db(), userId, active);
    refresh();
    return {
      message: active ? "Reactivated: they can sign in again." : "Deactivated: they were signed out everywhere.",
    };
  });
