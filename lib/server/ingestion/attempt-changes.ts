import "server-only";
// Pure helpers for applying attempt facts: which fields an event changes, and how to say so.
import type { AttemptFacts } from "../domain/events";
import { RESULT_STATUSES, type AttemptStatus } from "../../shared/vocabulary";

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

type StoredAttempt = { [K in keyof AttemptFacts]?: unknown };

const FIELD_LABELS: Partial<Record<keyof AttemptFacts, string>> = {
  status: "status",
  resultState: "result",
  score: "score",
  passed: "pass/fail",
  proctoringScore: "integrity score",
  violationCount: "violations",
  recordingUrl: "recording",
  reportUrl: "report",
  aiFeedback: "AI feedback",
  submittedAt: "submitted at",
};

function comparable(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, sortedKeys);
}

/** comparable(a) === comparable(b), without serialising where plain values decide it. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const plain = (value: unknown) =>
    value === null || typeof value === "string" || typeof value === "boolean" || Number.isFinite(value);
  // A plain value's JSON never equals an object's, an array's or a time's (times compare unquoted).
  if (plain(a) || plain(b)) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Date || b instanceof Date) return comparable(a) === comparable(b);
  return jsonEqual(a, b);
}

/** Whether two values serialise to the same JSON, keys in any order (what comparable decides), without serialising. */
function jsonEqual(a: unknown, b: unknown): boolean {
  const left = asJson(a);
  const right = asJson(b);
  if (left === right) return true;
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, index) => jsonEqual(asJson(item) ?? null, asJson(right[index]) ?? null));
  }
  const leftKeys = Object.keys(left).filter((key) => asJson((left as Record<string, unknown>)[key]) !== undefined);
  const rightKeys = Object.keys(right).filter((key) => asJson((right as Record<string, unknown>)[key]) !== undefined);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every(
    (key) =>
      Object.hasOwn(right, key) &&
      jsonEqual((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]),
  );
}

/** A value as JSON.stringify sees it: toJSON applied, non-finite numbers null, functions and symbols left out. */
function asJson(value: unknown): unknown {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function")
    return (value as { toJSON: () => unknown }).toJSON();
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  if (typeof value === "function" || typeof value === "symbol") return undefined;
  return value;
}

// PostgreSQL's jsonb hands objects back with its own key order: compare JSON by content.
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Fields whose value the facts would change, with the stored and new values. */
export function diffAttempt(stored: StoredAttempt | null, facts: AttemptFacts): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(facts) as [keyof AttemptFacts, unknown][]) {
    if (value === undefined) continue;
    const before = stored?.[field] ?? null;
    if (!sameValue(before, value)) {
      changes[field] = {
        from: before instanceof Date ? before.toISOString() : before,
        to: value instanceof Date ? value.toISOString() : value,
      };
    }
  }
  return changes;
}

/** One line for the timeline: "status invited → completed, score 78". */
export function summariseChanges(changes: FieldChanges): string {
  const parts: string[] = [];
  for (const [field, change] of Object.entries(changes)) {
    const label = FIELD_LABELS[field as keyof AttemptFacts];
    if (!label) continue;
    if (field === "status") parts.push(`status ${String(change.from ?? "new")} → ${String(change.to)}`);
    else if (typeof change.to === "string" && change.to.length > 40) parts.push(`${label} updated`);
    else parts.push(`${label} ${change.to === null ? "cleared" : String(change.to)}`);
  }
  const others = Object.keys(changes).filter((field) => !FIELD_LABELS[field as keyof AttemptFacts]);
  if (others.length > 0) parts.push(`${others.length} more field${others.length === 1 ? "" : "s"}`);
  return parts.length > 0 ? parts.join(", ") : "no change";
}

/** An attempt deserves a recruiter's look when proctoring says so. */
export function isIntegrityFlagged(facts: {
  proctoringScore?: number | null;
  violationCount?: number | null;
}): boolean {
  return (facts.violationCount ?? 0) > 0 || (facts.proctoringScore != null && facts.proctoringScore < 70);
}

/**
 * An invitation sent again after the candidate already has a result (SmartAI re-sends
 * assessments to whole lists) must not hide that result behind "invited": the result stays,
 * and only the new invitation time is kept. A re-invitation after an expiry moves as usual.
 */
export function keepResultOverReinvitation(
  currentStatus: string | null | undefined,
  facts: AttemptFacts,
): AttemptFacts {
  if (facts.status !== "invited" || !currentStatus || !RESULT_STATUSES.has(currentStatus as AttemptStatus))
    return facts;
  const { status: _status, resultState: _resultState, ...rest } = facts;
  return rest;
}
