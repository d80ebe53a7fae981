import "server-only";
// What the deliveries in the inbox say about one attempt, in provider-time order. Used when a
// delivery arrives older than the state shown: it must not move the attempt back, but what it
// knows that no newer delivery said (a completion's proctoring, arriving after a score update
// that carries none) must not be lost either. Folding every delivery in provider-time order
// gives exactly the state in-order arrival would have reached.
import type { AttemptFacts, DomainEvent } from "../domain/events";
import { isProviderId } from "../../shared/vocabulary";
import { adapterFor } from "../providers/registry";
import { keepResultOverReinvitation } from "./attempt-changes";

export interface AttemptUpdate {
  attemptKey: string;
  occurredAt: Date;
  facts: AttemptFacts;
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

/** What a stored delivery says about attempts, translated again; null when it no longer translates. */
export function rereadUpdates(delivery: {
  provider: string;
  body: string;
  eventType: string | null;
  receivedAt: Date;
}): AttemptUpdate[] | null {
  if (!isProviderId(delivery.provider)) return null;
  try {
    const translation = adapterFor(delivery.provider).translate({
      body: JSON.parse(delivery.body),
      eventType: delivery.eventType,
      receivedAt: delivery.receivedAt,
    });
    return translation.recognised ? translation.events.flatMap(attemptUpdatesOf) : null;
  } catch {
    return null;
  }
}
