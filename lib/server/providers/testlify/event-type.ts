import "server-only";
// Testlify names its events inconsistently: `event` is "candidateStatusChanged" for some
// status changes and the status itself ("enrolled", "completed") for others, and the
// invitation-expired payload has neither `event` nor `type`. One name per delivery, for the
// event log: "<type>.<event>", or "candidate.<status>" when only the status says what it is.
import type { AttemptStatus } from "../../../shared/vocabulary";
import { isRecord } from "../lenient";

/** Testlify's candidate statuses (`candidateStatus`) in our vocabulary. */
export const TESTLIFY_CANDIDATE_STATUSES: Readonly<Record<string, AttemptStatus>> = {
  INVITED: "invited",
  ENROLLED: "enrolled",
  IN_PROGRESS: "in_progress",
  COMPLETED: "completed",
  DISQUALIFIED: "disqualified",
  INVITATION_EXPIRED: "expired",
  REJECTED: "rejected",
};

export const TESTLIFY_ASSESSMENT_EVENTS = ["created", "updated", "deleted", "archived"] as const;
export type TestlifyAssessmentEvent = (typeof TESTLIFY_ASSESSMENT_EVENTS)[number];

export function testlifyEventType(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const type = nonEmpty(body.type);
  const event = nonEmpty(body.event);
  if (type && event) return `${type}.${event}`;
  if (type || event) return type ?? event;
  const status = candidateStatusOf(body.data);
  return status ? `candidate.${status.toLowerCase()}` : null;
}

/** The candidate's status as Testlify wrote it (`candidateStatus`, or `status` in older payloads). */
export function candidateStatusOf(data: unknown): string | null {
  if (!isRecord(data)) return null;
  return nonEmpty(data.candidateStatus) ?? nonEmpty(data.status);
}

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}
