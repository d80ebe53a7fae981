import "server-only";
// The admin's event log: every delivery from every provider, newest first, filtered and paged
// by keyset (received time, id) so the hundredth page costs what the first does.
import { z } from "zod";
import type { Db } from "../db";
import { DELIVERY_STATUSES, PROVIDERS, normaliseEmail } from "../../shared/vocabulary";
import { decodeOpaque, encodeOpaque } from "../results/cursor";

export const EVENT_LOG_PAGE_SIZE = 50;

/** A time from a datetime-local field: the app shows UTC, so a time without a zone is UTC. */
const utcTime = z
  .string()
  .trim()
  .transform((value, context) => {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
    const time = new Date(zoned);
    if (Number.isNaN(time.getTime())) {
      context.addIssue({ code: "custom", message: "is not a date and time" });
      return z.NEVER;
    }
    return time;
  });

const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const eventLogQuerySchema = z.object({
  provider: z.preprocess(blankAsUndefined, z.enum(PROVIDERS).optional()),
  status: z.preprocess(blankAsUndefined, z.enum(DELIVERY_STATUSES).optional()),
  from: z.preprocess(blankAsUndefined, utcTime.optional()),
  to: z.preprocess(blankAsUndefined, utcTime.optional()),
  email: z.preprocess(blankAsUndefined, z.string().trim().max(320).optional()),
  cursor: z.preprocess(blankAsUndefined, z.string().max(200).optional()),
});
export type EventLogQuery = z.infer<typeof eventLogQuerySchema>;

const cursorSchema = z.object({ r: z.iso.datetime(), i: z.string().min(1) });

function encodeCursor(row: { receivedAt: Date; id: string }): string {
  return encodeOpaque({ r: row.receivedAt.toISOString(), i: row.id });
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } | null {
  const decoded = decodeOpaque(cursor, cursorSchema);
  return decoded ? { receivedAt: new Date(decoded.r), id: decoded.i } : null;
}

export interface EventLogRow {
  id: string;
  provider: string;
  externalId: string;
  source: string;
  eventType: string | null;
  status: string;
  receivedAt: Date;
  processedAt: Date | null;
  providerTimestamp: Date | null;
  candidateEmail: string | null;
  error: string | null;
  attempts: number;
}

export interface EventLogPage {
  rows: EventLogRow[];
  nextCursor: string | null;
  /** The cursor was not one this page made (edited URL): the first page is shown instead. */
  cursorIgnored: boolean;
}

export async function listDeliveries(
  db: Db,
  query: EventLogQuery,
  pageSize = EVENT_LOG_PAGE_SIZE,
): Promise<EventLogPage> {
  const position = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.delivery.findMany({
    where: {
      provider: query.provider,
      status: query.status,
      candidateEmail: query.email ? normaliseEmail(query.email) : undefined,
      receivedAt: query.from || query.to ? { gte: query.from, lte: query.to } : undefined,
      ...(position && {
        OR: [{ receivedAt: { lt: position.receivedAt } }, { receivedAt: position.receivedAt, id: { lt: position.id } }],
      }),
    },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      provider: true,
      externalId: true,
      source: true,
      eventType: true,
      status: true,
      receivedAt: true,
      processedAt: true,
      providerTimestamp: true,
      candidateEmail: true,
      error: true,
      attempts: true,
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > pageSize && last ? encodeCursor(last) : null,
    cursorIgnored: Boolean(query.cursor) && !position,
  };
}

/** Only failed and unrecognised deliveries are offered for replay; processed ones stay as they are. */
export function isReplayable(status: string): boolean {
  return status === "failed" || status === "unrecognised";
}
