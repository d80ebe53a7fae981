// Issue 13 item 2: guessing and flooding the sign-in. Every call passes its own clock reading,
// so window edges and delays are exact and nothing depends on when the test runs.
import { expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { hashSlots } from "@/lib/server/auth/hash-slots";
import { attemptSignIn, type SignInAttempt } from "@/lib/server/auth/sign-in";
import {
  ACCOUNT_FAILURES_FORGOTTEN_AFTER_MS,
  accountDelayMs,
  clearAccountFailures,
  FREE_ACCOUNT_FAILURES,
  MAX_ACCOUNT_DELAY_MS,
} from "@/lib/server/auth/sign-in-throttle";
import { describeEachDatabase } from "../support/databases";

const WINDOW_MS = 15 * 60_000;
const windowStart = new Date("2026-03-02T10:00:00Z");
const at = (ms: number) => new Date(windowStart.getTime() + ms);
const PASSWORD = "correct horse battery";

const attempt = (email: string, password: string, ipAddress: string): SignInAttempt => ({
  email,
  password,
  ipAddress,
  userAgent: "test",
});

describeEachDatabase("sign-in", (getDb) => {
  let counter = 0;
  async function user(active = true) {
    counter += 1;
    const email = `person${counter}@hub.test`;
    await getDb().user.create({
      // A low-cost hash keeps the test quick; the cost is read from the hash, so checking works the same.
      data: { email, name: "P", role: "admin", active, passwordHash: await bcrypt.hash(PASSWORD, 4) },
    });
    return email;
  }

  it("signs in with the right password and starts a server-side session", async () => {
    const email = await user();
    const outcome = await attemptSignIn(getDb(), attempt(email, PASSWORD, "198.51.100.1"), at(0));
    expect(outcome).toMatchObject({ ok: true, user: { email } });
    const sessions = await getDb().userSession.findMany({ where: { user: { email } } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ ipAddress: "198.51.100.1", endedAt: null });
  });

  it("locks an address out after ten failures, before hashing anything, even with the right password", async () => {
    const email = await user();
    const other = await user();
    const attacker = "203.0.113.5";
    // Spread over many accounts: the address limit does not care which emails are guessed.
    for (let failure = 0; failure < 10; failure += 1) {
      const target = failure % 2 === 0 ? email : `nobody${failure}@hub.test`;
      expect(await attemptSignIn(getDb(), attempt(target, "wrong password", attacker), at(failure))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const slots = hashSlots(1);
    const release = slots.tryAcquire()!;
    // With every hashing slot taken, a try that reached hashing would answer "busy": it answers "locked".
    expect(await attemptSignIn(getDb(), attempt(email, PASSWORD, attacker), at(20), slots)).toMatchObject({
      ok: false,
      reason: "address-locked",
      retryAfterSeconds: WINDOW_MS / 1000,
    });
    release();
    expect(await attemptSignIn(getDb(), attempt(other, PASSWORD, attacker), at(WINDOW_MS - 1))).toMatchObject({
      reason: "address-locked",
    });
    // Another address is another count; the next window lets this one try again.
    expect(await attemptSignIn(getDb(), attempt(other, PASSWORD, "203.0.113.6"), at(30))).toMatchObject({ ok: true });
    expect(await attemptSignIn(getDb(), attempt(email, PASSWORD, attacker), at(WINDOW_MS))).toMatchObject({ ok: true });
  });

  it("counts each try before its password is checked: of 30 parallel guesses from one address, ten are checked", async () => {
    const attacker = "203.0.113.7";
    // One account each, so only the address limit stands between them and a password check.
    const emails = await Promise.all(Array.from({ length: 30 }, () => user()));
    const slots = hashSlots(64);
    const outcomes = await Promise.all(
      emails.map((email) => attemptSignIn(getDb(), attempt(email, "wrong password", attacker), at(0), slots)),
    );
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "invalid")).toHaveLength(10);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "address-locked")).toHaveLength(20);
  });

  it("does not count a right password against the address", async () => {
    const email = await user();
    for (let index = 0; index < 15; index += 1) {
      expect(await attemptSignIn(getDb(), attempt(email, PASSWORD, "192.0.2.44"), at(index))).toMatchObject({
        ok: true,
      });
    }
  });

  it("slows an account guessed from many addresses with growing delays, never a hard lock", async () => {
    const email = await user();
    let clock = 0;
    for (let failure = 1; failure <= FREE_ACCOUNT_FAILURES; failure += 1) {
      const outcome = await attemptSignIn(getDb(), attempt(email, "wrong", `203.0.113.${100 + failure}`), at(clock));
      expect(outcome).toEqual({ ok: false, reason: "invalid" });
    }
    // Past the free failures each one makes the next try wait: 2 s, then 4 s, …
    const delays: number[] = [];
    for (let failure = FREE_ACCOUNT_FAILURES + 1; failure <= FREE_ACCOUNT_FAILURES + 3; failure += 1) {
      expect(
        await attemptSignIn(getDb(), attempt(email, "wrong", `203.0.113.${100 + failure}`), at(clock)),
      ).toMatchObject({ reason: "invalid" });
      const delay = accountDelayMs(failure);
      delays.push(delay);
      const early = await attemptSignIn(getDb(), attempt(email, PASSWORD, "198.51.100.200"), at(clock + delay - 1));
      expect(early).toMatchObject({ ok: false, reason: "account-delayed", retryAfterSeconds: 1 });
      clock += delay;
    }
    expect(delays).toEqual([2_000, 4_000, 8_000]);
    // The owner, from a new address, gets in once the delay has run: the right password clears it.
    expect(await attemptSignIn(getDb(), attempt(email, PASSWORD, "198.51.100.200"), at(clock))).toMatchObject({
      ok: true,
    });
    expect(await getDb().signInDelay.findUnique({ where: { email } })).toBeNull();
  });

  it("caps the delay at ten minutes and forgets failures after a day", () => {
    expect(accountDelayMs(FREE_ACCOUNT_FAILURES)).toBe(0);
    expect(accountDelayMs(100)).toBe(MAX_ACCOUNT_DELAY_MS);
    expect(MAX_ACCOUNT_DELAY_MS).toBe(10 * 60_000);
    expect(ACCOUNT_FAILURES_FORGOTTEN_AFTER_MS).toBe(24 * 60 * 60_000);
  });

  it("lets the person in from an address they signed in from before, however hard others guess", async () => {
    const email = await user();
    const home = "198.51.100.77";
    expect(await attemptSignIn(getDb(), attempt(email, PASSWORD, home), at(0))).toMatchObject({ ok: true });
    for (let failure = 0; failure < 10; failure += 1) {
      await attemptSignIn(getDb(), attempt(email, "wrong", `203.0.114.${failure + 1}`), at(1_000 + failure));
    }
    const row = await getDb().signInDelay.findUniqueOrThrow({ where: { email } });
    expect(row.nextTryAt.getTime()).toBeGreaterThan(at(2_000).getTime());
    expect(await attemptSignIn(getDb(), attempt(email, PASSWORD, home), at(2_000))).toMatchObject({ ok: true });
  });

  it("lets an admin clear an account's delay", async () => {
    const email = await user();
    for (let failure = 0; failure < 8; failure += 1) {
      await attemptSignIn(getDb(), attempt(email, "wrong", `203.0.113.${200 + failure}`), at(0));
    }
    expect(await attemptSignIn(getDb(), attempt(email, PASSWORD, "198.51.100.9"), at(1))).toMatchObject({
      reason: "account-delayed",
    });
    await clearAccountFailures(getDb(), email);
    expect(await attemptSignIn(getDb(), attempt(email, PASSWORD, "198.51.100.9"), at(2))).toMatchObject({ ok: true });
  });

  it("treats an unknown email like a wrong password: same answer, same delays, a hash all the same", async () => {
    const unknown = "no-such-person@hub.test";
    for (let failure = 0; failure < FREE_ACCOUNT_FAILURES + 1; failure += 1) {
      expect(await attemptSignIn(getDb(), attempt(unknown, "x", `203.0.113.${50 + failure}`), at(0))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await attemptSignIn(getDb(), attempt(unknown, "x", "203.0.113.99"), at(1))).toMatchObject({
      reason: "account-delayed",
    });
    // Reaching the hash is what costs the time: with no slot free, an unknown email is refused as "busy".
    const slots = hashSlots(1);
    const release = slots.tryAcquire()!;
    expect(await attemptSignIn(getDb(), attempt("other-unknown@hub.test", "x", "203.0.113.98"), at(2), slots)).toEqual({
      ok: false,
      reason: "busy",
      retryAfterSeconds: 1,
    });
    release();
  });

  it("refuses fast when every hashing slot is busy, and gives the address its try back", async () => {
    const email = await user();
    const slots = hashSlots(2);
    const held = [slots.tryAcquire()!, slots.tryAcquire()!];
    for (let index = 0; index < 12; index += 1) {
      expect(await attemptSignIn(getDb(), attempt(email, PASSWORD, "192.0.2.200"), at(index), slots)).toMatchObject({
        reason: "busy",
      });
    }
    held.forEach((release) => release());
    expect(await attemptSignIn(getDb(), attempt(email, PASSWORD, "192.0.2.200"), at(20), slots)).toMatchObject({
      ok: true,
    });
    expect(slots.inUse).toBe(0);
  });

  it("refuses a deactivated account like a wrong password", async () => {
    const email = await user(false);
    expect(await attemptSignIn(getDb(), attempt(email, PASSWORD, "192.0.2.201"), at(0))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("forgets an account's failures a day after the last one", async () => {
    const email = await user();
    for (let failure = 0; failure < 10; failure += 1) {
      await attemptSignIn(getDb(), attempt(email, "wrong", `203.0.113.${150 + failure}`), at(0));
    }
    const later = ACCOUNT_FAILURES_FORGOTTEN_AFTER_MS + 1;
    expect(await attemptSignIn(getDb(), attempt(email, "wrong", "203.0.113.170"), at(later))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await getDb().signInDelay.findUniqueOrThrow({ where: { email } })).failures).toBe(1);
  });
});
