"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { markNotificationsRead } from "@/lib/server/notifications/notifications";

const notificationId = z.string().min(1).max(100);

/** Marks one of the signed-in user's notifications read; another user's id changes nothing. */
export async function markNotificationReadAction(id: string): Promise<{ ok: boolean }> {
  const user = await getCurrentUser();
  const parsed = notificationId.safeParse(id);
  if (!user || !parsed.success) return { ok: false };
  await markNotificationsRead(db(), user.id, [parsed.data]);
  refresh();
  return { ok: true };
}

export async function markAllNotificationsReadAction(): Promise<{ ok: boolean }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false };
  await markNotificationsRead(db(), user.id, "all");
  refresh();
  return { ok: true };
}
