// Issue 12 item 7: the browser's time zone is taken at the first sign-in only; a person's later
// sign-ins (another laptop, a trip) leave the zone they have, chosen or first taken, alone.
import { expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { attemptSignIn } from "@/lib/server/auth/sign-in";
import { describeEachDatabase } from "../support/databases";

const PASSWORD = "correct horse battery";
const now = new Date("2026-03-02T10:00:00Z");

describeEachDatabase("sign-in time zone", (getDb) => {
  let counter = 0;
  async function user(timeZone: string | null = null) {
    counter += 1;
    const email = `zone${counter}@hub.test`;
    await getDb().user.create({
      data: { email, name: "Z", role: "recruiter", timeZone, passwordHash: await bcrypt.hash(PASSWORD, 4) },
    });
    return email;
  }
  const signIn = (email: string, password: string, timeZone: string | null) =>
    attemptSignIn(getDb(), { email, password, ipAddress: "198.51.100.20", userAgent: "test", timeZone }, now);
  const zoneOf = async (email: string) =>
    (await getDb().user.findUniqueOrThrow({ where: { email }, select: { timeZone: true } })).timeZone;

  it("stores the browser's zone at the first sign-in", async () => {
    const email = await user();
    expect(await signIn(email, PASSWORD, "Europe/Berlin")).toMatchObject({ ok: true });
    expect(await zoneOf(email)).toBe("Europe/Berlin");
  });

  it("does not overwrite the zone at a later sign-in from another zone", async () => {
    const email = await user();
    await signIn(email, PASSWORD, "Europe/Berlin");
    expect(await signIn(email, PASSWORD, "America/New_York")).toMatchObject({ ok: true });
    expect(await zoneOf(email)).toBe("Europe/Berlin");
  });

  it("keeps a zone the person chose, and stores nothing for a failed try or a browser that sent none", async () => {
    const chosen = await user("Asia/Tokyo");
    await signIn(chosen, PASSWORD, "Europe/Berlin");
    expect(await zoneOf(chosen)).toBe("Asia/Tokyo");

    const fresh = await user();
    expect(await signIn(fresh, "wrong password", "Europe/Berlin")).toMatchObject({ ok: false });
    expect(await zoneOf(fresh)).toBeNull();
    await signIn(fresh, PASSWORD, null);
    expect(await zoneOf(fresh)).toBeNull();
    // The zone is still taken at the first sign-in that brings one.
    await signIn(fresh, PASSWORD, "Australia/Sydney");
    expect(await zoneOf(fresh)).toBe("Australia/Sydney");
  });
});
