import { expect, it } from "vitest";
import { createShareLink, revokeShareLink } from "@/lib/server/share/share-links";
import { serveSharedReport, shareLinkLookupLimiter } from "@/lib/server/share/serve-shared-report";
import { describeEachDatabase } from "../support/databases";
import { COMPLETED_FACTS, seedAttempt } from "../support/seed-attempt";

const now = new Date("2026-03-10T12:00:00Z");
let ipCounter = 0;

function visit(token: string, ip = `10.0.0.${(ipCounter += 1)}`) {
  return new Request(`http://hub.test/r/${token}`, {
    headers: { "x-forwarded-for": ip, "user-agent": "Playwright hiring manager" },
  });
}

describeEachDatabase("shared report at /r/<token>", (getDb) => {
  it("shows the score against the pass mark and the sections, not what the link leaves out", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db, { candidate: { name: "Grace Hopper" } });
    await seedAttempt(db, { candidate: { name: "Someone Else" } });
    const link = await createShareLink(db, null, { attemptId }, now);

    const response = await serveSharedReport(db, visit(link.token), link.token, now);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(body).toContain("Grace Hopper");
    expect(body).toContain("78 / 100");
    expect(body).toContain("Pass mark");
    expect(body).toContain("Passed");
    expect(body).toContain("Problem solving");
    expect(body).toContain("Senior Engineer");
    expect(body).not.toContain("Someone Else");
    expect(body).not.toContain("@example.test");
    expect(body).not.toContain("Proctoring");
    expect(body).not.toContain("Tab switches");
    expect(body).not.toContain("recordings/abc.mp4");

    const stored = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.viewCount).toBe(1);
    expect(stored.lastViewedAt?.toISOString()).toBe(now.toISOString());
  });

  it("adds proctoring and recording when the link includes them", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db);
    const link = await createShareLink(db, null, { attemptId, includeProctoring: true, includeRecording: true }, now);
    const body = await (await serveSharedReport(db, visit(link.token), link.token, now)).text();
    expect(body).toContain("Integrity score");
    expect(body).toContain("Tab switches: 1");
    expect(body).toContain('href="https://media.example.test/recordings/abc.mp4"');
    expect(body).toContain('rel="noopener noreferrer"');
  });

  it("says no to indexing and caching, and sends no Referer on", async () => {
    const db = getDb();
    const link = await createShareLink(db, null, { attemptId: await seedAttempt(db) }, now);
    const response = await serveSharedReport(db, visit(link.token), link.token, now);
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const body = await response.text();
    expect(body).toContain('<meta name="robots" content="noindex, nofollow, noarchive" />');
    expect(body).toContain('<meta name="referrer" content="no-referrer" />');
  });

  it("escapes provider text and never links a non-web recording URL", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db, {
      candidate: { name: '<script>alert("name")</script>' },
      assessmentName: "<img src=x onerror=alert(1)>",
      facts: {
        ...COMPLETED_FACTS,
        sections: [{ name: "</td><script>alert(2)</script>", score: 1, maxScore: 2, percentage: 50 }],
        recordingUrl: "javascript:alert(3)",
        media: [{ label: '"><b>bold</b>', url: 'https://media.example.test/a?x="onmouseover=alert(4)' }],
      },
    });
    const link = await createShareLink(db, null, { attemptId, includeRecording: true }, now);
    const body = await (await serveSharedReport(db, visit(link.token), link.token, now)).text();
    expect(body).not.toContain("<script>");
    expect(body).not.toContain("<img");
    expect(body).not.toContain("<b>");
    expect(body).not.toContain("javascript:");
    expect(body).toContain("&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;");
    // The link is written as the URL parser normalises it: the quote is percent-encoded.
    expect(body).toContain('href="https://media.example.test/a?x=%22onmouseover=alert(4)"');
    expect(body).not.toContain('x="onmouseover');
  });

  it("answers 404 for an unknown token and 410 once expired or revoked", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db);
    expect((await serveSharedReport(db, visit("x".repeat(43)), "x".repeat(43), now)).status).toBe(404);

    const expiring = await createShareLink(db, null, { attemptId, expiresInHours: 1 }, now);
    const afterExpiry = new Date(expiring.expiresAt.getTime() + 1);
    const expired = await serveSharedReport(db, visit(expiring.token), expiring.token, afterExpiry);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("has expired");

    const revoking = await createShareLink(db, null, { attemptId }, now);
    await revokeShareLink(db, revoking.id, now);
    const revoked = await serveSharedReport(db, visit(revoking.token), revoking.token, now);
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain("withdrawn");
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: revoking.id } })).viewCount).toBe(0);
  });

  it(`answers 429 after ${shareLinkLookupLimiter.limit} lookups a minute from one address, valid or not`, async () => {
    const db = getDb();
    const link = await createShareLink(db, null, { attemptId: await seedAttempt(db) }, now);
    const ip = "192.0.2.77";
    for (let index = 0; index < shareLinkLookupLimiter.limit; index += 1) {
      expect((await serveSharedReport(db, visit(`guess${index}`.padEnd(43, "x"), ip), "guess", now)).status).toBe(404);
    }
    const refused = await serveSharedReport(db, visit(link.token, ip), link.token, now);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await serveSharedReport(db, visit(link.token, "192.0.2.78"), link.token, now)).status).toBe(200);
    const nextMinute = new Date(now.getTime() + 60_000);
    expect((await serveSharedReport(db, visit(link.token, ip), link.token, nextMinute)).status).toBe(200);
  });
});
