import "server-only";
// One password sign-in, in the order that keeps guessing and flooding cheap to refuse:
// count the try against the client address, take a hashing slot, apply the account's
// delay, and only then hash. Unknown emails go through the same steps and a hash of the
// same cost, so neither the answer nor its timing says whether an account exists.
import type { Db } from "../db";
import { SIGN_IN_HASH_SLOTS, type HashSlots } from "./hash-slots";
import { verifyPassword } from "./password";
import {
  clearAccountFailures,
  isKnownAddress,
  KNOWN_ADDRESS_DAYS,
  returnAddressAttempt,
  sweepForgottenAccountFailures,
  takeAccountAttempt,
  takeAddressAttempt,
} from "./sign-in-throttle";
import { startUserSession, sweepOldSessions } from "./user-sessions";

export interface SignInAttempt {
  email: string;
  password: string;
  /** From lib/server/rate-limit/client-ip.ts: "unknown" when the app's server did not set it. */
  ipAddress: string;
  userAgent: string | null;
  /** The browser's IANA time zone, already validated: kept only if the user has none yet. */
  timeZone?: string | null;
}

export type SignInRefusal = "address-locked" | "account-delayed" | "busy";

export type SignInOutcome =
  | {
      ok: true;
      user: { id: string; email: string; name: string; sessionVersion: number };
      /** The new session's id, to carry in the session cookie. */
      sessionToken: string;
    }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: SignInRefusal; retryAfterSeconds: number };

export async function attemptSignIn(
  db: Db,
  attempt: SignInAttempt,
  now: Date,
  slots: HashSlots = SIGN_IN_HASH_SLOTS,
): Promise<SignInOutcome> {
  const address = await takeAddressAttempt(db, attempt.ipAddress, now);
  if (!address.allowed) return { ok: false, reason: "address-locked", retryAfterSeconds: address.retryAfterSeconds };

  const release = slots.tryAcquire();
  if (!release) {
    await returnAddressAttempt(db, attempt.ipAddress, now);
    return { ok: false, reason: "busy", retryAfterSeconds: 1 };
  }
  try {
    const user = await db.user.findUnique({ where: { email: attempt.email } });
    const knownAddress = user ? await isKnownAddress(db, user.id, attempt.ipAddress, now) : false;
    if (!knownAddress) {
      const account = await takeAccountAttempt(db, attempt.email, now);
      if (!account.allowed) {
        await returnAddressAttempt(db, attempt.ipAddress, now);
        return { ok: false, reason: "account-delayed", retryAfterSeconds: account.retryAfterSeconds };
      }
    }
    const valid = await verifyPassword(attempt.password, user?.passwordHash ?? null);
    if (!user || !valid || !user.active) return { ok: false, reason: "invalid" };

    await returnAddressAttempt(db, attempt.ipAddress, now);
    await clearAccountFailures(db, attempt.email);
    // The first sign-in from a browser sets the zone; later ones leave the user's choice alone.
    const firstTimeZone = user.timeZone === null && attempt.timeZone ? { timeZone: attempt.timeZone } : {};
    await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now, ...firstTimeZone } });
    const sessionToken = await startUserSession(
      db,
      { userId: user.id, ipAddress: attempt.ipAddress, userAgent: attempt.userAgent },
      now,
    );
    await sweepForgottenAccountFailures(db, now);
    await sweepOldSessions(db, KNOWN_ADDRESS_DAYS, now);
    return {
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
      sessionToken,
    };
  } finally {
    release();
  }
}
