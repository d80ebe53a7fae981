import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db";
import { env } from "../env";
import type { Role } from "../../shared/vocabulary";
import { authOptions } from "./options";
import { liveUserSession, sessionLimits } from "./user-sessions";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The server-side session this request came with. */
  sessionId?: string;
  /** An admin set a temporary password: pages send the person to change it first. */
  mustChangePassword?: boolean;
  /** IANA zone pages show times in; null until the first sign-in from a browser sets it. */
  timeZone?: string | null;
}

/** Where a person with a temporary password is sent until they choose their own. */
export const CHANGE_PASSWORD_PATH = "/account?change=required";

/**
 * The signed-in user, checked against the database on every request: the session row must
 * be live (not signed out, ended by an admin, idle too long or past its lifetime), and a
 * deactivated user, or one whose role changed since sign-in (sessionVersion bumped), is
 * signed out at once.
 */
async function resolveCurrentUser(activity: boolean): Promise<CurrentUser | null> {
  const session = (await getServerSession(authOptions())) as {
    userId?: string;
    sessionVersion?: number;
    sid?: string;
  } | null;
  if (!session?.userId || !session.sid) return null;
  const live = await liveUserSession(db(), session.sid, sessionLimits(env()), new Date(), { activity });
  if (!live || live.userId !== session.userId) return null;
  const user = await db().user.findUnique({
    where: { id: session.userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      sessionVersion: true,
      mustChangePassword: true,
      timeZone: true,
    },
  });
  if (!user || !user.active || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    sessionId: live.id,
    mustChangePassword: user.mustChangePassword,
    timeZone: user.timeZone,
  };
}

export const getCurrentUser = cache(() => resolveCurrentUser(true));

/** For background polling: the same checks, but the request does not count as use (idle time runs on). */
export const getCurrentUserWithoutActivity = cache(() => resolveCurrentUser(false));

/**
 * For pages: the signed-in user, or a redirect to /login. A person with a temporary password
 * is sent to change it; only the account page (and the layout around it) lets them stay.
 */
export async function requireUser(options: { whilePasswordChangeIsDue?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword && !options.whilePasswordChangeIsDue) redirect(CHANGE_PASSWORD_PATH);
  return user;
}

/** For admin pages: recruiters get a 404, as if the page did not exist. */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  return user;
}
