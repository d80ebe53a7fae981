import "server-only";
// Erased people stay erased: a suppression entry (a keyed HMAC of their email) makes the
// applier withhold every later event about them, however the delivery came (pushed, polled,
// backfilled, replayed). The delivery is kept, so a re-sent copy is still refused as a
// duplicate, but without the person in it, and it counts how many events it withheld.
//
// Racing an erasure: on PostgreSQL the applier reads suppressions under a shared advisory lock
// and an erasure adds its entry under the exclusive one (committed before it deletes), so a
// batch either sees the entry or has committed before the erasure starts deleting. SQLite has
// one writer at a time, so a batch that read before the entry existed cannot commit after it.
import type { Db, Tx } from "../db";
import type { DomainEvent } from "../domain/events";
import type { BatchDelivery } from "../ingestion/apply/apply-batch";
import type { SqlRunner } from "../ingestion/apply/runner";
import { Statement, dialectOf } from "../ingestion/apply/sql";
import { normaliseEmail } from "../../shared/vocabulary";
import { emailHmac, erasureKey, type ErasureKey } from "./email-hmac";
import { redactPerson } from "./redact-body";

/** Any constant: the advisory lock that orders erasures against apply batches on PostgreSQL. */
const SUPPRESSION_LOCK = 727_014;

/** What a withheld delivery's body becomes when the erased person was all it was about. */
export const WITHHELD_BODY = JSON.stringify({
  withheld: "This delivery was about a person whose data was erased; its content was not kept.",
});

/**
 * The deliveries as they may be applied: events about erased people removed, and those
 * deliveries' stored bodies cut down in the same transaction. Call it inside the batch's
 * transaction, just before its events are applied.
 */
export async function withoutErasedPeople(
  run: SqlRunner,
  deliveries: BatchDelivery[],
  key: ErasureKey = erasureKey(),
): Promise<BatchDelivery[]> {
  const hmacByEmail = new Map<string, string>();
  for (const delivery of deliveries) {
    for (const email of emailsIn(delivery.events)) {
      if (!hmacByEmail.has(email)) hmacByEmail.set(email, emailHmac(email, key));
    }
  }
  if (hmacByEmail.size === 0) return deliveries;
  if (run.dialect === "postgresql") await run.query(`SELECT pg_advisory_xact_lock_shared(${SUPPRESSION_LOCK})`, []);
  const suppressed = await new Statement(run.dialect)
    .sql(`SELECT "emailHmac" FROM "ErasureSuppression" WHERE "emailHmac" IN (`)
    .list([...new Set(hmacByEmail.values())])
    .sql(")")
    .query<{ emailHmac: string }>(run);
  if (suppressed.length === 0) return deliveries;
  const suppressedHmacs = new Set(suppressed.map((row) => row.emailHmac));
  const isErased = (email: string) => suppressedHmacs.has(hmacByEmail.get(normaliseEmail(email)) ?? "");

  const kept: BatchDelivery[] = [];
  for (const delivery of deliveries) {
    const { events, withheld, people } = withholdEvents(delivery.events, isErased);
    if (withheld === 0) {
      kept.push(delivery);
      continue;
    }
    if (delivery.id) await cutFromStoredDelivery(run, delivery.id, people, withheld);
    kept.push({ ...delivery, events });
  }
  return kept;
}

function emailsIn(events: DomainEvent[]): string[] {
  return events.flatMap((event) => {
    if (event.kind === "attempt.reported") return [normaliseEmail(event.candidate.email)];
    if (event.kind === "candidates.invited")
      return event.invitations.map(({ candidate }) => normaliseEmail(candidate.email));
    return [];
  });
}

interface Withholding {
  events: DomainEvent[];
  withheld: number;
  people: { emails: string[]; names: string[] };
}

