import "server-only";
// A cheap fingerprint of "anything new for this user": the newest result change and their
// notifications. Open pages poll it and refresh only when it moves.
import type { Db } from "../db";

export async function activityStamp(db: Db, userId: string): Promise<string> {
  const [latestResult, unread, latestNotification] = await Promise.all([
    db.attempt.findFirst({ orderBy: [{ updatedAt: "desc" }, { id: "desc" }], select: { id: true, updatedAt: true } }),
    db.notification.count({ where: { userId, readAt: null } }),
    db.notification.findFirst({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    }),
  ]);
  return [
    latestResult?.updatedAt.toISOString() ?? "-",
    latestResult?.id ?? "-",
    unread,
    latestNotification?.id ?? "-",
  ].join("|");
}
