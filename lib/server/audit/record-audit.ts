import "server-only";
// The audit log (issue 14): who did what to what, and when. Entries are only ever added; the
// retention purge is the one thing that deletes them. An entry names its actor (a user or an
// API token) and its target by id, never a candidate's name or email: an erasure leaves the
// log intact without leaving the person in it.
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db, Tx } from "../db";

export const AUDIT_ACTIONS = [
  "candidate.viewed",
  "share_link.created",
  "share_link.revoked",
  "results.exported",
  "user.created",
  "user.role_changed",
  "user.activated",
  "user.deactivated",
  "user.password_changed",
  "user.unlocked",
  "token.created",
  "token.revoked",
  "session.revoked",
  "deliveries.replayed",
  "backfill.requested",
  "person.erased",
  "erasure.lifted",
  "person.data_exported",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** Who acted: a signed-in user, an API token, or the app itself (the retention purge). */
export type AuditActor =
  | { kind: "user"; id: string; label?: string | null }
  | { kind: "token"; id: string; label?: string | null }
  | { kind: "system"; label: string };

export interface AuditRecord {
  actor: AuditActor;
  action: AuditAction;
  /** What it was done to, by id: `{ type: "candidate", id }`. Omit for actions on no one in particular. */
  target?: { type: string; id: string } | null;
  /** Counts and facts that name no one (never a candidate's email or name). */
  details?: Record<string, string | number | boolean | null> | null;
  at?: Date;
  /**
   * Skip the entry when the same actor did the same to the same target this recently: a page
   * that re-renders on live updates (every few seconds while results arrive) is one view.
   */
  unlessRecordedWithinMs?: number;
}

/** Appends one entry. Pass the transaction when the entry must commit with what it records. */
export async function recordAudit(db: Db | Tx, record: AuditRecord): Promise<void> {
  const { actor } = record;
  const at = record.at ?? new Date();
  if (record.unlessRecordedWithinMs && record.target && actor.kind !== "system") {
    const recent = await db.auditEntry.findFirst({
      where: {
        targetId: record.target.id,
        at: { gte: new Date(at.getTime() - record.unlessRecordedWithinMs) },
        actorId: actor.id,
        action: record.action,
      },
      select: { id: true },
    });
    if (recent) return;
  }
  await db.auditEntry.create({
    data: {
      at,
      actorType: actor.kind,
      actorId: actor.kind === "system" ? null : actor.id,
      actorLabel: actor.label ?? null,
      action: record.action,
      targetType: record.target?.type ?? null,
      targetId: record.target?.id ?? null,
      details: (record.details ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

/** The actor for a signed-in user as the session knows them. */
export function userActor(user: { id: string; email: string }): AuditActor {
  return { kind: "user", id: user.id, label: user.email };
}
