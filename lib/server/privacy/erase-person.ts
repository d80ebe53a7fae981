import "server-only";
// Erasing a person (issue 14): one transaction deletes their candidate record and everything
// that hangs off it, deletes the raw deliveries about them alone and cuts them out of those
// that also carry others, then sweeps every text column for their email. What remains is an
// audit entry that names no one and a suppression entry (a keyed HMAC), so later deliveries
// about them are withheld. On SQLite the WAL is then checkpointed and truncated, so with
// secure_delete on (lib/db/create-client.ts) no copy of their rows stays in the files.
import type { Db, Tx } from "../db";
import { normaliseEmail } from "../../shared/vocabulary";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { dialectOf } from "../ingestion/apply/sql";
import { log } from "../log";
import { erasureKey, type ErasureKey } from "./email-hmac";
import {
  deliveriesCarrying,
  findCandidate,
  personMarks,
  providerHoldings,
  type CandidateRecords,
  type ProviderHolding,
} from "./person-records";
import { redactPerson, replaceMarks } from "./redact-body";
import { suppressEmail } from "./suppression";
import { findText, rewriteText, textColumns } from "./text-columns";

export interface ErasureCounts {
  candidates: number;
  identities: number;
  attempts: number;
  invitations: number;
  timelineEntries: number;
  notifications: number;
  shareLinks: number;
  shareLinkViews: number;
  deliveriesDeleted: number;
  deliveriesRedacted: number;
  otherTextsCleared: number;
}

export type ErasureResult = { erased: true; counts: ErasureCounts; providers: ProviderHolding[] } | { erased: false };

/** Tables the last sweep leaves alone: the app's users and the records that must outlive the erasure. */
const SWEEP_SKIPS = new Set(["User", "UserSession", "SignInDelay", "ApiToken", "AuditEntry", "ErasureSuppression"]);

export async function erasePerson(
  db: Db,
  who: { email: string } | { candidateId: string },
  actor: AuditActor,
  key: ErasureKey = erasureKey(),
): Promise<ErasureResult> {
  const found = await findCandidate(db, who);
  if (!found && !("email" in who)) return { erased: false };
  const email = normaliseEmail(found?.email ?? (who as { email: string }).email);

  // First, so nothing about them applies while (or after) the rest is deleted.
  await suppressEmail(db, email, key);
  const providers = found ? providerHoldings(found) : [];

  const counts = await db.$transaction(
    async (tx) => {
      // Read again inside the transaction: a delivery may have added to them since.
      const candidate = await findCandidate(tx, { email });
      const deliveryIds = await deliveriesCarrying(tx, email, candidate);
      const counts = await deleteCandidate(tx, candidate);
      const marks = personMarks(email, candidate);
      await cutDeliveries(
        tx,
        deliveryIds,
        { emails: marks.emails, names: [...marks.names, ...identityIds(candidate)] },
        counts,
      );
      counts.otherTextsCleared = await sweepText(tx, marks.emails);
      const held = Object.values(counts).some((count) => count > 0);
      await recordAudit(tx, {
        actor,
        action: "person.erased",
        details: { held, ...counts },
      });
      return counts;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  await checkpointSqlite(db);
  const held = Object.values(counts).some((count) => count > 0);
  return held ? { erased: true, counts, providers } : { erased: false };
}

async function deleteCandidate(tx: Tx, candidate: CandidateRecords | null): Promise<ErasureCounts> {
  const counts: ErasureCounts = {
    candidates: 0,
    identities: 0,
    attempts: 0,
    invitations: 0,
    timelineEntries: 0,
    notifications: 0,
    shareLinks: 0,
    shareLinkViews: 0,
    deliveriesDeleted: 0,
    deliveriesRedacted: 0,
    otherTextsCleared: 0,
  };
  if (!candidate) return counts;
  const attemptIds = candidate.attempts.map((attempt) => attempt.id);
  const shareLinkIds = candidate.attempts.flatMap((attempt) => attempt.shareLinks.map((link) => link.id));
  counts.shareLinkViews = (await tx.shareLinkView.deleteMany({ where: { shareLinkId: { in: shareLinkIds } } })).count;
  counts.shareLinks = (await tx.shareLink.deleteMany({ where: { id: { in: shareLinkIds } } })).count;
  counts.timelineEntries = (await tx.attemptChange.deleteMany({ where: { attemptId: { in: attemptIds } } })).count;
  counts.notifications = (await tx.notification.deleteMany({ where: { attemptId: { in: attemptIds } } })).count;
  counts.invitations = (await tx.invitation.deleteMany({ where: { candidateId: candidate.id } })).count;
  counts.attempts = (await tx.attempt.deleteMany({ where: { candidateId: candidate.id } })).count;
  counts.identities = (await tx.candidateIdentity.deleteMany({ where: { candidateId: candidate.id } })).count;
  counts.candidates = (await tx.candidate.deleteMany({ where: { id: candidate.id } })).count;
  return counts;
}

async function cutDeliveries(
  tx: Tx,
  ids: string[],
  marks: { emails: string[]; names: string[] },
  counts: ErasureCounts,
) {
  for (const id of ids) {
    const delivery = await tx.delivery.findUnique({ where: { id }, select: { body: true, candidateEmail: true } });
    if (!delivery) continue;
    const redaction = redactPerson(delivery.body, marks);
    const namesThem =
      delivery.candidateEmail !== null && marks.emails.includes(normaliseEmail(delivery.candidateEmail));
    if (redaction.kind === "redacted") {
      await tx.delivery.update({
        where: { id },
        data: { body: redaction.body, ...(namesThem ? { candidateEmail: null } : {}) },
      });
      counts.deliveriesRedacted += 1;
    } else if (redaction.kind === "only-them" || namesThem) {
      // Linked to their attempts or named as theirs: about them, whatever else the body says.
      await tx.delivery.delete({ where: { id } });
      counts.deliveriesDeleted += 1;
    }
    // Otherwise the body names neither them nor their provider ids: nothing of theirs is in it.
  }
}

/** Provider ids long enough to search raw bodies for (short ones would match unrelated text). */
function identityIds(candidate: CandidateRecords | null): string[] {
  return (candidate?.identities ?? []).map((identity) => identity.externalId).filter((id) => id.length >= 6);
}

/** The last sweep: their email in any other text or JSON column becomes "[erased]". Answers how many values changed. */
async function sweepText(tx: Tx, emails: string[]): Promise<number> {
  let changed = 0;
  for (const column of await textColumns(tx)) {
    if (SWEEP_SKIPS.has(column.table) || column.table.startsWith("_")) continue;
    for (const email of emails) {
      for (const match of await findText(tx, column, email)) {
        await rewriteText(tx, match, replaceMarks(match.value, [email]));
        changed += 1;
      }
    }
  }
  return changed;
}

/** Copies the WAL into the database file and truncates it, so deleted pages are not left in the -wal. */
async function checkpointSqlite(db: Db): Promise<void> {
  if (dialectOf(db as unknown as Tx) !== "sqlite") return;
  try {
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (error) {
    log.warn({ err: error }, "erasure: the WAL checkpoint did not complete; SQLite runs one on its own later");
  }
}
