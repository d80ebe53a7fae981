import "server-only";
// Two limits on password guessing, both checked before any password is hashed:
//
// - Per client address: every try is counted *before* its password is checked (so parallel
//   tries cannot all slip under the limit) and handed back when the password was right; the
//   eleventh failure within a 15-minute window locks that address out until the window ends.
// - Per account (by email, known or not, so the answer says nothing about which exist): each
//   failure past the first few makes the next try wait longer, up to ten minutes. Never a hard
//   lock: the delay is bounded, an admin can clear it, and an address the person signed in
//   from recently is not slowed at all, so an outsider cannot shut the only admin out.
//
// Every function takes the clock reading to decide by: the system clock, except in tests.
import type { Db } from "../db";
import { isUniqueViolation } from "../db/errors";
import { fixedWindowLimiter } from "../rate-limit/fixed-window";

export const ADDRESS_FAILURE_LIMIT = 10;
export const signInAddressLimiter = fixedWindowLimiter({
  scope: "sign-in-address",
  limit: ADDRESS_FAILURE_LIMIT,
  windowMs: 15 * 60_000,
});

/** Failures an account takes before its tries are slowed. */
export const FREE_ACCOUNT_FAILURES = 4;
export const MAX_ACCOUNT_DELAY_MS = 10 * 60_000;
/** Failures this long ago are forgotten. */
export const ACCOUNT_FAILURES_FORGOTTEN_AFTER_MS = 24 * 60 * 60_000;
/** A successful sign-in from an address within this long makes it one the person uses. */
export const KNOWN_ADDRESS_DAYS = 30;

const CAS_ROUNDS = 5;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** How long the next try must wait after `failures` failures: 0, then 2 s doubling to 10 min. */
export function accountDelayMs(failures: number): number {
  if (failures <= FREE_ACCOUNT_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_ACCOUNT_FAILURES), MAX_ACCOUNT_DELAY_MS);
}

/** Counts one try from `address`; refused once the window holds ten failures. */
export async function takeAddressAttempt(db: Db, address: string, now: Date): Promise<ThrottleDecision> {
  const decision = await signInAddressLimiter.consume(db, address, now);
  return decision.allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: decision.retryAfterSeconds };
}

/** Hands a counted try back: the password was right, or it was never checked. */
export async function returnAddressAttempt(db: Db, address: string, now: Date): Promise<void> {
  await signInAddressLimiter.refund(db, address, now);
}

/**
 * Records a try on `email` as a failure before its password is checked, or refuses it while
 * the account's delay runs. Each step is a compare-and-set on the row, so of many parallel
 * tries only one takes each slot once the delay applies.
 */
export async function takeAccountAttempt(db: Db, email: string, now: Date): Promise<ThrottleDecision> {
  for (let round = 0; round < CAS_ROUNDS; round += 1) {
    const row = await db.signInDelay.findUnique({ where: { email } });
    if (!row) {
      try {
        await db.signInDelay.create({ data: failureRow(email, 1, now) });
        return { allowed: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        continue;
      }
    }
    const forgotten = now.getTime() - row.lastFailureAt.getTime() > ACCOUNT_FAILURES_FORGOTTEN_AFTER_MS;
    if (!forgotten && row.nextTryAt > now) {
      return { allowed: false, retryAfterSeconds: Math.ceil((row.nextTryAt.getTime() - now.getTime()) / 1000) };
    }
    const failures = forgotten ? 1 : row.failures + 1;
    const taken = await db.signInDelay.updateMany({
      where: { email, failures: row.failures, lastFailureAt: row.lastFailureAt },
      data: failureRow(email, failures, now),
    });
    if (taken.count === 1) return { allowed: true };
  }
  // Tries on this account keep colliding: a flood. Refusing errs on the safe side.
  return { allowed: false, retryAfterSeconds: 1 };
}

function failureRow(email: string, failures: number, now: Date) {
  return { email, failures, lastFailureAt: now, nextTryAt: new Date(now.getTime() + accountDelayMs(failures)) };
}

/** A correct password, or an admin, clears the account's failures. */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.signInDelay.deleteMany({ where: { email } });
}

export interface AccountSlowdown {
  failures: number;
  nextTryAt: Date;
}

/** For the users page: accounts whose tries are being slowed now. */
export async function slowedAccounts(db: Db, emails: string[], now: Date): Promise<Map<string, AccountSlowdown>> {
  const rows = await db.signInDelay.findMany({
    where: {
      email: { in: emails },
      failures: { gt: FREE_ACCOUNT_FAILURES },
      lastFailureAt: { gt: new Date(now.getTime() - ACCOUNT_FAILURES_FORGOTTEN_AFTER_MS) },
    },
  });
  return new Map(rows.map((row) => [row.email, { failures: row.failures, nextTryAt: row.nextTryAt }]));
}

/** Whether `userId` signed in from `address` within the last 30 days. */
export async function isKnownAddress(db: Db, userId: string, address: string, now: Date): Promise<boolean> {
  if (address === "unknown") return false;
  const since = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 24 * 60 * 60_000);
  const session = await db.userSession.findFirst({
    where: { userId, ipAddress: address, createdAt: { gte: since } },
    select: { id: true },
  });
  return session !== null;
}

/** Forgotten rows only cost space; called now and then by sign-in. */
export async function sweepForgottenAccountFailures(db: Db, now: Date): Promise<void> {
  await db.signInDelay.deleteMany({
    where: { lastFailureAt: { lt: new Date(now.getTime() - ACCOUNT_FAILURES_FORGOTTEN_AFTER_MS) } },
  });
}
