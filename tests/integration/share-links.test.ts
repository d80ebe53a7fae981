import { expect, it } from "vitest";
import { hashToken } from "@/lib/server/auth/secrets";
import { hashPassword } from "@/lib/server/auth/password";
import {
  createShareLink,
  DEFAULT_EXPIRY_HOURS,
  HOUR_MS,
  listShareLinks,
  revokeShareLink,
  ShareLinkError,
} from "@/lib/server/share/share-links";
import { recordShareView, resolveShareLink } from "@/lib/server/share/resolve-share-link";
import { describeEachDatabase } from "../support/databases";
import { seedAttempt } from "../support/seed-attempt";

const now = new Date("2026-03-10T12:00:00Z");

describeEachDatabase("share links", (getDb) => {
  it("stores only the token's hash, and finds the link by it", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db);
    const created = await createShareLink(db, null, { attemptId }, now);

    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.shareLink.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(hashToken(created.token));
    expect(stored.tokenHash).not.toContain(created.token);
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const lookup = await resolveShareLink(db, created.token, now);
    expect(lookup).toMatchObject({ outcome: "found", link: { id: created.id, attemptId } });
  });

  it("gives every link its own token", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db);
    const tokens = new Set<string>();
    for (let index = 0; index < 20; index += 1) tokens.add((await createShareLink(db, null, { attemptId }, now)).token);
    expect(tokens.size).toBe(20);
  });

  it("includes score and sections always, proctoring and recording only when asked", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db);
    const plain = await createShareLink(db, null, { attemptId }, now);
    const full = await createShareLink(db, null, { attemptId, includeProctoring: true, includeRecording: true }, now);
    const [plainRow, fullRow] = await Promise.all([
      db.shareLink.findUniqueOrThrow({ where: { id: plain.id } }),
      db.shareLink.findUniqueOrThrow({ where: { id: full.id } }),
    ]);
    expect(plainRow).toMatchObject({ includeProctoring: false, includeRecording: false });
    expect(fullRow).toMatchObject({ includeProctoring: true, includeRecording: true });
  });

  it("expires 14 days after creation by default: usable until the last millisecond, gone at expiry", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db);
    const link = await createShareLink(db, null, { attemptId }, now);
    expect(link.expiresAt.getTime() - now.getTime()).toBe(DEFAULT_EXPIRY_HOURS * HOUR_MS);
    expect(DEFAULT_EXPIRY_HOURS).toBe(14 * 24);

    expect((await resolveShareLink(db, link.token, new Date(link.expiresAt.getTime() - 1))).outcome).toBe("found");
    expect(await resolveShareLink(db, link.token, link.expiresAt)).toEqual({ outcome: "gone", reason: "expired" });
  });

  it("refuses an expiry shorter than an hour or longer than 90 days", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db);
    await expect(createShareLink(db, null, { attemptId, expiresInHours: 0 }, now)).rejects.toThrow(/at least an hour/);
    await expect(createShareLink(db, null, { attemptId, expiresInHours: 90 * 24 + 1 }, now)).rejects.toThrow(/90 days/);
    const longest = await createShareLink(db, null, { attemptId, expiresInHours: 90 * 24 }, now);
    expect(longest.expiresAt.getTime() - now.getTime()).toBe(90 * 24 * HOUR_MS);
  });

  it("refuses to share an attempt that does not exist", async () => {
    await expect(createShareLink(getDb(), null, { attemptId: "no-such-attempt" }, now)).rejects.toBeInstanceOf(
      ShareLinkError,
    );
  });

  it("answers not_found for an unknown or malformed token", async () => {
    const db = getDb();
    expect(await resolveShareLink(db, "A".repeat(43), now)).toEqual({ outcome: "not_found" });
    expect(await resolveShareLink(db, "../../etc/passwd", now)).toEqual({ outcome: "not_found" });
    expect(await resolveShareLink(db, "", now)).toEqual({ outcome: "not_found" });
  });

  it("revokes for good: the link is gone at once, and revoking again keeps the first time", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db);
    const link = await createShareLink(db, null, { attemptId }, now);
    expect(await revokeShareLink(db, link.id, now)).toEqual({ attemptId });
    expect(await resolveShareLink(db, link.token, now)).toEqual({ outcome: "gone", reason: "revoked" });
    await revokeShareLink(db, link.id, new Date(now.getTime() + HOUR_MS));
    const stored = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.revokedAt?.toISOString()).toBe(now.toISOString());
    expect(await revokeShareLink(db, "no-such-link", now)).toBeNull();
  });

  it("records each view and lists the attempt's links with creator, views and status", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db);
    const otherAttemptId = await seedAttempt(db);
    const creator = await db.user.create({
      data: {
        email: `sharer-${attemptId}@example.test`,
        name: "Rita Recruiter",
        passwordHash: await hashPassword("irrelevant-password"),
      },
    });
    const viewed = await createShareLink(db, creator.id, { attemptId, expiresInHours: 24 }, now);
    const revoked = await createShareLink(db, creator.id, { attemptId }, new Date(now.getTime() + 1_000));
    await createShareLink(db, creator.id, { attemptId: otherAttemptId }, now);
    await revokeShareLink(db, revoked.id, now);

    const firstView = new Date(now.getTime() + 60_000);
    const secondView = new Date(now.getTime() + 120_000);
    await recordShareView(db, viewed.id, "Mozilla/5.0 (hiring manager)", firstView);
    await recordShareView(db, viewed.id, null, secondView);

    const views = await db.shareLinkView.findMany({ where: { shareLinkId: viewed.id }, orderBy: { viewedAt: "asc" } });
    expect(views.map((view) => [view.viewedAt.toISOString(), view.userAgent])).toEqual([
      [firstView.toISOString(), "Mozilla/5.0 (hiring manager)"],
      [secondView.toISOString(), null],
    ]);

    const listed = await listShareLinks(db, attemptId, new Date(now.getTime() + 25 * HOUR_MS));
    expect(listed.map((link) => [link.id, link.status, link.viewCount, link.createdBy])).toEqual([
      [revoked.id, "revoked", 0, "Rita Recruiter"],
      [viewed.id, "expired", 2, "Rita Recruiter"],
    ]);
    expect(listed[1]?.lastViewedAt?.toISOString()).toBe(secondView.toISOString());
  });
});
