import "server-only";
// The audit log as the admin page reads it: newest first, filtered, one page at a time by a
// keyset cursor (the last entry's time and id), so page 500 costs what page 1 does.
import { z } from "zod";
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import { AUDIT_ACTIONS } from "./record-audit";

export const AUDIT_PAGE_SIZE = 50;

const optionalFilter = z
  .string()
  .trim()
  .max(320)
  .optional()
  .transform((value) => value || undefined);

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return undefined;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: "custom", message: "must be a date (YYYY-MM-DD) or a time (ISO 8601)" });
      return z.NEVER;
    }
    return date;
  });

export const auditQuerySchema = z.object({
  /** A user's or token's id, or part of their label (an email, a token name). */
  actor: optionalFilter,
  action: z
    .enum(AUDIT_ACTIONS)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** A target's id (a candidate's, a share link's, a user's …). */
  target: optionalFilter,
  from: optionalDate,
  /** Inclusive: a date alone means up to the end of that day. */
  to: optionalDate,
  cursor: optionalFilter,
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditPage {
  entries: Awaited<ReturnType<Db["auditEntry"]["findMany"]>>;
  nextCursor: string | null;
}

export class InvalidAuditCursorError extends Error {
  constructor() {
    super("The page link is no longer valid: start again from the first page.");
    this.name = "InvalidAuditCursorError";
  }
}

export function encodeAuditCursor(entry: { at: Date; id: string }): string {
  return Buffer.from(`${entry.at.toISOString()}|${entry.id}`, "utf8").toString("base64url");
}

function decodeAuditCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime())) throw new InvalidAuditCursorError();
  return { at: date, id };
}

function endOfDayWhenDateOnly(raw: string | undefined, date: Date): Date {
  return raw && /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()) ? new Date(date.getTime() + 86_400_000 - 1) : date;
}

export async function listAuditEntries(
  db: Db,
  query: AuditQuery,
  options: { rawTo?: string; pageSize?: number } = {},
): Promise<AuditPage> {
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (query.actor) and.push({ OR: [{ actorId: query.actor }, { actorLabel: { contains: query.actor } }] });
  if (query.action) and.push({ action: query.action });
  if (query.target) and.push({ targetId: query.target });
  if (query.from) and.push({ at: { gte: query.from } });
  if (query.to) and.push({ at: { lte: endOfDayWhenDateOnly(options.rawTo, query.to) } });
  if (query.cursor) {
    const after = decodeAuditCursor(query.cursor);
    and.push({ OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] });
  }
  const rows = await db.auditEntry.findMany({
    where: { AND: and },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: pageSize + 1,
  });
  const entries = rows.slice(0, pageSize);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > pageSize && last ? encodeAuditCursor(last) : null };
}
