import "server-only";
// The engine's ti.instance_status enum is not published, so its likely spellings are mapped
// onto our vocabulary. An unknown status fails the delivery with the status named, rather than
// guessing: it stays in the event log and is replayed once the mapping below knows it.
import { TranslationError } from "../../domain/events";
import type { AttemptStatus } from "../../../shared/vocabulary";

const INSTANCE_STATUSES: Readonly<Record<string, AttemptStatus>> = {
  created: "invited",
  pending: "invited",
  invited: "invited",
  assigned: "invited",
  scheduled: "invited",
  not_started: "invited",
  enrolled: "enrolled",
  registered: "enrolled",
  ready: "enrolled",
  started: "in_progress",
  in_progress: "in_progress",
  ongoing: "in_progress",
  resumed: "in_progress",
  paused: "in_progress",
  completed: "completed",
  complete: "completed",
  submitted: "completed",
  finished: "completed",
  evaluated: "completed",
  graded: "completed",
  scored: "completed",
  expired: "expired",
  timeout: "timeout",
  timed_out: "timeout",
  abandoned: "abandoned",
  cancelled: "abandoned",
  canceled: "abandoned",
  withdrawn: "abandoned",
  disqualified: "disqualified",
  terminated: "disqualified",
  rejected: "rejected",
};

export function attemptStatusOf(instanceStatus: string | null): AttemptStatus {
  if (!instanceStatus) throw new TranslationError("instance_status is missing");
  const key = instanceStatus
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  const status = INSTANCE_STATUSES[key];
  if (!status) {
    throw new TranslationError(
      `unknown instance_status "${instanceStatus}": add it to lib/server/providers/assessment-engine/status.ts, then replay`,
    );
  }
  return status;
}

/** Measurement states that mean "not scored yet". */
const PENDING_MEASUREMENT = new Set(["pending", "queued", "in_progress", "processing", "partial", "draft"]);

export function isMeasurementPending(status: string | null): boolean {
  return status !== null && PENDING_MEASUREMENT.has(status.trim().toLowerCase());
}
