import "server-only";
// What the daily purge deletes (issue 14):
// - results not updated for RETENTION_DAYS: the attempt with its timeline, share links and their
//   views, and its notifications; invitations as old; then candidates left with nothing.
// - raw bodies of processed deliveries RAW_RETENTION_DAYS after processing: the body becomes
//   empty and the headers and email go, but the row stays, so (provider, externalId) still
//   refuses a re-sent old delivery as a duplicate. Rows themselves go after RETENTION_DAYS.
// - audit entries older than RETENTION_DAYS (the one deletion the audit log allows), except
//   the records of erasures, which name no one and prove the erasure was done.
// Failed, unrecognised and pending deliveries keep their bodies (an admin may still replay
// them) until their rows reach RETENTION_DAYS.
import type { Db } from "../db";

const DAY_MS = 86_400_000;
/** The record that an erasure happened (naming no one) is the proof it was done: kept like the suppression entry. */
const KEPT_AUDIT_ACTIONS = ["person.erased", "erasure.lifted"] as const;
/** Rows per delete statement: keeps each transaction short on a large backlog. */
const CHUNK = 500;

export interface RetentionPolicy {
  retentionDays: number;
  rawRetentionDays: number;
}

export interface PurgeCounts {
  attempts: number;
  invitations: number;
  candidates: number;
  notifications: number;
  rawBodies: number;
  deliveries: number;
  auditEntries: number;
}

export async function purgeExpired(db: Db, policy: RetentionPolicy, now = new Date()): Promise<PurgeCounts> {
  const resultsBefore = new Date(now.getTime() - policy.retentionDays * DAY_MS);
  const rawBefore = new Date(now.getTime() - policy.rawRetentionDays * DAY_MS);
  const counts: PurgeCounts = {
    attempts: 0,
    invitations: 0,
    candidates: 0,
    notifications: 0,
    rawBodies: 0,
    deliveries: 0,
    auditEntries: 0,
  };

  for (;;) {
    const expired = await db.attempt.findMany({
      where: { updatedAt: { lt: resultsBefore } },
      select: { id: true },
      take: CHUNK,
    });
    if (expired.length === 0) break;
    const ids = expired.map((attempt) => attempt.id);
    await db.$transaction(async (tx) => {
      counts.notifications += (await tx.notification.deleteMany({ where: { attemptId: { in: ids } } })).count;
      // Timeline, share links and views go with the attempt (onDelete: Cascade).
      counts.attempts += (await tx.attempt.deleteMany({ where: { id: { in: ids } } })).count;
    });
  }
  counts.invitations = (await db.invitation.deleteMany({ where: { updatedAt: { lt: resultsBefore } } })).count;
  counts.candidates = (
    await db.candidate.deleteMany({
      where: { updatedAt: { lt: resultsBefore }, attempts: { none: {} }, invitations: { none: {} } },
    })
  ).count;

  counts.rawBodies = (
    await db.delivery.updateMany({
      where: { status: "processed", processedAt: { lt: rawBefore }, NOT: { body: "" } },
      data: { body: "", candidateEmail: null },
    })
  ).count;
  // Prisma writes JSON null through a sentinel each client defines; plain SQL says it for both.
  await db.$executeRawUnsafe(
    `UPDATE "Delivery" SET "headers" = NULL WHERE "status" = 'processed' AND "body" = '' AND "headers" IS NOT NULL`,
  );
  counts.deliveries = (
    await db.delivery.deleteMany({ where: { receivedAt: { lt: resultsBefore }, status: { not: "pending" } } })
  ).count;
  counts.auditEntries = (
    await db.auditEntry.deleteMany({ where: { at: { lt: resultsBefore }, action: { notIn: [...KEPT_AUDIT_ACTIONS] } } })
  ).count;
  return counts;
}
