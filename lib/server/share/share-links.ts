import "server-only";
// Share links: one candidate's report for someone without an account, for as long as the
// recruiter chose. The token is shown once; only its SHA-256 is stored, so neither the
// database nor its backups hold a working link.
import { z } from "zod";
import type { Db } from "../db";
import { generateToken, hashToken } from "../auth/secrets";

export const HOUR_MS = 60 * 60 * 1000;
export const MIN_EXPIRY_HOURS = 1;
export const MAX_EXPIRY_HOURS = 90 * 24;
export const DEFAULT_EXPIRY_HOURS = 14 * 24;

/** What a recruiter chooses: score and sections are always in; proctoring and recording opt in. */
export const shareLinkOptionsSchema = z.object({
  attemptId: z.string().trim().min(1).max(64),
  includeProctoring: z.boolean().default(false),
  includeRecording: z.boolean().default(false),
  expiresInHours: z
    .number()
    .int()
    .min(MIN_EXPIRY_HOURS, { message: "a link must last at least an hour" })
    .max(MAX_EXPIRY_HOURS, { message: "a link can last at most 90 days" })
    .default(DEFAULT_EXPIRY_HOURS),
});

export type ShareLinkOptions = z.input<typeof shareLinkOptionsSchema>;
export type ShareLinkStatus = "active" | "expired" | "revoked";

export class ShareLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShareLinkError";
  }
}

export function shareUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/r/${token}`;
}

/** A link is usable from creation until just before expiresAt, unless revoked. */
export function shareLinkStatus(link: { expiresAt: Date; revokedAt: Date | null }, now = new Date()): ShareLinkStatus {
  if (link.revokedAt) return "revoked";
  return now.getTime() >= link.expiresAt.getTime() ? "expired" : "active";
}

/** Creates a link and answers its token: the only time the token exists outside the recipient's hands. */
export async function createShareLink(
  db: Db,
  createdById: string | null,
  options: ShareLinkOptions,
  now = new Date(),
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const parsed = shareLinkOptionsSchema.parse(options);
  const attempt = await db.attempt.findUnique({ where: { id: parsed.attemptId }, select: { id: true } });
  if (!attempt) throw new ShareLinkError("That result no longer exists, so it cannot be shared.");
  // The report is read by someone else, anywhere: its times stay in the sharer's zone, named.
  const sharer = createdById
    ? await db.user.findUnique({ where: { id: createdById }, select: { timeZone: true } })
    : null;
  const token = generateToken();
  const link = await db.shareLink.create({
    data: {
      attemptId: attempt.id,
      tokenHash: hashToken(token),
      createdById,
      includeProctoring: parsed.includeProctoring,
      includeRecording: parsed.includeRecording,
      timeZone: sharer?.timeZone ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + parsed.expiresInHours * HOUR_MS),
    },
    select: { id: true, expiresAt: true },
  });
  return { token, id: link.id, expiresAt: link.expiresAt };
}

/** Revokes a link for good. Answers the attempt it shared, or null when there is no such link. */
export async function revokeShareLink(db: Db, linkId: string, now = new Date()): Promise<{ attemptId: string } | null> {
  const link = await db.shareLink.findUnique({ where: { id: linkId }, select: { attemptId: true } });
  if (!link) return null;
  // Revoking twice keeps the first time.
  await db.shareLink.updateMany({ where: { id: linkId, revokedAt: null }, data: { revokedAt: now } });
  return link;
}

export interface ShareLinkSummary {
  id: string;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  includeProctoring: boolean;
  includeRecording: boolean;
  viewCount: number;
  lastViewedAt: Date | null;
  status: ShareLinkStatus;
}

/** An attempt's links, newest first, for the candidate page. */
export async function listShareLinks(db: Db, attemptId: string, now = new Date()): Promise<ShareLinkSummary[]> {
  const links = await db.shareLink.findMany({
    where: { attemptId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      includeProctoring: true,
      includeRecording: true,
      viewCount: true,
      lastViewedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  return links.map(({ createdBy, ...link }) => ({
    ...link,
    createdBy: createdBy ? createdBy.name || createdBy.email : null,
    status: shareLinkStatus(link, now),
  }));
}
