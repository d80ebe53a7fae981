import "server-only";
// The pictures above a job's table, each answered by a GROUP BY in the database: a handful
// of rows per query whatever the number of results (bins, statuses, weeks), never the rows.
// The funnel and flags come from the kept per-job tallies (ResultTally); the score, time and
// week bins read Attempt columns under the job's indexes, so a kept aggregate can take them
// over later without changing this module's callers.
import { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";
import { isProviderId } from "../../shared/vocabulary";
import { buildFunnels, COMPLETED_STATUSES, type ProviderFunnel, type StatusGroup } from "../../shared/insights/funnel";
import {
  DURATION_BIN_COUNT,
  DURATION_BIN_LIMITS_MINUTES,
  SCORE_BIN_COUNT,
  SCORE_BIN_WIDTH,
} from "../../shared/insights/score-bins";
import { weeksEndingWith } from "../../shared/insights/weeks";
import { scopeCondition, toDate, toNumber, weekIndex, type InsightFilters, type InsightScope } from "./scope-sql";

export const INSIGHT_WEEKS = 12;
/** ResultTally's job key for results whose assessment names no job. */
const UNLINKED_TALLY_KEY = "";

export interface AssessmentScores {
  assessmentId: string;
  name: string;
  provider: string;
  /** Attempts per bin of ten percentage points, lowest first. */
  bins: number[];
  scored: number;
  /** The provider's pass mark as percent of the maximum; null when it gives none. */
  passMarkPercent: number | null;
  /** Scored attempts at or above the pass mark; null without a pass mark. */
  atOrAbovePassMark: number | null;
}

export interface CompletionTimes {
  /** Completed attempts with a duration, per bin of DURATION_BIN_LIMITS_MINUTES. */
  bins: number[];
  timed: number;
  averageSeconds: number | null;
}

export interface JobInsights {
  assessments: AssessmentScores[];
  funnels: ProviderFunnel[];
  times: CompletionTimes;
  /** Completions (a submitted time) per week, oldest first, ending with the latest completion's week. */
  weeks: { start: Date; completions: number }[];
  total: number;
}

export async function jobInsights(
  db: Db,
  jobId: InsightScope,
  filters: InsightFilters,
  hiddenAssessments: readonly string[] = [],
): Promise<JobInsights> {
  const where = scopeCondition(jobId, filters, hiddenAssessments);
  const [assessments, { funnels, total }, times, weeks] = await Promise.all([
    scoreDistribution(db, where),
    statusFunnels(db, jobId, filters, hiddenAssessments),
    completionTimes(db, where),
    weeklyCompletions(db, where),
  ]);
  return { assessments, funnels, times, weeks, total };
}

function percentBin(percent: Prisma.Sql): Prisma.Sql {
  const branches = Array.from({ length: SCORE_BIN_COUNT - 1 }, (_, index) => SCORE_BIN_COUNT - 1 - index).map(
    (bin) => Prisma.sql`WHEN ${percent} >= ${bin * SCORE_BIN_WIDTH} THEN ${bin}`,
  );
  return Prisma.sql`CASE ${Prisma.join(branches, " ")} ELSE 0 END`;
}

async function scoreDistribution(db: Db, where: Prisma.Sql): Promise<AssessmentScores[]> {
  const percent = Prisma.sql`(a."score" * 100.0 / a."maxScore")`;
  const scored = Prisma.sql`${where} AND a."score" IS NOT NULL AND a."maxScore" > 0`;
  const [binRows, passMarkRows] = await Promise.all([
    db.$queryRaw<{ assessmentId: string; bin: unknown; n: unknown }[]>(Prisma.sql`
      SELECT a."assessmentId" AS "assessmentId", ${percentBin(percent)} AS bin, COUNT(*) AS n
      FROM "Attempt" a WHERE ${scored} GROUP BY 1, 2`),
    // A pass mark is the assessment's, but travels on each attempt: take the most common one.
    db.$queryRaw<{ assessmentId: string; mark: unknown; n: unknown; above: unknown }[]>(Prisma.sql`
      SELECT a."assessmentId" AS "assessmentId", (a."passMark" * 100.0 / a."maxScore") AS mark, COUNT(*) AS n,
             SUM(CASE WHEN a."score" >= a."passMark" THEN 1 ELSE 0 END) AS above
      FROM "Attempt" a WHERE ${scored} AND a."passMark" IS NOT NULL GROUP BY 1, 2`),
  ]);

  const byAssessment = new Map<string, { bins: number[]; scored: number }>();
  for (const row of binRows) {
    const entry = byAssessment.get(row.assessmentId) ?? { bins: Array(SCORE_BIN_COUNT).fill(0), scored: 0 };
    const count = toNumber(row.n);
    entry.bins[toNumber(row.bin)]! += count;
    entry.scored += count;
    byAssessment.set(row.assessmentId, entry);
  }
  const passMarks = new Map<string, { mark: number; n: number; above: number }>();
  for (const row of passMarkRows) {
    const n = toNumber(row.n);
    const current = passMarks.get(row.assessmentId);
    if (!current || n > current.n)
      passMarks.set(row.assessmentId, { mark: toNumber(row.mark), n, above: toNumber(row.above) });
  }
  if (byAssessment.size === 0) return [];

  const assessments = await db.assessment.findMany({
    where: { id: { in: [...byAssessment.keys()] } },
    select: { id: true, name: true, provider: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return assessments.map((assessment) => {
    const entry = byAssessment.get(assessment.id)!;
    const passMark = passMarks.get(assessment.id);
    return {
      assessmentId: assessment.id,
      name: assessment.name,
      provider: assessment.provider,
      bins: entry.bins,
      scored: entry.scored,
      passMarkPercent: passMark ? passMark.mark : null,
      // Attempts of this assessment scored against another mark are not counted as above this one.
      atOrAbovePassMark: passMark ? passMark.above : null,
    };
  });
}

// From ResultTally, the per-job cells the database keeps by trigger (see the schema): a few
// rows per assessment, status and verdict, whatever the number of results. The provider comes
// from each cell's assessment.
async function statusFunnels(
  db: Db,
  jobId: InsightScope,
  filters: InsightFilters,
  hiddenAssessments: readonly string[],
): Promise<{ funnels: ProviderFunnel[]; total: number }> {
  const assessments = await db.assessment.findMany({
    where: {
      jobId,
      id: { notIn: [...hiddenAssessments] },
      ...(filters.provider.length > 0 && { provider: { in: filters.provider } }),
    },
    select: { id: true, provider: true },
  });
  const providerOf = new Map(assessments.map((assessment) => [assessment.id, assessment.provider]));
  const cells = await db.resultTally.groupBy({
    by: ["assessmentId", "status", "verdict", "flagged"],
    where: {
      jobKey: jobId ?? UNLINKED_TALLY_KEY,
      assessmentId: { in: [...providerOf.keys()] },
      ...(filters.status.length > 0 && { status: { in: filters.status } }),
      ...(filters.passed && { verdict: filters.passed === "yes" ? "passed" : "failed" }),
      ...(filters.flagged && { flagged: true }),
    },
    _sum: { results: true },
  });
  const groups: StatusGroup[] = cells.flatMap((cell) => {
    const provider = providerOf.get(cell.assessmentId);
    const count = cell._sum.results ?? 0;
    if (!provider || !isProviderId(provider) || count === 0) return [];
    const passed = cell.verdict === "passed" ? true : cell.verdict === "failed" ? false : null;
    return [{ provider, status: cell.status, passed, integrityFlagged: cell.flagged, count }];
  });
  return { funnels: buildFunnels(groups), total: groups.reduce((sum, group) => sum + group.count, 0) };
}

async function completionTimes(db: Db, where: Prisma.Sql): Promise<CompletionTimes> {
  const seconds = Prisma.sql`a."durationSeconds"`;
  const branches = DURATION_BIN_LIMITS_MINUTES.map(
    (limit, bin) => Prisma.sql`WHEN ${seconds} < ${limit * 60} THEN ${bin}`,
  );
  const rows = await db.$queryRaw<{ bin: unknown; n: unknown; total: unknown }[]>(Prisma.sql`
    SELECT CASE ${Prisma.join(branches, " ")} ELSE ${DURATION_BIN_LIMITS_MINUTES.length} END AS bin,
           COUNT(*) AS n, SUM(${seconds}) AS total
    FROM "Attempt" a
    WHERE ${where} AND ${seconds} IS NOT NULL AND a."status" IN (${Prisma.join([...COMPLETED_STATUSES])})
    GROUP BY 1`);
  const bins: number[] = Array(DURATION_BIN_COUNT).fill(0);
  let timed = 0;
  let totalSeconds = 0;
  for (const row of rows) {
    const count = toNumber(row.n);
    bins[toNumber(row.bin)]! += count;
    timed += count;
    totalSeconds += toNumber(row.total);
  }
  return { bins, timed, averageSeconds: timed > 0 ? totalSeconds / timed : null };
}

async function weeklyCompletions(db: Db, where: Prisma.Sql): Promise<JobInsights["weeks"]> {
  const [latestRow] = await db.$queryRaw<{ latest: unknown }[]>(
    Prisma.sql`SELECT MAX(a."submittedAt") AS latest FROM "Attempt" a WHERE ${where}`,
  );
  const latest = toDate(latestRow?.latest);
  if (!latest) return [];
  const starts = weeksEndingWith(latest, INSIGHT_WEEKS);
  const submitted = Prisma.sql`a."submittedAt"`;
  const rows = await db.$queryRaw<{ week: unknown; n: unknown }[]>(Prisma.sql`
    SELECT ${weekIndex(submitted, starts)} AS week, COUNT(*) AS n
    FROM "Attempt" a WHERE ${where} AND ${submitted} >= ${starts[0]!} GROUP BY 1`);
  const counts = new Map(rows.map((row) => [toNumber(row.week), toNumber(row.n)]));
  return starts.map((start, index) => ({ start, completions: counts.get(index) ?? 0 }));
}