function withholdEvents(events: DomainEvent[], isErased: (email: string) => boolean): Withholding {
  const people = { emails: new Set<string>(), names: new Set<string>() };
  const note = (candidate: { email: string; name?: string | null }) => {
    people.emails.add(normaliseEmail(candidate.email));
    if (candidate.name && candidate.name.trim().length >= MIN_NAME_LENGTH) people.names.add(candidate.name.trim());
  };
  let withheld = 0;
  const kept: DomainEvent[] = [];
  for (const event of events) {
    if (event.kind === "attempt.reported" && isErased(event.candidate.email)) {
      note(event.candidate);
      withheld += 1;
    } else if (event.kind === "candidates.invited") {
      const invitations = event.invitations.filter(({ candidate }) => {
        if (!isErased(candidate.email)) return true;
        note(candidate);
        withheld += 1;
        return false;
      });
      if (invitations.length > 0) kept.push({ ...event, invitations });
    } else {
      kept.push(event);
    }
  }
  return { events: kept, withheld, people: { emails: [...people.emails], names: [...people.names] } };
}

/** Names shorter than this are not searched for in text: they would match inside other words. */
export const MIN_NAME_LENGTH = 3;

async function cutFromStoredDelivery(
  run: SqlRunner,
  deliveryId: string,
  people: Withholding["people"],
  withheld: number,
) {
  const [stored] = await new Statement(run.dialect)
    .sql(`SELECT "body", "candidateEmail" FROM "Delivery" WHERE "id" = `)
    .value(deliveryId)
    .query<{ body: string; candidateEmail: string | null }>(run);
  if (!stored) return;
  const namedThem = stored.candidateEmail !== null && people.emails.includes(normaliseEmail(stored.candidateEmail));
  const redaction = redactPerson(stored.body, people);
  const body =
    redaction.kind === "redacted" ? redaction.body : redaction.kind === "absent" ? stored.body : WITHHELD_BODY;
  const update = new Statement(run.dialect)
    .sql(`UPDATE "Delivery" SET "body" = `)
    .value(body)
    .sql(`, "withheldEvents" = "withheldEvents" + `)
    .value(withheld);
  if (namedThem) update.sql(`, "candidateEmail" = NULL`);
  await update.sql(` WHERE "id" = `).value(deliveryId).execute(run);
}

/** Adds the entry for good (idempotent). Commits before the erasure deletes anything: see the file's top. */
export async function suppressEmail(db: Db, email: string, key: ErasureKey = erasureKey()): Promise<string> {
  const hmac = emailHmac(email, key);
  await db.$transaction(async (tx) => {
    if (dialectOf(tx) === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SUPPRESSION_LOCK})`);
    await tx.erasureSuppression.upsert({
      where: { emailHmac: hmac },
      create: { emailHmac: hmac, keyId: key.id },
      update: {},
    });
  });
  return hmac;
}

/** An admin lifts an erasure: later deliveries about the person apply again. Answers whether one was held. */
export async function liftSuppression(db: Db | Tx, email: string, key: ErasureKey = erasureKey()): Promise<boolean> {
  const removed = await db.erasureSuppression.deleteMany({ where: { emailHmac: emailHmac(email, key) } });
  return removed.count > 0;
}

export async function isSuppressed(db: Db | Tx, email: string, key: ErasureKey = erasureKey()): Promise<boolean> {
  return (await erasedAmong(db, [email], key)).size > 0;
}

/** Those of `emails` (as given) that belong to erased people. */
export async function erasedAmong(db: Db | Tx, emails: string[], key: ErasureKey = erasureKey()): Promise<Set<string>> {
  const emailByHmac = new Map(emails.map((email) => [emailHmac(email, key), email]));
  const held = await db.erasureSuppression.findMany({
    where: { emailHmac: { in: [...emailByHmac.keys()] } },
    select: { emailHmac: true },
  });
  return new Set(held.map((row) => emailByHmac.get(row.emailHmac)!));
}

/** What the privacy page shows: how many are suppressed, how many under another key, and what was withheld. */
export async function suppressionOverview(db: Db, key: ErasureKey = erasureKey()) {
  const [total, otherKey, withheld] = await Promise.all([
    db.erasureSuppression.count(),
    db.erasureSuppression.count({ where: { keyId: { not: key.id } } }),
    db.delivery.aggregate({ where: { withheldEvents: { gt: 0 } }, _sum: { withheldEvents: true }, _count: true }),
  ]);
  return {
    suppressed: total,
    madeWithAnotherKey: otherKey,
    withheldDeliveries: withheld._count,
    withheldEvents: withheld._sum.withheldEvents ?? 0,
  };
}
