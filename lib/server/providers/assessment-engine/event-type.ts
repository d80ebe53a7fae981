import "server-only";
// The engine's event names: the subscription keys ("ae.test_instance.created") and, as its
// document also shows, the trigger names ("ae_test_instance_created"). Either is accepted.
import { isRecord } from "../lenient";

export const ENGINE_EVENT_TYPES = ["ae.test_instance.created", "ae.test_instance.updated"] as const;
export type EngineEventType = (typeof ENGINE_EVENT_TYPES)[number];

/** The event as sent: the envelope's `event`, or the x-event-type header for a bare test instance. */
export function engineEventTypeOf(body: unknown, headers: Pick<Headers, "get">): string | null {
  if (isEngineEnvelope(body)) return body.event;
  return headers.get("x-event-type")?.trim() || null;
}

export function isEngineEnvelope(body: unknown): body is { event: string; data: Record<string, unknown> } {
  return isRecord(body) && typeof body.event === "string" && isRecord(body.data);
}

export function normaliseEngineEventType(raw: string | null | undefined): EngineEventType | null {
  if (!raw) return null;
  const dotted = raw
    .trim()
    .toLowerCase()
    .replace(/^ae_test_instance_/, "ae.test_instance.");
  return ENGINE_EVENT_TYPES.find((known) => known === dotted) ?? null;
}
