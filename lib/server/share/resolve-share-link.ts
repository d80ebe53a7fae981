import "server-only";
import type { Db } from "../db";
import { hashToken } from "../auth/secrets";
import { resolveTimeZone } from "../../shared/date-time";
import { shareLinkStatus } from "./share-links";

export interface ResolvedShareLink {
  id: string;
  attemptId: string;
  includeProctoring: boolean;
  includeRecording: boolean;
  expiresAt: Date;
  /** The zone the report's times are written in: the sharer's when the link was made, else UTC. */
  timeZone: string;
}

export type ShareLinkLookup =
  | { outcome: "found"; link: ResolvedShareLink }
  | { outcome: "not_found" }
  | { outcome: "gone"; reason: "expired" | "revoked" };

// generateToken gives 43 base64url characters; anything far from that shape is not a token.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,128}$/;
const MAX_USER_AGENT_LENGTH = 512;

/** Looks a token up by its hash: unknown → not_found; expired or revoked → gone. */
export async function resolveShareLink(db: Db, token: string, now = new Date()): Promise<ShareLinkLookup> {
  if (!TOKEN_SHAPE.test(token)) return { outcome: "not_found" };
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      attemptId: true,
      includeProctoring: true,
      includeRecording: true,
      expiresAt: true,
      revokedAt: true,
      timeZone: true,
      createdBy: { select: { timeZone: true } },
    },
  });
  if (!link) return { outcome: "not_found" };
  const status = shareLinkStatus(link, now);
  if (status !== "active") return { outcome: "gone", reason: status };
  const { revokedAt: _revokedAt, createdBy, timeZone, ...resolved } = link;
  // Links made before zones were stored fall back to their creator's zone now.
  return { outcome: "found", link: { ...resolved, timeZone: resolveTimeZone(timeZone ?? createdBy?.timeZone) } };
}

/** One line per view, and the link's counters, committed together. */
export async function recordShareView(
  db: Db,
  linkId: string,
  userAgent: string | null,
  now = new Date(),
): Promise<void> {
  await db.$transaction([
    db.shareLinkView.create({
      data: { shareLinkId: linkId, viewedAt: now, userAgent: userAgent?.slice(0, MAX_USER_AGENT_LENGTH) || null },
    }),
    db.shareLink.update({ where: { id: linkId }, data: { viewCount: { increment: 1 }, lastViewedAt: now } }),
  ]);
}
