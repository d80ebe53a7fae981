import "server-only";
// In-app notifications, as the header bell reads them: messages to one user (Notification rows,
// such as "your linked assessment moved"), and result notices worked out for this user at read
// time from what ingestion recorded once per event (result-notices.ts). Every query is scoped to
// the asking user.
import type { Db } from "../db";
import { derivedNotices, markNoticesRead } from "./result-notices";

const isNoticeKey = (id: string) => id.startsWith("r:") || id.startsWith("g:");

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
  const [direct, notices] = await Promise.all([directNotifications(db, userId, take), derivedNotices(db, userId)]);
  const items: NotificationItem[] = [
    ...direct.items,
    ...notices.map((notice) => ({
      id: notice.key,
      title: notice.title,
      body: notice.body,
      createdAt: notice.createdAt,
      read: notice.read,
      href: notice.href,
    })),
  ]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, take);
  return { unread: direct.unread + notices.filter((notice) => !notice.read).length, items };
}

async function directNotifications(db: Db, userId: string, take: number) {
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
  const noticeKeys = ids === "all" ? "all" : ids.filter(isNoticeKey);
  if (noticeKeys === "all" || noticeKeys.length > 0) await markNoticesRead(db, userId, noticeKeys);
  const directIds = ids === "all" ? "all" : ids.filter((id) => !isNoticeKey(id));
  if (directIds !== "all" && directIds.length === 0) return noticeKeys.length;
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, ...(directIds !== "all" && { id: { in: directIds } }) },
    data: { readAt: new Date() },
  });
  return result.count + (noticeKeys === "all" ? 0 : noticeKeys.length);
}
