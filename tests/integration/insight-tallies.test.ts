// Issues 11 and 15: the job page's pictures and the jobs overview's figures are summed from
// ResultTally, InsightTally and WeekTally, which triggers on Attempt keep (migrations 0008, 0012). Whatever mix of
// inserts, changes and deletes reaches the results, the kept cells must equal the cells
// counted from the results themselves, on both databases.
import fc from "fast-check";
import { expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { DURATION_BIN_LIMITS_MINUTES } from "@/lib/shared/insights/score-bins";
import { weekKey } from "@/lib/shared/insights/weeks";
import { describeEachDatabase } from "../support/databases";

interface Values {
  status: string;
  score: number | null;
  maxScore: number | null;
  passMark: number | null;
  passed: boolean | null;
  integrityFlagged: boolean;
  durationSeconds: number | null;
  submittedAt: Date | null;
  /** Index into the run's jobs, or null for no job. */
  job: number | null;
}

// Edges of every bin and key: a score on the pass mark, a full score, a zero maximum, the first
// and last second of a duration bin, the last millisecond of a Sunday and the first of a Monday.
const values: fc.Arbitrary<Values> = fc.record({
  status: fc.constantFrom("completed", "timeout", "invited", "in_progress"),
  score: fc.constantFrom(null, 0, 6, 7.5, 59.99, 60, 89.999, 100),
  maxScore: fc.constantFrom(null, 0, 10, 100),
  passMark: fc.constantFrom(null, 6, 60),
  passed: fc.constantFrom(null, true, false),
  integrityFlagged: fc.boolean(),
  durationSeconds: fc.constantFrom(null, 0, 899, 900, 7199, 7200, 90_000),
  submittedAt: fc.constantFrom(
    null,
    new Date("2026-03-01T23:59:59.999Z"),
    new Date("2026-03-02T00:00:00.000Z"),
    new Date("2026-03-11T12:30:00.000Z"),
  ),
  job: fc.constantFrom(null, 0, 1),
});

const operations = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("insert" as const), values }),
    fc.record({
      kind: fc.constant("update" as const),
      target: fc.nat(),
      values: fc.record(
        {
          status: values.map((v) => v.status),
          score: values.map((v) => v.score),
          passMark: values.map((v) => v.passMark),
          durationSeconds: values.map((v) => v.durationSeconds),
          submittedAt: values.map((v) => v.submittedAt),
          job: values.map((v) => v.job),
          passed: values.map((v) => v.passed),
        },
        { requiredKeys: [] },
      ),
    }),
    fc.record({ kind: fc.constant("delete" as const), target: fc.nat() }),
    // One statement over many rows, as the set-based apply writes: cells met twice in it.
    fc.record({
      kind: fc.constant("update all" as const),
      values: fc.record({ status: values.map((v) => v.status), integrityFlagged: fc.boolean() }, { requiredKeys: [] }),
    }),
    fc.record({ kind: fc.constant("delete all" as const) }),
  ),
  { minLength: 1, maxLength: 12 },
);

type Row = Awaited<ReturnType<Db["attempt"]["findMany"]>>[number];

function cellKey(parts: unknown[]): string {
  return JSON.stringify(parts);
}

function verdict(passed: boolean | null): string {
  return passed === true ? "passed" : passed === false ? "failed" : "";
}

/** The cells counted from the rows, with the formulas of the migration's views. */
function countedCells(rows: Row[]) {
  const insight = new Map<string, { results: number; aboveMark: number; durationSum: number }>();
  const week = new Map<string, number>();
  const result = new Map<string, { results: number; scored: number; percentSum: number }>();
  for (const row of rows) {
    const scored = row.score !== null && row.maxScore !== null && row.maxScore > 0;
    const withMark = scored && row.passMark !== null;
    const scoreBin = scored ? Math.max(0, Math.min(9, Math.floor((row.score! * 10) / row.maxScore!))) : -1;
    const markPercent = withMark ? (row.passMark! * 100) / row.maxScore! : -1;
    const seconds = row.durationSeconds;
    const durationBin = seconds === null ? -1 : durationBinOf(seconds);
    const base = [row.jobId ?? "", row.assessmentId, row.status, verdict(row.passed), row.integrityFlagged];
    const resultCell = result.get(cellKey(base)) ?? { results: 0, scored: 0, percentSum: 0 };
    resultCell.results += 1;
    if (scored) {
      resultCell.scored += 1;
      resultCell.percentSum += (row.score! * 100) / row.maxScore!;
    }
    result.set(cellKey(base), resultCell);
    const key = cellKey([...base, scoreBin, markPercent, durationBin]);
    const cell = insight.get(key) ?? { results: 0, aboveMark: 0, durationSum: 0 };
    cell.results += 1;
    if (withMark && row.score! >= row.passMark!) cell.aboveMark += 1;
    cell.durationSum += seconds ?? 0;
    insight.set(key, cell);
    if (row.submittedAt) {
      const weekCell = cellKey([...base, weekKey(row.submittedAt)]);
      week.set(weekCell, (week.get(weekCell) ?? 0) + 1);
    }
  }
  return { insight, week, result };
}

function durationBinOf(seconds: number): number {
  const bin = DURATION_BIN_LIMITS_MINUTES.findIndex((minutes) => seconds < minutes * 60);
  return bin === -1 ? DURATION_BIN_LIMITS_MINUTES.length : bin;
}

