import "server-only";
// How long to wait before trying SmartAI again. Pure, so the schedule is testable.

export interface RetryPolicy {
  /** Tries per call, the first included. */
  maxAttempts: number;
  /** First back-off after a 5xx or a dropped connection; doubles each time, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 asking for a longer wait than this ends the call: the poller schedules around it. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/** Exponential back-off with "full jitter" between half and all of the step, so pollers do not retry in step. */
export function backoffDelayMs(
  policy: RetryPolicy,
  failedAttempts: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/** Retry-After is seconds or an HTTP date; without a usable one, wait a polite 5 s. */
export function parseRetryAfterMs(header: string | null, nowMs: number): number {
  const fallback = 5_000;
  if (!header) return fallback;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? fallback : Math.max(0, date - nowMs);
}
