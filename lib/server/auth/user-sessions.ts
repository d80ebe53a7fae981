import "server-only";
// Server-side sessions. The signed session cookie carries a random id; the session row, keyed
// by that id's hash, is what makes the cookie good. Signing out, an admin, a password change,
// idle time and the absolute lifetime end the row, and a cookie copied before that stops
// working at once, wherever it was copied to.
import type { Db, Tx } from "../db";
import { generateToken, hashToken } from "./secrets";

export const SESSION_END_REASONS = [
  "signed-out",
  "ended-by-admin",
  "password-changed",
  "access-changed",
  "idle",
  "lifetime",
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export function sessionLimits(settings: { SESSION_IDLE_HOURS: number; SESSION_MAX_HOURS: number }): SessionLimits {
  return { idleMs: settings.SESSION_IDLE_HOURS * 3_600_000, maxMs: settings.SESSION_MAX_HOURS * 3_600_000 };
}

/** Last-seen is written at most once a minute per session: idle time is measured to the minute. */
const TOUCH_EVERY_MS = 60_000;
const MAX_USER_AGENT = 300;

/** Starts a session and answers the id to carry in the cookie (never stored as such). */
export async function startUserSession(
  db: Db | Tx,
  input: { userId: string; ipAddress: string; userAgent: string | null },
  now: Date,
): Promise<string> {
  const token = generateToken();
  await db.userSession.create({
    data: {
      tokenHash: hashToken(token),
      userId: input.userId,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
      createdAt: now,
      lastSeenAt: now,
    },
  });
  return token;
}

export interface LiveSession {
  id: string;
  userId: string;
}

/**
 * The session the cookie's id names, if it is still live at `now`; a session past its idle
 * time or its lifetime is ended here. `activity: false` (background polling) checks without
 * counting as use, so an open tab does not keep a session alive.
 */
export async function liveUserSession(
  db: Db,
  token: string,
  limits: SessionLimits,
  now: Date,
  options: { activity: boolean } = { activity: true },
): Promise<LiveSession | null> {
  const session = await db.userSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, createdAt: true, lastSeenAt: true, endedAt: true },
  });
  if (!session || session.endedAt) return null;
  const expired = expiryReason(session, limits, now);
  if (expired) {
    await endSessions(db, { id: session.id }, expired, now);
    return null;
  }
  if (options.activity && now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: session.id, endedAt: null }, data: { lastSeenAt: now } });
  }
  return { id: session.id, userId: session.userId };
}

function expiryReason(
  session: { createdAt: Date; lastSeenAt: Date },
  limits: SessionLimits,
  now: Date,
): SessionEndReason | null {
  if (now.getTime() - session.createdAt.getTime() >= limits.maxMs) return "lifetime";
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs) return "idle";
  return null;
}

/** Ends the session a cookie's id names (sign-out). */
export async function endUserSessionByToken(db: Db, token: string, now: Date): Promise<void> {
  await endSessions(db, { tokenHash: hashToken(token) }, "signed-out", now);
}

/** Ends live sessions matching `where` (one by id, or all of a user's, or all but one). */
export async function endSessions(
  db: Db | Tx,
  where: { id?: string; tokenHash?: string; userId?: string; NOT?: { id: string } },
  reason: SessionEndReason,
  now: Date,
): Promise<number> {
  const ended = await db.userSession.updateMany({
    where: { ...where, endedAt: null },
    data: { endedAt: now, endedReason: reason },
  });
  return ended.count;
}

export interface ActiveSession {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  ipAddress: string;
  userAgent: string | null;
}

/** Sessions still live at `now`, newest use first: what an admin sees and can end. */
export async function activeSessions(
  db: Db,
  limits: SessionLimits,
  now: Date,
  userIds?: string[],
): Promise<ActiveSession[]> {
  return db.userSession.findMany({
    where: {
      endedAt: null,
      ...(userIds ? { userId: { in: userIds } } : {}),
      createdAt: { gt: new Date(now.getTime() - limits.maxMs) },
      lastSeenAt: { gt: new Date(now.getTime() - limits.idleMs) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, userId: true, createdAt: true, lastSeenAt: true, ipAddress: true, userAgent: true },
  });
}

/** Rows of sessions that ended long ago: kept for a while as the record of where people sign in from. */
export async function sweepOldSessions(db: Db, keepDays: number, now: Date): Promise<void> {
  await db.userSession.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - keepDays * 86_400_000) } } });
}
