import { db } from "@/lib/server/db";
import { recentNotifications } from "@/lib/server/notifications/notifications";
import { NotificationMenu } from "./notification-menu";

/** The header bell: the user's unread count and latest notifications. */
export async function NotificationBell({ userId }: { userId: string }) {
  const { unread, items } = await recentNotifications(db(), userId);
  return (
    <NotificationMenu
      unread={unread}
      items={items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() }))}
    />
  );
}
