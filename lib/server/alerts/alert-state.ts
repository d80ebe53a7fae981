import "server-only";
// Each condition's state lives in one Alert row. Raising and clearing are conditional writes
// (only from cleared to raised, only from raised to cleared), so when every instance sees the
// same change at once, exactly one write succeeds, and only that instance announces it.
import type { Db } from "../db";
import type { Condition } from "./conditions";

export type Transition = { kind: "raised" | "resolved"; key: string; message: string };

export async function applyCondition(db: Db, condition: Condition, now: Date): Promise<Transition | null> {
  const { key, message } = condition;
  if (!condition.active) {
    const cleared = await db.alert.updateMany({
      where: { key, state: "raised" },
      data: { state: "cleared", clearedAt: now },
    });
    return cleared.count === 1 ? { kind: "resolved", key, message: await lastMessage(db, key, message) } : null;
  }
  const raised = await db.alert.updateMany({
    where: { key, state: "cleared" },
    data: { state: "raised", message, raisedAt: now, clearedAt: null },
  });
  if (raised.count === 1) return { kind: "raised", key, message };
  try {
    await db.alert.create({ data: { key, state: "raised", message, raisedAt: now } });
    return { kind: "raised", key, message };
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  // Raised already (by us or another instance): keep its text current, announce nothing.
  await db.alert.updateMany({ where: { key, state: "raised", NOT: { message } }, data: { message } });
  return null;
}

async function lastMessage(db: Db, key: string, fallback: string): Promise<string> {
  const row = await db.alert.findUnique({ where: { key }, select: { message: true } });
  return row?.message ?? fallback;
}

export interface RaisedAlert {
  key: string;
  message: string;
  raisedAt: Date;
}

/** What the admin banner shows: every condition raised now, oldest first. */
export async function raisedAlerts(db: Db): Promise<RaisedAlert[]> {
  return db.alert.findMany({
    where: { state: "raised" },
    orderBy: { raisedAt: "asc" },
    select: { key: true, message: true, raisedAt: true },
  });
}
