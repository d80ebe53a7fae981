import "server-only";
// The pictures above a job's table, summed from the cells the database keeps by trigger on
// every change to a result (ResultTally for the funnel and flags, InsightTally for scores,
// pass marks and times, WeekTally for completions per week): a few hundred rows per job, so
// the pictures cost the same at a hundred results and at a million.
import type { Db } from "../db";
import { isProviderId } from "../../shared/vocabulary";
import { buildFunnels, COMPLETED_STATUSES, type ProviderFunnel, type StatusGroup } from "../../shared/insights/funnel";
import { DURATION_BIN_COUNT, SCORE_BIN_COUNT } from "../../shared/insights/score-bins";
import { weekKey, weeksEndingWith } from "../../shared/insights/weeks";
import { tallyCells, type InsightFilters, type InsightScope, type TallyCells } from "./tally-cells";

export const INSIGHT_WEEKS = 12;

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
  const cells = await tallyCells(db, jobId, filters, hiddenAssessments);
  const [assessments, { funnels, total }, times, weeks] = await Promise.all([
    scoreDistribution(db, cells),
    statusFunnels(db, cells),
    completionTimes(db, cells, filters),
    weeklyCompletions(db, cells),
  ]);
  return { assessments, funnels, times, weeks, total };
}

async function scoreDistribution(db: Db, cells: TallyCells): Promise<AssessmentScores[]> {
  const [binCells, markCells] = await Promise.all([
    db.insightTally.groupBy({
      by: ["assessmentId", "scoreBin"],
      where: { ...cells.where, scoreBin: { gte: 0 } },
      _sum: { results: true },
    }),
    // A pass mark is the assessment's, but travels on each attempt: take the most common one.
    db.insightTally.groupBy({
      by: ["assessmentId", "markPercent"],
      where: { ...cells.where, markPercent: { gte: 0 } },
      _sum: { results: true, aboveMark: true },
    }),
  ]);

  const byAssessment = new Map<string, { bins: number[]; scored: number }>();
  for (const cell of binCells) {
    const count = cell._sum.results ?? 0;
    if (count === 0) continue;
    const entry = byAssessment.get(cell.assessmentId) ?? { bins: Array(SCORE_BIN_COUNT).fill(0), scored: 0 };
    entry.bins[cell.scoreBin]! += count;
    entry.scored += count;
    byAssessment.set(cell.assessmentId, entry);
  }
  const passMarks = new Map<string, { mark: number; n: number; above: number }>();
  for (const cell of markCells) {
    const n = cell._sum.results ?? 0;
    const current = passMarks.get(cell.assessmentId);
    if (n > 0 && (!current || n > current.n))
      passMarks.set(cell.assessmentId, { mark: cell.markPercent, n, above: cell._sum.aboveMark ?? 0 });
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

// A few rows per assessment, status and verdict; the provider comes from each cell's assessment.
async function statusFunnels(db: Db, cells: TallyCells): Promise<{ funnels: ProviderFunnel[]; total: number }> {
  const tallies = await db.resultTally.groupBy({
    by: ["assessmentId", "status", "verdict", "flagged"],
    where: cells.where,
    _sum: { results: true },
  });
  const groups: StatusGroup[] = tallies.flatMap((cell) => {
    const provider = cells.providerOf.get(cell.assessmentId);
    const count = cell._sum.results ?? 0;
    if (!provider || !isProviderId(provider) || count === 0) return [];
    const passed = cell.verdict === "passed" ? true : cell.verdict === "failed" ? false : null;
    return [{ provider, status: cell.status, passed, integrityFlagged: cell.flagged, count }];
  });
  return { funnels: buildFunnels(groups), total: groups.reduce((sum, group) => sum + group.count, 0) };
}

async function completionTimes(db: Db, cells: TallyCells, filters: InsightFilters): Promise<CompletionTimes> {
  const completed = [...COMPLETED_STATUSES].filter(
    (status) => filters.status.length === 0 || (filters.status as readonly string[]).includes(status),
  );
  const tallies = await db.insightTally.groupBy({
    by: ["durationBin"],
    where: { ...cells.where, status: { in: completed }, durationBin: { gte: 0 } },
    _sum: { results: true, durationSum: true },
  });
  const bins: number[] = Array(DURATION_BIN_COUNT).fill(0);
  let timed = 0;
  let totalSeconds = 0;
  for (const cell of tallies) {
    const count = cell._sum.results ?? 0;
    bins[cell.durationBin]! += count;
    timed += count;
    totalSeconds += cell._sum.durationSum ?? 0;
  }
  return { bins, timed, averageSeconds: timed > 0 ? totalSeconds / timed : null };
}

async function weeklyCompletions(db: Db, cells: TallyCells): Promise<JobInsights["weeks"]> {
  const tallies = await db.weekTally.groupBy({ by: ["week"], where: cells.where, _sum: { results: true } });
  const counts = new Map(tallies.flatMap((cell) => (cell._sum.results ? [[cell.week, cell._sum.results]] : [])));
  const latest = [...counts.keys()].sort().at(-1);
  if (!latest) return [];
  return weeksEndingWith(new Date(`${latest}T00:00:00Z`), INSIGHT_WEEKS).map((start) => ({
    start,
    completions: counts.get(weekKey(start)) ?? 0,
  }));
}
