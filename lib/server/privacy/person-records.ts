import "server-only";
// Everything the hub holds about one person, found from their email: the candidate and what
// hangs off them, and the raw deliveries that carry them. The erasure deletes what this finds;
// the access request hands it over.
import type { Db, Tx } from "../db";
import { normaliseEmail } from "../../shared/vocabulary";
import { dialectOf } from "../ingestion/apply/sql";
import { MIN_NAME_LENGTH } from "./suppression";

/** Provider ids shorter than this are not searched for in raw bodies: they would match unrelated text. */
const MIN_IDENTITY_LENGTH = 6;

export async function findCandidate(db: Db | Tx, by: { email: string } | { candidateId: string }) {
  const where = "email" in by ? { email: normaliseEmail(by.email) } : { id: by.candidateId };
  return db.candidate.findUnique({
    where,
    include: {
      identities: true,
      invitations: { include: { assessment: { select: { name: true, provider: true } } } },
      attempts: {
        include: {
          assessment: { select: { name: true, provider: true } },
          changes: { orderBy: { recordedAt: "asc" } },
          shareLinks: { include: { views: true } },
        },
      },
    },
  });
}

export type CandidateRecords = NonNullable<Awaited<ReturnType<typeof findCandidate>>>;

/** What identifies the person in text: their email, and their name when it is long enough to search for. */
export function personMarks(email: string, candidate: CandidateRecords | null) {
  const name = candidate?.name.trim() ?? "";
  return {
    emails: [...new Set([normaliseEmail(email), ...(candidate ? [normaliseEmail(candidate.email)] : [])])],
    names: name.length >= MIN_NAME_LENGTH ? [name] : [],
  };
}

/** Ids of stored deliveries that carry the person: named by email, linked to their attempts, or mentioning them. */
export async function deliveriesCarrying(db: Db | Tx, email: string, candidate: CandidateRecords | null) {
  const ids = new Set<string>();
  for (const attempt of candidate?.attempts ?? []) {
    for (const change of attempt.changes) if (change.deliveryId) ids.add(change.deliveryId);
  }
  const named = await db.delivery.findMany({ where: { candidateEmail: normaliseEmail(email) }, select: { id: true } });
  for (const { id } of named) ids.add(id);
  const needles = [
    normaliseEmail(email),
    ...(candidate?.identities ?? [])
      .map((identity) => identity.externalId)
      .filter((id) => id.length >= MIN_IDENTITY_LENGTH),
  ];
  for (const needle of needles) {
    for (const { id } of await bodiesMentioning(db, needle)) ids.add(id);
  }
  return [...ids];
}

function bodiesMentioning(db: Db | Tx, text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return dialectOf(db as Tx) === "postgresql"
    ? db.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "Delivery" WHERE "body" ILIKE $1 ESCAPE '\\'`, pattern)
    : db.$queryRawUnsafe<{ id: string }[]>(
        `SELECT "id" FROM "Delivery" WHERE lower("body") LIKE lower(?) ESCAPE '\\'`,
        pattern,
      );
}

export interface ProviderHolding {
  provider: string;
  /** The person's id at that provider, to quote when asking it to delete them. */
  externalIds: string[];
  /** What the provider keeps that the hub only links to. */
  holds: string[];
  /** Hosts the hub's links point to (recordings, reports, invitations). */
  hosts: string[];
}

/** Which providers hold the person's data themselves: gathered before the erasure deletes the links. */
export function providerHoldings(candidate: CandidateRecords): ProviderHolding[] {
  const byProvider = new Map<string, { ids: Set<string>; holds: Set<string>; hosts: Set<string> }>();
  const entry = (provider: string) => {
    let found = byProvider.get(provider);
    if (!found) byProvider.set(provider, (found = { ids: new Set(), holds: new Set(), hosts: new Set() }));
    return found;
  };
  const addHost = (provider: string, url: string | null | undefined) => {
    if (!url) return;
    try {
      entry(provider).hosts.add(new URL(url).host);
    } catch {
      // Not a URL: nothing to point the admin to.
    }
  };
  for (const identity of candidate.identities) entry(identity.provider).ids.add(identity.externalId);
  for (const attempt of candidate.attempts) {
    const found = entry(attempt.provider);
    found.holds.add("assessment answers and scores");
    if (attempt.recordingUrl || attempt.media) found.holds.add("recordings");
    if (attempt.reportUrl) found.holds.add("reports");
    if (attempt.proctoringDetails || attempt.proctoringScore !== null) found.holds.add("proctoring evidence");
    addHost(attempt.provider, attempt.recordingUrl);
    addHost(attempt.provider, attempt.reportUrl);
    for (const item of Array.isArray(attempt.media) ? (attempt.media as { url?: string }[]) : []) {
      addHost(attempt.provider, item?.url);
    }
  }
  for (const invitation of candidate.invitations) {
    entry(invitation.provider).holds.add("the invitation and the person's contact details");
    addHost(invitation.provider, invitation.inviteUrl);
  }
  return [...byProvider].map(([provider, found]) => ({
    provider,
    externalIds: [...found.ids],
    holds: [...found.holds],
    hosts: [...found.hosts],
  }));
}
