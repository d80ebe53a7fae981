"use server";
// A user marks only their own notifications: another user's id changes nothing.
import { refresh } from "next/cache";
import { z } from "zod";
import { userActionClient } from "@/lib/server/actions/safe-action";
import { db } from "@/lib/server/db";
import { markNotificationsRead } from "@/lib/server/notifications/notifications";
import { noticePreferencesSchema, setNoticePreferences } from "@/lib/server/notifications/result-notices";

export const markNotificationReadAction = userActionClient
  .metadata({ actionName: "markNotificationRead" })
  .inputSchema(z.object({ id: z.string().min(1).max(100) }))
  .action(async ({ parsedInput: { id }, ctx: { user } }) => {
    await markNotificationsRead(db(), user.id, [id]);
    refresh();
  });

export const markAllNotificationsReadAction = userActionClient
  .metadata({ actionName: "markAllNotificationsRead" })
  .action(async ({ ctx: { user } }) => {
    await markNotificationsRead(db(), user.id, "all");
    refresh();
  });

/** The signed-in user's own choice: which jobs' result notices they hear of, and which kinds. */
export const setNoticePreferencesAction = userActionClient
  .metadata({ actionName: "setNoticePreferences" })
  .inputSchema(noticePreferencesSchema)
  .action(async ({ parsedInput, ctx: { user } }) => {
    await setNoticePreferences(db(), user.id, parsedInput);
    refresh();
    return parsedInput;
  });
