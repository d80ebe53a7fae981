import "server-only";
// What /jobs sorts and draws by besides activity: completions per week over the last eight
// weeks (from the kept WeekTally cells) and pass rates (from the kept ResultTally cells), a
// few rows per job and week whatever the number of results.
import type { Db } from "../db";
import { weekKey, weeksEndingWith } from "../../shared/insights/weeks";
import { WITHDRAWN_LIFECYCLES } from "../results/job-results";

export const TREND_WEEKS = 8;
export const JOB_ORDERS = ["activity", "trend", "passRate"] as const;
export type JobOrder = (typeof JOB_ORDERS)[number];

export interface CompletionTrend {
  weekStarts: Date[];
  /** Completions per week for each job asked about, oldest week first. */
  byJob: Map<string, number[]>;
}

export async function completionTrends(db: Db, jobIds: string[], now: Date): Promise<CompletionTrend> {
  const weekStarts = weeksEndingWith(now, TREND_WEEKS);
  const byJob = new Map(jobIds.map((id) => [id, Array<number>(TREND_WEEKS).fill(0)]));
  if (jobIds.length === 0) return { weekStarts, byJob };
  const keys = weekStarts.map(weekKey);
  const cells = await db.weekTally.groupBy({
    by: ["jobKey", "week"],
    where: { jobKey: { in: jobIds }, week: { gte: keys[0]! } },
    _sum: { results: true },
  });
  for (const cell of cells) {
    // A week after this one (a clock ahead of ours) counts in the last, as a recent completion.
    const week = keys.findLastIndex((key) => key <= cell.week);
    const counts = byJob.get(cell.jobKey);
    if (counts && week >= 0) counts[week]! += cell._sum.results ?? 0;
  }
  return { weekStarts, byJob };
}

/**
 * Every job's value for an order other than activity, keyed by job id; a job missing from the
 * map has no value (no completions lately, no verdict yet) and sorts last either way.
 */
export async function jobOrderValues(
  db: Db,
  order: Exclude<JobOrder, "activity">,
  now: Date,
): Promise<Map<string, number>> {
  if (order === "trend") {
    const since = weekKey(weeksEndingWith(now, TREND_WEEKS)[0]!);
    const cells = await db.weekTally.groupBy({
      by: ["jobKey"],
      where: { jobKey: { not: "" }, week: { gte: since } },
      _sum: { results: true },
    });
    return new Map(cells.flatMap((cell) => (cell._sum.results ? [[cell.jobKey, cell._sum.results]] : [])));
  }
  // Pass rates from the kept per-job tallies, leaving out withdrawn assessments as the rows do.
  const withdrawn = await db.assessment.findMany({
    where: { lifecycle: { in: WITHDRAWN_LIFECYCLES } },
    select: { id: true },
  });
  const cells = await db.resultTally.groupBy({
    by: ["jobKey", "verdict"],
    where: {
      jobKey: { not: "" },
      verdict: { not: "" },
      assessmentId: { notIn: withdrawn.map((assessment) => assessment.id) },
    },
    _sum: { results: true },
  });
  const verdicts = new Map<string, { passed: number; decided: number }>();
  for (const cell of cells) {
    const results = cell._sum.results ?? 0;
    const job = verdicts.get(cell.jobKey) ?? { passed: 0, decided: 0 };
    job.decided += results;
    if (cell.verdict === "passed") job.passed += results;
    verdicts.set(cell.jobKey, job);
  }
  return new Map(
    [...verdicts].flatMap(([jobId, { passed, decided }]) => (decided > 0 ? [[jobId, (passed / decided) * 100]] : [])),
  );
}

/** Job ids in the order asked for: by value, then most recent activity, then id. */
export function orderJobs(
  jobs: readonly { id: string; lastActivityAt: Date }[],
  values: ReadonlyMap<string, number>,
  direction: "asc" | "desc",
): string[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...jobs]
    .sort((left, right) => {
      const a = values.get(left.id);
      const b = values.get(right.id);
      if (a !== b) {
        if (a === undefined) return 1;
        if (b === undefined) return -1;
        return (a - b) * sign;
      }
      const byActivity = right.lastActivityAt.getTime() - left.lastActivityAt.getTime();
      return byActivity !== 0 ? byActivity : right.id.localeCompare(left.id);
    })
    .map((job) => job.id);
}
