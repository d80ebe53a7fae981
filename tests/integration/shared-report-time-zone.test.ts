// Issue 12 item 7: a shared report is read by someone outside the app, anywhere; its times are
// in the sharer's zone as it was when they shared, and the report names that zone.
import { expect, it } from "vitest";
import { createShareLink } from "@/lib/server/share/share-links";
import { serveSharedReport } from "@/lib/server/share/serve-shared-report";
import { describeEachDatabase } from "../support/databases";
import { seedAttempt } from "../support/seed-attempt";

const now = new Date("2026-03-10T12:00:00Z");
let counter = 0;

describeEachDatabase("shared report times", (getDb) => {
  async function sharer(timeZone: string | null) {
    counter += 1;
    const user = await getDb().user.create({
      data: { email: `sharer${counter}@hub.test`, name: "S", passwordHash: "x", timeZone },
    });
    return user.id;
  }
  async function read(token: string) {
    const visit = new Request(`http://hub.test/r/${token}`, { headers: { "x-forwarded-for": `10.9.0.${counter}` } });
    return (await serveSharedReport(getDb(), visit, token, now)).text();
  }

  it("writes the expiry in the sharer's zone, names it, and keeps it when the sharer later moves", async () => {
    const db = getDb();
    const userId = await sharer("Europe/Berlin");
    const link = await createShareLink(db, userId, { attemptId: await seedAttempt(db) }, now);
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).timeZone).toBe("Europe/Berlin");

    await db.user.update({ where: { id: userId }, data: { timeZone: "Asia/Tokyo" } });
    const body = await read(link.token);
    // Fourteen days on, 24 March 12:00 UTC, is 13:00 in Berlin (winter time until the 29th).
    expect(body).toContain("24 Mar 2026, 13:00 Europe/Berlin");
    expect(body).toContain("Times are in Europe/Berlin");
    expect(body).not.toContain("Asia/Tokyo");
  });

  it("uses UTC, named, when the sharer had no zone or is gone", async () => {
    const db = getDb();
    const link = await createShareLink(db, await sharer(null), { attemptId: await seedAttempt(db) }, now);
    expect(await read(link.token)).toContain("24 Mar 2026, 12:00 UTC");
    const anonymous = await createShareLink(db, null, { attemptId: await seedAttempt(db) }, now);
    expect(await read(anonymous.token)).toContain("Times are in UTC");
  });

  it("reads a link made before zones were stored in its creator's zone", async () => {
    const db = getDb();
    const userId = await sharer("America/New_York");
    const link = await createShareLink(db, userId, { attemptId: await seedAttempt(db) }, now);
    await db.shareLink.update({ where: { id: link.id }, data: { timeZone: null } });
    // 24 March is after the US switch to daylight time (8 March): UTC-4.
    expect(await read(link.token)).toContain("24 Mar 2026, 08:00 America/New_York");
  });
});
