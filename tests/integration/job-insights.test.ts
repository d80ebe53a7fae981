import { beforeAll, describe, expect, it } from "vitest";
import { jobInsights } from "@/lib/server/insights/job-insights";
import { loadComparison } from "@/lib/server/insights/compare";
import type { AttemptFacts } from "@/lib/server/domain/events";
import type { Db } from "@/lib/server/db";
import type { ProviderId } from "@/lib/shared/vocabulary";
import { describeEachDatabase } from "../support/databases";
import { seedAttempt } from "../support/seed-attempt";

const JOB = "Data Engineer";
const noFilters = { status: [], provider: [] };

function done(
  score: number,
  options: { passed?: boolean; flagged?: boolean; minutes?: number; day: string },
): AttemptFacts {
  return {
    status: "completed",
    resultState: "final",
    score,
    maxScore: 100,
    passMark: 60,
    passed: options.passed ?? score >= 60,
    violationCount: options.flagged ? 2 : 0,
    durationSeconds: (options.minutes ?? 20) * 60,
    submittedAt: new Date(`${options.day}T12:00:00Z`),
  };
}

async function seed(db: Db, provider: ProviderId, assessmentName: string, facts: AttemptFacts) {
  return seedAttempt(db, { provider, assessmentName, jobTitle: JOB, facts });
}

describeEachDatabase("job insights aggregates", (getDb) => {
  let jobId: string;
  let firstSmartAi: string;

  beforeAll(async () => {
    const db = getDb();
    // SmartAI (only completions, with verdicts and a pass mark of 60/100), two weeks apart.
    firstSmartAi = await seed(db, "smartai", "Pipelines", done(95, { day: "2026-03-02", minutes: 10 }));
    await seed(db, "smartai", "Pipelines", done(61, { day: "2026-03-03", flagged: true, minutes: 40 }));
    await seed(db, "smartai", "Pipelines", done(30, { day: "2026-03-16", minutes: 50 }));
    await seed(db, "smartai", "Pipelines", {
      ...done(58, { day: "2026-03-17", minutes: 130 }),
      status: "timeout",
    });
    // Testlify on a 10-point scale, no verdicts: invited, started and finished.
    await seed(db, "testlify", "SQL", { status: "invited", resultState: "pending" });
    await seed(db, "testlify", "SQL", { status: "invited", resultState: "pending" });
    await seed(db, "testlify", "SQL", { status: "in_progress", resultState: "pending" });
    await seed(db, "testlify", "SQL", {
      status: "completed",
      resultState: "final",
      score: 7,
      maxScore: 10,
      violationCount: 1,
      durationSeconds: 25 * 60,
      submittedAt: new Date("2026-03-04T09:00:00Z"),
    });
    // Another job's result never counts here.
    await seedAttempt(db, { provider: "smartai", jobTitle: "Other", facts: done(99, { day: "2026-03-02" }) });
    jobId = (await db.job.findFirstOrThrow({ where: { title: JOB }, select: { id: true } })).id;
  });

  it("draws each assessment's scores in ten bins of percent, with the provider's pass mark where it gives one", async () => {
    const insights = await jobInsights(getDb(), jobId, noFilters);
    const byName = Object.fromEntries(insights.assessments.map((assessment) => [assessment.name, assessment]));
    expect(byName.Pipelines).toMatchObject({
      scored: 4,
      passMarkPercent: 60,
      atOrAbovePassMark: 2,
      provider: "smartai",
    });
    expect(byName.Pipelines!.bins).toEqual([0, 0, 0, 1, 0, 1, 1, 0, 0, 1]);
    // 7 out of 10 is 70%; Testlify gives no pass mark.
    expect(byName.SQL).toMatchObject({ scored: 1, passMarkPercent: null, atOrAbovePassMark: null });
    expect(byName.SQL!.bins[7]).toBe(1);
  });

  it("counts the funnel per provider, with stages a provider never reports as not reported", async () => {
    const { funnels, total } = await jobInsights(getDb(), jobId, noFilters);
    expect(total).toBe(8);
    expect(funnels).toEqual([
      {
        provider: "smartai",
        stages: { invited: null, started: null, completed: 4, passed: 2 },
        sat: 4,
        flagged: 1,
      },
      {
        provider: "testlify",
        stages: { invited: 4, started: 2, completed: 1, passed: null },
        sat: 1,
        flagged: 1,
      },
    ]);
  });

  it("bins time to complete and counts completions per week, ending with the latest completion's week", async () => {
    const { times, weeks } = await jobInsights(getDb(), jobId, noFilters);
    // 10, 25 | 40 | 50 | 130 minutes: under 15, 15–30, 30–45, 45–60, …, 120 or more.
    expect(times).toEqual({
      bins: [1, 1, 1, 1, 0, 0, 1],
      timed: 5,
      averageSeconds: ((10 + 40 + 50 + 130 + 25) * 60) / 5,
    });
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)!.start.toISOString()).toBe("2026-03-16T00:00:00.000Z");
    expect(weeks.slice(-3).map((week) => week.completions)).toEqual([3, 0, 2]);
    expect(weeks.reduce((sum, week) => sum + week.completions, 0)).toBe(5);
  });

  it("applies the status, provider and outcome filters, and leaves hidden assessments out", async () => {
    const db = getDb();
    const flagged = await jobInsights(db, jobId, { ...noFilters, flagged: "yes" });
    expect(flagged.total).toBe(2);
    const failed = await jobInsights(db, jobId, { ...noFilters, passed: "no" });
    expect(failed.funnels.map((funnel) => [funnel.provider, funnel.stages.completed])).toEqual([["smartai", 2]]);
    const testlify = await jobInsights(db, jobId, { status: ["invited", "completed"], provider: ["testlify"] });
    expect(testlify.funnels).toEqual([
      { provider: "testlify", stages: { invited: 3, started: 1, completed: 1, passed: null }, sat: 1, flagged: 1 },
    ]);
    const sql = await db.assessment.findFirstOrThrow({ where: { name: "SQL" }, select: { id: true } });
    const withoutSql = await jobInsights(db, jobId, noFilters, [sql.id]);
    expect(withoutSql.funnels.map((funnel) => funnel.provider)).toEqual(["smartai"]);
  });

  it("answers an empty scope with empty pictures, not errors", async () => {
    const insights = await jobInsights(getDb(), "no-such-job", noFilters);
    expect(insights).toMatchObject({ total: 0, assessments: [], funnels: [], weeks: [] });
    expect(insights.times.timed).toBe(0);
  });

  describe("compare", () => {
    it("reads the named results of this job in the order asked, and counts the ones it cannot show", async () => {
      const db = getDb();
      const sqlResult = await db.attempt.findFirstOrThrow({
        where: { jobId, provider: "testlify", status: "completed" },
        select: { id: true },
      });
      const other = await db.attempt.findFirstOrThrow({ where: { jobId: { not: jobId } }, select: { id: true } });
      const { results, missing } = await loadComparison(db, jobId, [sqlResult.id, firstSmartAi, other.id, "gone"]);
      expect(results.map((result) => [result.id, result.assessmentName, result.score, result.maxScore])).toEqual([
        [sqlResult.id, "SQL", 7, 10],
        [firstSmartAi, "Pipelines", 95, 100],
      ]);
      expect(missing).toBe(2);
    });
  });
});
