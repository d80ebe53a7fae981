"use server";
// Admin-only: each action checks the caller's role on the server before anything else.
import { refresh } from "next/cache";
import { requireAdminPrincipal } from "@/lib/server/auth/request-auth";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { backfillWindowSchema, requestSync } from "@/lib/server/providers/smartai/poller/request-sync";
import type { SyncActionResult } from "./sync-action-result";

const NOT_ALLOWED: SyncActionResult = { ok: false, message: "Only an admin can sync SmartAI. Sign in as an admin." };

export async function syncNowAction(): Promise<SyncActionResult> {
  if (!(await requireAdminPrincipal())) return NOT_ALLOWED;
  const result = await requestSync(db(), env(), { trigger: "manual" });
  refresh();
  return { ok: result.ok, message: result.message };
}

export async function backfillAction(_previous: SyncActionResult | null, form: FormData): Promise<SyncActionResult> {
  if (!(await requireAdminPrincipal())) return NOT_ALLOWED;
  const window = backfillWindowSchema.safeParse({ since: form.get("since"), until: form.get("until") });
  if (!window.success) return { ok: false, message: window.error.issues.map((issue) => issue.message).join(". ") };
  const result = await requestSync(db(), env(), { trigger: "backfill", ...window.data });
  refresh();
  return { ok: result.ok, message: result.message };
}
