import "server-only";
// A data-subject access request: everything the hub holds about one person as one JSON
// document. Raw deliveries about them alone are included whole; one that also lists other
// people is described but not copied, since its body is partly other people's data.
import type { Db } from "../db";
import { normaliseEmail } from "../../shared/vocabulary";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { deliveriesCarrying, findCandidate, personMarks, providerHoldings } from "./person-records";
import { redactPerson } from "./redact-body";

export async function exportPersonData(
  db: Db,
  who: { email: string } | { candidateId: string },
  actor: AuditActor,
  now = new Date(),
) {
  const candidate = await findCandidate(db, who);
  if (!candidate && !("email" in who)) return null;
  const email = normaliseEmail(candidate?.email ?? (who as { email: string }).email);
  const marks = personMarks(email, candidate);
  const deliveryIds = await deliveriesCarrying(db, email, candidate);
  const deliveries = await db.delivery.findMany({
    where: { id: { in: deliveryIds } },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
  });
  if (!candidate && deliveries.length === 0) return null;

  const document = {
    exportedAt: now.toISOString(),
    about: email,
    candidate: candidate
      ? {
          id: candidate.id,
          email: candidate.email,
          name: candidate.name,
          phone: candidate.phone,
          country: candidate.country,
          createdAt: candidate.createdAt,
          updatedAt: candidate.updatedAt,
          providerIdentities: candidate.identities.map(({ provider, externalId, createdAt }) => ({
            provider,
            externalId,
            createdAt,
          })),
        }
      : null,
    invitations: (candidate?.invitations ?? []).map(({ candidateId: _candidate, ...invitation }) => invitation),
    results: (candidate?.attempts ?? []).map(({ candidateId: _candidate, changes, shareLinks, ...attempt }) => ({
      ...attempt,
      timeline: changes.map(({ attemptId: _attempt, ...change }) => change),
      shareLinks: shareLinks.map(({ tokenHash: _secret, views, ...link }) => ({ ...link, views: views.length })),
    })),
    rawDeliveries: deliveries.map((delivery) => {
      const ownOnly = redactPerson(delivery.body, marks).kind !== "redacted";
      return {
        id: delivery.id,
        provider: delivery.provider,
        eventType: delivery.eventType,
        receivedAt: delivery.receivedAt,
        status: delivery.status,
        body: ownOnly ? parseOrText(delivery.body) : null,
        note: ownOnly ? null : "This delivery also lists other people; their data is not part of this export.",
      };
    }),
    providersHoldingData: candidate ? providerHoldings(candidate) : [],
  };
  await recordAudit(db, {
    actor,
    action: "person.data_exported",
    target: candidate ? { type: "candidate", id: candidate.id } : null,
    details: { results: document.results.length, rawDeliveries: document.rawDeliveries.length },
    at: now,
  });
  return document;
}

function parseOrText(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
