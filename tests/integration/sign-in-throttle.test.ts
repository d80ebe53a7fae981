import { expect, it } from "vitest";
import { recordFailedSignIn, signInAllowed, signInFailureLimiter } from "@/lib/server/auth/sign-in-throttle";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("sign-in throttle", (getDb) => {
  it("refuses one email from one address after ten wrong passwords, and nobody else", async () => {
    const db = getDb();
    const attacker = { "x-forwarded-for": "203.0.113.50", host: "hub.test" };
    const colleague = { "x-forwarded-for": "198.51.100.7" };
    expect(signInFailureLimiter.limit).toBe(10);
    for (let failure = 0; failure < 10; failure += 1) {
      expect(await signInAllowed(db, attacker, "admin@hub.test")).toBe(true);
      await recordFailedSignIn(db, attacker, "admin@hub.test");
    }
    expect(await signInAllowed(db, attacker, "admin@hub.test")).toBe(false);
    expect(await signInAllowed(db, colleague, "admin@hub.test")).toBe(true);
    expect(await signInAllowed(db, attacker, "recruiter@hub.test")).toBe(true);
  });

  it("does not count a check as a failure", async () => {
    const db = getDb();
    const headers = { "x-forwarded-for": "192.0.2.1" };
    for (let check = 0; check < 20; check += 1) expect(await signInAllowed(db, headers, "fine@hub.test")).toBe(true);
  });
});
