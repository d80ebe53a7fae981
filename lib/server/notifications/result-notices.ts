import "server-only";
// Result notices as one user hears of them, worked out when they read: ingestion writes one row
// per event (ResultNotice), and here each user's scope (followed jobs or all), muted kinds and
// read marks decide what their bell shows. A burst (a backfill, a batch of completions) of one
// kind reads as one summary instead of a row per result.
import { z } from "zod";
import type { Db } from "../db";

export const NOTICE_KINDS = ["final_result", "score_changed", "started"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  final_result: "A final result is in",
  score_changed: "A score changed after completion",
  started: "A candidate started",
};

export const noticePreferencesSchema = z.object({
  scope: z.enum(["followed", "all"]),
  muted: z.array(z.enum(NOTICE_KINDS)).max(NOTICE_KINDS.length),
});
export type NoticePreferences = z.infer<typeof noticePreferencesSchema>;

/** Notices read at most per bell: the newest; older ones are summarised away anyway. */
const WINDOW = 300;
/** Notices of one kind closer together than this belong to one burst. */
const BURST_GAP_MS = 2 * 60_000;
/** A burst with more notices than this reads as one summary. */
const BURST_SIZE = 3;

export interface DerivedNotice {
  /** "r:<notice id>" for one result, "g:<kind>:<newest id>" for a burst's summary. */
  key: string;
  title: string;
  body: string;
  createdAt: Date;
  read: boolean;
  href: string | null;
}

export async function noticePreferences(db: Db, userId: string): Promise<NoticePreferences> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { noticeScope: true, noticeMuted: true } });
  return parsePreferences(user?.noticeScope, user?.noticeMuted);
}

function parsePreferences(scope: string | undefined, muted: string | undefined): NoticePreferences {
  return {
    scope: scope === "all" ? "all" : "followed",
    muted: (muted ?? "")
      .split(",")
      .filter((kind): kind is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(kind)),
  };
}

export async function setNoticePreferences(db: Db, userId: string, preferences: NoticePreferences): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: { noticeScope: preferences.scope, noticeMuted: [...new Set(preferences.muted)].join(",") },
  });
}

export async function derivedNotices(db: Db, userId: string): Promise<DerivedNotice[]> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { noticeScope: true, noticeMuted: true, noticesReadAt: true, createdAt: true },
  });
  if (!user) return [];
  const preferences = parsePreferences(user.noticeScope, user.noticeMuted);
  const heard = NOTICE_KINDS.filter((kind) => !preferences.muted.includes(kind));
  if (heard.length === 0) return [];
  // Only what happened since: since the user joined, and for a followed job since they followed it.
  const followed =
    preferences.scope === "followed"
      ? await db.jobMember.findMany({ where: { userId }, select: { jobId: true, createdAt: true } })
      : null;
  if (followed && followed.length === 0) return [];
  const scope = followed
    ? { OR: followed.map((member) => ({ jobId: member.jobId, createdAt: { gte: member.createdAt } })) }
    : { createdAt: { gte: user.createdAt } };
  const rows = await db.resultNotice.findMany({
    where: { kind: { in: heard }, ...scope },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: WINDOW,
    select: {
      id: true,
      kind: true,
      createdAt: true,
      attempt: {
        select: {
          id: true,
          score: true,
          maxScore: true,
          candidate: { select: { id: true, name: true } },
          job: { select: { id: true, title: true } },
        },
      },
    },
  });
  const reads = new Set(
    (await db.noticeRead.findMany({ where: { userId }, select: { noticeKey: true } })).map((read) => read.noticeKey),
  );
  const isRead = (key: string, at: Date) => reads.has(key) || (user.noticesReadAt !== null && at <= user.noticesReadAt);
  return bursts(rows).map((burst) => {
    const newest = burst[0]!;
    if (burst.length === 1) {
      const key = `r:${newest.id}`;
      return { key, ...describe(newest), createdAt: newest.createdAt, read: isRead(key, newest.createdAt) };
    }
    const key = `g:${newest.kind}:${newest.id}`;
    const jobs = new Set(burst.map((row) => row.attempt.job?.title ?? "not linked to a job"));
    return {
      key,
      title: `${burst.length} × ${NOTICE_KIND_LABELS[newest.kind as NoticeKind] ?? newest.kind}`,
      body: `For ${[...jobs].slice(0, 3).join(", ")}${jobs.size > 3 ? ` and ${jobs.size - 3} more jobs` : ""}.`,
      createdAt: newest.createdAt,
      read: isRead(key, newest.createdAt),
      href: jobs.size === 1 && newest.attempt.job ? `/jobs/${newest.attempt.job.id}` : "/jobs",
    };
  });
}

type NoticeRow = {
  id: string;
  kind: string;
  createdAt: Date;
  attempt: {
    id: string;
    score: number | null;
    maxScore: number | null;
    candidate: { id: string; name: string };
    job: { id: string; title: string } | null;
  };
};

/**
 * Newest first: consecutive notices of one kind within a short gap form one burst. More than a
 * few become a summary; a few stay as they are, each its own line.
 */
function bursts(rows: NoticeRow[]): NoticeRow[][] {
  const groups: NoticeRow[][] = [];
  for (const row of rows) {
    const current = groups.at(-1);
    const last = current?.at(-1);
    if (current && last && last.kind === row.kind && last.createdAt.getTime() - row.createdAt.getTime() <= BURST_GAP_MS)
      current.push(row);
    else groups.push([row]);
  }
  return groups.flatMap((group) => (group.length > BURST_SIZE ? [group] : group.map((row) => [row])));
}

function describe(row: NoticeRow): { title: string; body: string; href: string } {
  const name = row.attempt.candidate.name;
  const job = row.attempt.job?.title ?? "A job";
  const score =
    row.attempt.score === null
      ? ""
      : ` Score ${row.attempt.score}${row.attempt.maxScore ? ` / ${row.attempt.maxScore}` : ""}.`;
  const href = `/candidates/${row.attempt.candidate.id}#attempt-${row.attempt.id}`;
  switch (row.kind) {
    case "started":
      return { title: `${name} started`, body: `${job}: the candidate began the assessment.`, href };
    case "score_changed":
      return { title: `${name}'s score changed`, body: `${job}: the provider changed a final result.${score}`, href };
    default:
      return { title: `${name}: result is in`, body: `${job}: the final result is in.${score}`, href };
  }
}

/** Marks derived notices read: one by one by key, or everything up to now. */
export async function markNoticesRead(db: Db, userId: string, keys: string[] | "all", now = new Date()) {
  if (keys === "all") {
    await db.$transaction([
      db.user.update({ where: { id: userId }, data: { noticesReadAt: now } }),
      db.noticeRead.deleteMany({ where: { userId } }),
    ]);
    return;
  }
  for (const key of keys) {
    await db.noticeRead.upsert({
      where: { userId_noticeKey: { userId, noticeKey: key } },
      create: { userId, noticeKey: key },
      update: {},
    });
  }
}
