import "server-only";
// Fixed-window request counters kept in the database (RateLimitBucket), so every app
// instance counts against the same numbers. One row per (scope, subject): the row's
// window starts at a multiple of the window length, so instances agree on where a window
// begins without talking to each other, and a new window simply resets the row.
import type { Db } from "../db";
import { isUniqueViolation } from "../db/errors";

export interface FixedWindowLimit {
  /** Names what is limited ("share-link", "sign-in"); rows are keyed "<scope>:<subject>". */
  scope: string;
  /** Requests allowed per window; the next one in the same window is refused. */
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Requests counted in the current window, this one included. */
  count: number;
  limit: number;
  /** Seconds until the window resets: the Retry-After to send when refused. */
  retryAfterSeconds: number;
}

const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;
const CREATE_RACE_RETRIES = 3;
// Per database client: when each scope last swept its stale rows, so it sweeps once a window.
const lastSweeps = new WeakMap<Db, Map<string, number>>();

export function fixedWindowLimiter(options: FixedWindowLimit) {
  if (!/^[a-z0-9-]+$/.test(options.scope)) throw new Error(`rate limit scope "${options.scope}" must be kebab-case`);
  if (!Number.isInteger(options.limit) || options.limit < 1) throw new Error("rate limit must be a positive integer");
  if (options.windowMs < 1000 || options.windowMs > MAX_WINDOW_MS) {
    throw new Error("rate limit window must be between one second and one day");
  }
  return {
    ...options,
    /** Counts one request from `subject` (an IP, an email…) and says whether to serve it. */
    async consume(db: Db, subject: string, now = new Date()): Promise<RateLimitDecision> {
      const windowStart = windowStartOf(now, options.windowMs);
      const count = await countHit(db, `${options.scope}:${subject}`, windowStart);
      if (count === 1) await sweepStaleBuckets(db, options, windowStart);
      return decision(options, windowStart, now, count, count <= options.limit);
    },
    /**
     * Takes back one counted request of the current window: for limits that count every try
     * up front (so parallel tries cannot all slip under the limit) but mean to hold only the
     * ones that fail, such as a correct password.
     */
    async refund(db: Db, subject: string, now = new Date()): Promise<void> {
      await db.rateLimitBucket.updateMany({
        where: {
          key: `${options.scope}:${subject}`,
          windowStart: windowStartOf(now, options.windowMs),
          count: { gt: 0 },
        },
        data: { count: { decrement: 1 } },
      });
    },
    /**
     * Whether one more request would be served, without counting it: for limits that count
     * only failures (a wrong password), checked before the attempt and consumed after it fails.
     */
    async peek(db: Db, subject: string, now = new Date()): Promise<RateLimitDecision> {
      const windowStart = windowStartOf(now, options.windowMs);
      const bucket = await db.rateLimitBucket.findUnique({
        where: { key: `${options.scope}:${subject}` },
        select: { count: true, windowStart: true },
      });
      const count = bucket && bucket.windowStart.getTime() === windowStart.getTime() ? bucket.count : 0;
      return decision(options, windowStart, now, count, count < options.limit);
    },
  };
}

function windowStartOf(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

function decision(
  options: FixedWindowLimit,
  windowStart: Date,
  now: Date,
  count: number,
  allowed: boolean,
): RateLimitDecision {
  const resetsAt = windowStart.getTime() + options.windowMs;
  return {
    allowed,
    count,
    limit: options.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)),
  };
}

export type FixedWindowLimiter = ReturnType<typeof fixedWindowLimiter>;

/**
 * Adds one hit to the key's bucket for this window and answers the bucket's count as this hit
 * left it. Each step is a single conditional statement, so concurrent instances never lose a
 * hit, and the increment answers the row it wrote (UPDATE … RETURNING), so of N parallel hits
 * exactly `limit` see a count within the limit. On PostgreSQL the loser of a race re-reads the
 * row after the winner commits and takes the next branch; a duplicate create (P2002) goes round
 * again.
 */
async function countHit(db: Db, key: string, windowStart: Date): Promise<number> {
  for (let round = 0; round < CREATE_RACE_RETRIES; round += 1) {
    try {
      const bucket = await db.rateLimitBucket.update({
        where: { key, windowStart },
        data: { count: { increment: 1 } },
        select: { count: true },
      });
      return bucket.count;
    } catch (error) {
      if (!isRecordNotFound(error)) throw error;
    }
    const restarted = await db.rateLimitBucket.updateMany({
      where: { key, windowStart: { lt: windowStart } },
      data: { windowStart, count: 1 },
    });
    if (restarted.count > 0) return 1;
    try {
      await db.rateLimitBucket.create({ data: { key, windowStart, count: 1 } });
      return 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error(`rate limit bucket ${key} kept changing under concurrent requests; try again`);
}

/** Prisma's P2025: the row an update named (here: this key in this window) is not there. */
function isRecordNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/** Rows of finished windows only cost space: each scope clears its own once a window per process. */
async function sweepStaleBuckets(db: Db, options: FixedWindowLimit, windowStart: Date): Promise<void> {
  let sweeps = lastSweeps.get(db);
  if (!sweeps) lastSweeps.set(db, (sweeps = new Map()));
  const last = sweeps.get(options.scope);
  if (last !== undefined && last >= windowStart.getTime()) return;
  sweeps.set(options.scope, windowStart.getTime());
  await db.rateLimitBucket.deleteMany({
    where: { key: { startsWith: `${options.scope}:` }, windowStart: { lt: windowStart } },
  });
}
