"use server";
// Admin-only: each action checks the caller's role on the server before anything else.
import { refresh } from "next/cache";
import { z } from "zod";
import { requireAdminPrincipal } from "@/lib/server/auth/request-auth";
import { db } from "@/lib/server/db";
import { ROLES } from "@/lib/shared/vocabulary";
import { changeRole, createUser, newUserSchema, setActive, UserManagementError } from "@/lib/server/users/manage-users";
import type { UserActionResult } from "./user-action-result";

const NOT_ALLOWED: UserActionResult = { ok: false, message: "Only an admin can manage users. Sign in as an admin." };

export async function createUserAction(_previous: UserActionResult | null, form: FormData): Promise<UserActionResult> {
  if (!(await requireAdminPrincipal())) return NOT_ALLOWED;
  const input = newUserSchema.safeParse({
    name: form.get("name"),
    email: form.get("email"),
    role: form.get("role"),
    password: form.get("password"),
  });
  if (!input.success) return { ok: false, message: input.error.issues.map((issue) => issue.message).join(". ") };
  return run(async () => {
    await createUser(db(), input.data);
    return `Added ${input.data.email} as ${input.data.role === "admin" ? "an admin" : "a recruiter"}. Pass the password on to them safely.`;
  });
}

const roleChangeSchema = z.object({ userId: z.string().min(1).max(64), role: z.enum(ROLES) });

export async function changeRoleAction(userId: string, role: string): Promise<UserActionResult> {
  if (!(await requireAdminPrincipal())) return NOT_ALLOWED;
  const input = roleChangeSchema.safeParse({ userId, role });
  if (!input.success) return { ok: false, message: "Choose admin or recruiter." };
  return run(async () => {
    await changeRole(db(), input.data.userId, input.data.role);
    return `Role changed to ${input.data.role}; their current sessions were signed out.`;
  });
}

const activeChangeSchema = z.object({ userId: z.string().min(1).max(64), active: z.boolean() });

export async function setActiveAction(userId: string, active: boolean): Promise<UserActionResult> {
  if (!(await requireAdminPrincipal())) return NOT_ALLOWED;
  const input = activeChangeSchema.safeParse({ userId, active });
  if (!input.success) return { ok: false, message: "That change is not possible." };
  return run(async () => {
    await setActive(db(), input.data.userId, input.data.active);
    return input.data.active ? "Reactivated: they can sign in again." : "Deactivated: they were signed out everywhere.";
  });
}

async function run(change: () => Promise<string>): Promise<UserActionResult> {
  try {
    const message = await change();
    refresh();
    return { ok: true, message };
  } catch (error) {
    if (error instanceof UserManagementError) return { ok: false, message: error.message };
    throw error;
  }
}
