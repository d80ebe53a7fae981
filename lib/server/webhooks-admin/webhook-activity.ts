import "server-only";
// What /settings/webhooks shows under a push provider: its last delivery, and what arrived in
// the day before `now`.
import type { Db } from "../db";
import type { ProviderId } from "../../shared/vocabulary";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface WebhookActivity {
  lastDelivery: { receivedAt: Date; status: string } | null;
  /** Deliveries received in the 24 hours before `now`, by status. */
  lastDay: { status: string; count: number }[];
}

export async function webhookActivity(db: Db, provider: ProviderId, now: Date): Promise<WebhookActivity> {
  const [lastDelivery, lastDay] = await Promise.all([
    db.delivery.findFirst({
      where: { provider },
      orderBy: { receivedAt: "desc" },
      select: { receivedAt: true, status: true },
    }),
    db.delivery.groupBy({
      by: ["status"],
      where: { provider, receivedAt: { gte: new Date(now.getTime() - DAY_MS), lte: now } },
      _count: { _all: true },
      orderBy: { status: "asc" },
    }),
  ]);
  return { lastDelivery, lastDay: lastDay.map((row) => ({ status: row.status, count: row._count._all })) };
}
