// The throttle's windows are 15 minutes long and start at multiples of 15 minutes: every
// check here passes its own clock reading, so the window edges are exact and no test depends
// on when it runs.
import { expect, it } from "vitest";
import { recordFailedSignIn, signInAllowed, signInFailureLimiter } from "@/lib/server/auth/sign-in-throttle";
import { describeEachDatabase } from "../support/databases";

const WINDOW_MS = 15 * 60_000;
const windowStart = new Date("2026-03-02T10:00:00Z");
const at = (ms: number) => new Date(windowStart.getTime() + ms);

describeEachDatabase("sign-in throttle", (getDb) => {
  it("works in 15-minute windows of ten failures", () => {
    expect(signInFailureLimiter).toMatchObject({ limit: 10, windowMs: WINDOW_MS });
  });

  it("refuses one email from one address after ten wrong passwords, and nobody else", async () => {
    const db = getDb();
    const attacker = { "x-forwarded-for": "203.0.113.50", host: "hub.test" };
    const colleague = { "x-forwarded-for": "198.51.100.7" };
    for (let failure = 0; failure < 10; failure += 1) {
      expect(await signInAllowed(db, attacker, "admin@hub.test", at(failure * 1_000))).toBe(true);
      await recordFailedSignIn(db, attacker, "admin@hub.test", at(failure * 1_000));
    }
    expect(await signInAllowed(db, attacker, "admin@hub.test", at(10_000))).toBe(false);
    expect(await signInAllowed(db, colleague, "admin@hub.test", at(10_000))).toBe(true);
    expect(await signInAllowed(db, attacker, "recruiter@hub.test", at(10_000))).toBe(true);
  });

  it("keeps refusing until the last moment of the window, and lets the pair try again when the next begins", async () => {
    const db = getDb();
    const headers = { "x-forwarded-for": "203.0.113.60" };
    for (let failure = 0; failure < 10; failure += 1) await recordFailedSignIn(db, headers, "edge@hub.test", at(0));
    expect(await signInAllowed(db, headers, "edge@hub.test", at(WINDOW_MS - 1))).toBe(false);
    expect(await signInAllowed(db, headers, "edge@hub.test", at(WINDOW_MS))).toBe(true);
  });

  it("does not carry failures over a window's edge", async () => {
    const db = getDb();
    const headers = { "x-forwarded-for": "203.0.113.70" };
    for (let failure = 0; failure < 9; failure += 1) {
      await recordFailedSignIn(db, headers, "straddle@hub.test", at(WINDOW_MS - 1));
    }
    await recordFailedSignIn(db, headers, "straddle@hub.test", at(WINDOW_MS));
    expect(await signInAllowed(db, headers, "straddle@hub.test", at(WINDOW_MS))).toBe(true);
    for (let failure = 0; failure < 9; failure += 1) {
      await recordFailedSignIn(db, headers, "straddle@hub.test", at(2 * WINDOW_MS - 1));
    }
    expect(await signInAllowed(db, headers, "straddle@hub.test", at(2 * WINDOW_MS - 1))).toBe(false);
  });

  it("does not count a check as a failure", async () => {
    const db = getDb();
    const headers = { "x-forwarded-for": "192.0.2.1" };
    for (let check = 0; check < 20; check += 1) {
      expect(await signInAllowed(db, headers, "fine@hub.test", at(check))).toBe(true);
    }
  });
});
