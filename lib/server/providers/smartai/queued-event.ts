import "server-only";
// One event as it came off SmartAI's queue: its exact JSON, plus what the inbox indexes it
// by. Nothing is validated beyond that here — translation happens later, from the inbox.
import { deliveryIdForBody } from "../../ingestion/inbox";

export interface QueuedEvent {
  /** SmartAI's eventId: what the queue acknowledges. Null if the platform sent none. */
  eventId: string | null;
  /** The inbox key: the eventId, or a hash of the body for an event without one. */
  externalId: string;
  eventType: string | null;
  storedAt: Date | null;
  candidateEmail: string | null;
  /** The event's JSON text, stored as the delivery body. */
  raw: string;
  /** The event as parsed (JSON.parse(raw) gives the same): translated from this, not from the text. */
  parsed: unknown;
}

export function describeQueuedEvent(event: unknown): QueuedEvent {
  const raw = JSON.stringify(event);
  const fields =
    typeof event === "object" && event !== null && !Array.isArray(event) ? (event as Record<string, unknown>) : {};
  const eventId = nonEmptyText(fields.eventId);
  return {
    eventId,
    externalId: eventId ?? deliveryIdForBody(raw),
    eventType: nonEmptyText(fields.event),
    storedAt: dateOrNull(fields.storedAt),
    candidateEmail: nonEmptyText(fields.candidateEmail) ?? soleCandidateEmail(fields.candidates),
    raw,
    parsed: event,
  };
}

function soleCandidateEmail(candidates: unknown): string | null {
  if (!Array.isArray(candidates) || candidates.length !== 1) return null;
  const [candidate] = candidates as unknown[];
  return typeof candidate === "object" && candidate !== null
    ? nonEmptyText((candidate as { email?: unknown }).email)
    : null;
}

function nonEmptyText(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function dateOrNull(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}