/** The kept cells, summed over shards, without the ones every result has left. */
async function keptCells(db: Db, assessmentId: string, jobKeys: string[]) {
  const insight = new Map<string, { results: number; aboveMark: number; durationSum: number }>();
  for (const cell of await db.insightTally.groupBy({
    by: ["jobKey", "assessmentId", "status", "verdict", "flagged", "scoreBin", "markPercent", "durationBin"],
    where: { assessmentId, jobKey: { in: jobKeys } },
    _sum: { results: true, aboveMark: true, durationSum: true },
  })) {
    const results = cell._sum.results ?? 0;
    if (results === 0) continue;
    const base = [cell.jobKey, cell.assessmentId, cell.status, cell.verdict, cell.flagged];
    insight.set(cellKey([...base, cell.scoreBin, cell.markPercent, cell.durationBin]), {
      results,
      aboveMark: cell._sum.aboveMark ?? 0,
      durationSum: cell._sum.durationSum ?? 0,
    });
  }
  const week = new Map<string, number>();
  for (const cell of await db.weekTally.groupBy({
    by: ["jobKey", "assessmentId", "status", "verdict", "flagged", "week"],
    where: { assessmentId, jobKey: { in: jobKeys } },
    _sum: { results: true },
  })) {
    const results = cell._sum.results ?? 0;
    if (results !== 0)
      week.set(cellKey([cell.jobKey, cell.assessmentId, cell.status, cell.verdict, cell.flagged, cell.week]), results);
  }
  const result = new Map<string, { results: number; scored: number; percentSum: number }>();
  for (const cell of await db.resultTally.groupBy({
    by: ["jobKey", "assessmentId", "status", "verdict", "flagged"],
    where: { assessmentId, jobKey: { in: jobKeys } },
    _sum: { results: true, scored: true, percentSum: true },
  })) {
    const results = cell._sum.results ?? 0;
    if (results !== 0)
      result.set(cellKey([cell.jobKey, cell.assessmentId, cell.status, cell.verdict, cell.flagged]), {
        results,
        scored: cell._sum.scored ?? 0,
        percentSum: cell._sum.percentSum ?? 0,
      });
  }
  return { insight, week, result };
}

describeEachDatabase("result, insight and week tallies", (getDb) => {
  it("equal the cells counted from the results after any inserts, changes and deletes", async () => {
    const db = getDb();
    const assessment = await db.assessment.create({
      data: { provider: "smartai", externalId: "tally-property", name: "Tally property" },
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(operations, async (steps) => {
        run += 1;
        const jobs = await Promise.all(
          [0, 1].map((index) =>
            db.job.create({ data: { title: `Tally ${run}.${index}`, titleKey: `tally ${run}.${index}` } }),
          ),
        );
        const jobIdOf = (job: number | null | undefined) => (job === null || job === undefined ? null : jobs[job]!.id);
        const ids: string[] = [];
        for (const step of steps) {
          if (step.kind === "insert") {
            const { job, ...columns } = step.values;
            const candidate = await db.candidate.create({
              data: { email: `tally-${run}-${ids.length}@example.test`, name: "Tally Person" },
            });
            const attempt = await db.attempt.create({
              data: {
                ...columns,
                provider: "smartai",
                externalKey: `tally-${run}-${ids.length}`,
                assessmentId: assessment.id,
                candidateId: candidate.id,
                jobId: jobIdOf(job),
              },
            });
            ids.push(attempt.id);
          } else if (step.kind === "update all") {
            await db.attempt.updateMany({ where: { id: { in: ids } }, data: step.values });
          } else if (step.kind === "delete all") {
            await db.attempt.deleteMany({ where: { id: { in: ids } } });
          } else if (ids.length > 0) {
            const id = ids[step.target % ids.length]!;
            if (step.kind === "delete") {
              await db.attempt.deleteMany({ where: { id } });
            } else {
              const { job, ...columns } = step.values;
              await db.attempt.updateMany({
                where: { id },
                data: { ...columns, ...("job" in step.values && { jobId: jobIdOf(job) }) },
              });
            }
          }
        }
        const jobKeys = ["", ...jobs.map((job) => job.id)];
        const rows = await db.attempt.findMany({ where: { assessmentId: assessment.id } });
        const counted = countedCells(rows.filter((row) => jobKeys.includes(row.jobId ?? "")));
        const kept = await keptCells(db, assessment.id, jobKeys);
        expect(kept.week).toEqual(counted.week);
        expect([...kept.result.keys()].sort()).toEqual([...counted.result.keys()].sort());
        for (const [key, cell] of counted.result) {
          const keptCell = kept.result.get(key)!;
          expect(keptCell.results).toBe(cell.results);
          expect(keptCell.scored).toBe(cell.scored);
          expect(keptCell.percentSum).toBeCloseTo(cell.percentSum, 6);
        }
        expect([...kept.insight.keys()].sort()).toEqual([...counted.insight.keys()].sort());
        for (const [key, cell] of counted.insight) {
          const keptCell = kept.insight.get(key)!;
          expect(keptCell.results).toBe(cell.results);
          expect(keptCell.aboveMark).toBe(cell.aboveMark);
          expect(keptCell.durationSum).toBeCloseTo(cell.durationSum, 6);
        }
      }),
      { numRuns: 25 },
    );
  });
});
