import { beforeAll, expect, it } from "vitest";
import { listJobsOverview } from "@/lib/server/results/jobs-overview";
import { describeEachDatabase } from "../support/databases";
import {
  applyAttempts,
  engineScoredFacts,
  smartAiCompletedFacts,
  testlifyCompletedFacts,
  type AttemptSeed,
} from "../support/result-events";

const at = (minute: number) => new Date(Date.UTC(2026, 5, 9, 10, minute));
const engineering = {
  externalId: "fs-1",
  name: "Full Stack Developer Assessment",
  jobTitle: "Senior Software Engineer",
};
const python = { externalId: "py-1", name: "Python Proficiency Test", jobTitle: "senior  software engineer" };
const analyst = { externalId: "ja-1", name: "Job Analysis Specialist", jobTitle: "Job Analyst" };

const seeds: AttemptSeed[] = [
  // Senior Software Engineer: 78/100 passed, 40/100 failed, 74/100 from another provider (no verdict), one invited.
  {
    provider: "smartai",
    attemptKey: "s1",
    candidate: { email: "priya@example.com", name: "Priya Sharma" },
    assessment: engineering,
    occurredAt: at(1),
    facts: smartAiCompletedFacts(),
  },
  {
    provider: "smartai",
    attemptKey: "s2",
    candidate: { email: "omar@example.com", name: "Omar Haddad" },
    assessment: engineering,
    occurredAt: at(2),
    facts: smartAiCompletedFacts({ score: 40, passed: false }),
  },
  {
    provider: "assessment-engine",
    attemptKey: "e1",
    candidate: { email: "jane@example.com", name: "Jane Doe" },
    assessment: python,
    occurredAt: at(3),
    facts: engineScoredFacts(),
  },
  {
    provider: "smartai",
    attemptKey: "s3",
    candidate: { email: "mei@example.com", name: "Mei Chen" },
    assessment: engineering,
    occurredAt: at(4),
    facts: { status: "invited", resultState: "pending" },
  },
  // Job Analyst: a score on a 10-point scale counts as 50%.
  {
    provider: "testlify",
    attemptKey: "t1",
    candidate: { email: "bikram@example.com", name: "Bikram Ghosh" },
    assessment: analyst,
    occurredAt: at(5),
    facts: testlifyCompletedFacts({ score: 5, maxScore: 10 }),
  },
  // No job at all.
  {
    provider: "testlify",
    attemptKey: "t2",
    candidate: { email: "ada@example.com", name: "Ada L" },
    assessment: { externalId: "nj-1", name: "Unlinked" },
    occurredAt: at(6),
    facts: testlifyCompletedFacts(),
  },
];

describeEachDatabase("jobs overview aggregates", (getDb) => {
  beforeAll(async () => {
    await applyAttempts(getDb(), seeds);
  });

  it("counts each job's results by status, with average score (as % of each scale) and pass rate", async () => {
    const overview = await listJobsOverview(getDb(), {});
    expect(overview.totalJobs).toBe(2);
    // Most recent activity first.
    expect(overview.jobs.map((job) => job.title)).toEqual(["Job Analyst", "Senior Software Engineer"]);

    const engineer = overview.jobs[1]!;
    expect(engineer).toMatchObject({ results: 4, assessments: 2, byStatus: { completed: 3, invited: 1 } });
    expect(engineer.averagePercent).toBeCloseTo((78 + 40 + 74) / 3, 5);
    expect(engineer.passRate).toBeCloseTo(50, 5);
    expect(engineer.lastActivityAt).toBeInstanceOf(Date);

    const analystJob = overview.jobs[0]!;
    expect(analystJob).toMatchObject({ results: 1, byStatus: { completed: 1 }, passRate: null });
    expect(analystJob.averagePercent).toBeCloseTo(50, 5);
  });

  it("lists results without a job on their own line, and searches titles", async () => {
    const overview = await listJobsOverview(getDb(), {});
    expect(overview.unlinked).toMatchObject({ id: null, results: 1, assessments: 1, averagePercent: 18 });

    const searched = await listJobsOverview(getDb(), { q: "ANALYST" });
    expect(searched.jobs.map((job) => job.title)).toEqual(["Job Analyst"]);
    expect(searched.unlinked).toBeNull();
    expect((await listJobsOverview(getDb(), { q: "no such job" })).jobs).toEqual([]);
  });
});
