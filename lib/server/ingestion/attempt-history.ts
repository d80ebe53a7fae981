import "server-only";
// What the deliveries in the inbox say about one attempt, in provider-time order. Used when a
// delivery arrives older than the state shown: it must not move the attempt back, but what it
// knows that no newer delivery said (a completion's proctoring, arriving after a score update
// that carries none) must not be lost either. Folding every delivery in provider-time order
// gives exactly the state in-order arrival would have reached.
import type { Tx } from "../db";
import type { AttemptFacts, DomainEvent } from "../domain/events";
import type { ProviderId } from "../../shared/vocabulary";
import { adapterFor } from "../providers/registry";
import { keepResultOverReinvitation } from "./attempt-changes";

export interface AttemptUpdate {
  attemptKey: string;
  occurredAt: Date;
  facts: AttemptFacts;
}

interface OrderedUpdate extends AttemptUpdate {
  receivedAt: Date;
  deliveryId: string;
}

/** What one domain event says about attempts. */
export function attemptUpdatesOf(event: DomainEvent): AttemptUpdate[] {
  switch (event.kind) {
    case "candidates.invited":
      return event.invitations.map((invitation) => ({
        attemptKey: invitation.attemptKey,
        occurredAt: event.occurredAt,
        facts: { status: "invited", resultState: "pending", invitedAt: invitation.invitedAt ?? event.occurredAt },
      }));
    case "attempt.reported":
      return [{ attemptKey: event.attemptKey, occurredAt: event.occurredAt, facts: event.facts }];
    case "assessment.defined":
      return [];
  }
}

/** The newest value of every field any update sets; updates must be oldest first. */
export function foldFacts(updates: { facts: AttemptFacts }[]): AttemptFacts {
  const folded: Record<string, unknown> = {};
  for (const update of updates) {
    const facts = keepResultOverReinvitation(folded.status as string | undefined, update.facts);
    for (const [field, value] of Object.entries(facts)) {
      if (value !== undefined) folded[field] = value;
    }
  }
  return folded as AttemptFacts;
}

/**
 * Every update for this attempt, from each delivery that touched it and the one being applied
 * now, oldest first (ties: the order they reached the inbox). Null when the history cannot be
 * re-read: a change came from outside the inbox, or a stored delivery no longer translates.
 */
export async function attemptHistory(
  tx: Tx,
  provider: ProviderId,
  attemptId: string,
  current: AttemptUpdate & { deliveryId: string },
): Promise<AttemptUpdate[] | null> {
  const changes = await tx.attemptChange.findMany({ where: { attemptId }, select: { deliveryId: true } });
  if (changes.some((change) => change.deliveryId === null)) return null;
  const ids = [...new Set(changes.map((change) => change.deliveryId!))].filter((id) => id !== current.deliveryId);
  const deliveries = await tx.delivery.findMany({
    where: { id: { in: [...ids, current.deliveryId] } },
    select: { id: true, body: true, eventType: true, receivedAt: true },
  });

  const updates: OrderedUpdate[] = [];
  for (const delivery of deliveries) {
    if (delivery.id === current.deliveryId) {
      updates.push({ ...current, receivedAt: delivery.receivedAt });
      continue;
    }
    const translated = reread(provider, delivery);
    if (!translated) return null;
    for (const update of translated) {
      if (update.attemptKey === current.attemptKey)
        updates.push({ ...update, receivedAt: delivery.receivedAt, deliveryId: delivery.id });
    }
  }
  return updates.sort(
    (a, b) =>
      a.occurredAt.getTime() - b.occurredAt.getTime() ||
      a.receivedAt.getTime() - b.receivedAt.getTime() ||
      a.deliveryId.localeCompare(b.deliveryId),
  );
}

function reread(
  provider: ProviderId,
  delivery: { body: string; eventType: string | null; receivedAt: Date },
): AttemptUpdate[] | null {
  try {
    const translation = adapterFor(provider).translate({
      body: JSON.parse(delivery.body),
      eventType: delivery.eventType,
      receivedAt: delivery.receivedAt,
    });
    return translation.recognised ? translation.events.flatMap(attemptUpdatesOf) : null;
  } catch {
    return null;
  }
}
