import "server-only";
// In-app notifications: applyEvents writes them for a job's followers when a candidate
// finishes; the header bell reads them here. Every query is scoped to the asking user.
import type { Db } from "../db";

export interface NotificationItem {
  id: string;
  title: string;
  body: string;
  createdAt: Date;
  read: boolean;
  /** The candidate page the notification is about, when the attempt still exists. */
  href: string | null;
}

export async function recentNotifications(db: Db, userId: string, take = 8) {
  const [unread, rows] = await Promise.all([
    db.notification.count({ where: { userId, readAt: null } }),
    db.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, title: true, body: true, createdAt: true, readAt: true, attemptId: true },
    }),
  ]);
  const attemptIds = rows.flatMap((row) => (row.attemptId ? [row.attemptId] : []));
  const attempts = attemptIds.length
    ? await db.attempt.findMany({ where: { id: { in: attemptIds } }, select: { id: true, candidateId: true } })
    : [];
  const candidateOf = new Map(attempts.map((attempt) => [attempt.id, attempt.candidateId]));
  const items: NotificationItem[] = rows.map((row) => {
    const candidateId = row.attemptId ? candidateOf.get(row.attemptId) : undefined;
    return {
      id: row.id,
      title: row.title,
      body: row.body,
      createdAt: row.createdAt,
      read: row.readAt !== null,
      href: candidateId ? `/candidates/${candidateId}#attempt-${row.attemptId}` : null,
    };
  });
  return { unread, items };
}

/** Marks the user's own notifications read; ids of other users' notifications change nothing. */
export async function markNotificationsRead(db: Db, userId: string, ids: string[] | "all"): Promise<number> {
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids !== "all" && { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return result.count;
}
