import "server-only";
// When the next poll cycle may start. Pure, so the spacing rules are tested without timers.

/** docs/contract.md §3: a new cycle never starts less than 5 s after the previous one began. */
export const MIN_CYCLE_SPACING_MS = 5_000;
/** Failing cycles back off up to this, so a long outage costs few calls. */
export const MAX_FAILURE_BACKOFF_MS = 5 * 60_000;

export interface ScheduleInput {
  now: number;
  /** When the previous cycle began, by any instance (the lease row's lastRunAt). */
  lastStartedAt: number | null;
  intervalMs: number;
  /** A "Sync now" or backfill is waiting: run as soon as spacing allows. */
  requested: boolean;
  /** Failed cycles in a row; each doubles the wait before the next scheduled one. */
  consecutiveFailures: number;
  /** SmartAI asked (429 Retry-After) for no calls before this time. */
  rateLimitedUntil: number | null;
}

export function nextCycleAt(input: ScheduleInput): number {
  const { now, lastStartedAt, intervalMs } = input;
  if (lastStartedAt === null) return Math.max(now, input.rateLimitedUntil ?? now);
  const earliest = lastStartedAt + MIN_CYCLE_SPACING_MS;
  const backoff = Math.min(
    Math.max(intervalMs, MAX_FAILURE_BACKOFF_MS),
    intervalMs * 2 ** Math.min(10, input.consecutiveFailures),
  );
  const scheduled = lastStartedAt + Math.max(intervalMs, backoff);
  return Math.max(input.requested ? earliest : scheduled, earliest, input.rateLimitedUntil ?? earliest);
}
