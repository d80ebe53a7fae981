import { db } from "@/lib/server/db";
import { recentNotifications } from "@/lib/server/notifications/notifications";
import { noticePreferences } from "@/lib/server/notifications/result-notices";
import { NotificationMenu } from "./notification-menu";

/** The header bell: the user's unread count and latest notifications. */
export async function NotificationBell({ userId }: { userId: string }) {
  const [{ unread, items }, preferences] = await Promise.all([
    recentNotifications(db(), userId),
    noticePreferences(db(), userId),
  ]);
  return (
    <NotificationMenu
      preferences={preferences}
      unread={unread}
      items={items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() }))}
    />
  );
}
