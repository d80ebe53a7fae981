import { beforeAll, expect, it } from "vitest";
import { listJobsOverview } from "@/lib/server/results/jobs-overview";
import { completionTrends } from "@/lib/server/insights/job-trends";
import { countArchivedJobs, setJobArchived } from "@/lib/server/insights/job-archive";
import type { AttemptFacts } from "@/lib/server/domain/events";
import { describeEachDatabase } from "../support/databases";
import { seedAttempt } from "../support/seed-attempt";

// "Now" is Wednesday 18 March 2026: the last eight weeks start on Monday 26 January.
const NOW = new Date("2026-03-18T15:00:00Z");

function result(day: string, passed: boolean | null): AttemptFacts {
  return {
    status: "completed",
    resultState: "final",
    score: passed ? 80 : 40,
    maxScore: 100,
    passed,
    submittedAt: new Date(`${day}T10:00:00Z`),
  };
}

describeEachDatabase("jobs overview: trends, sorting and each user's archive", (getDb) => {
  const ids: Record<string, string> = {};
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    const db = getDb();
    const seeds: [string, string, boolean | null][] = [
      // Busy: four completions lately, half passed.
      ["Busy", "2026-03-16", true],
      ["Busy", "2026-03-17", false],
      ["Busy", "2026-03-09", true],
      ["Busy", "2026-02-02", false],
      // Strong: every verdict a pass, one completion lately.
      ["Strong", "2026-03-10", true],
      ["Strong", "2025-12-01", true],
      // Quiet: nothing in eight weeks, all failed.
      ["Quiet", "2025-11-03", false],
      // Unjudged: no verdict at all, two completions lately.
      ["Unjudged", "2026-03-02", null],
      ["Unjudged", "2026-03-03", null],
    ];
    for (const [jobTitle, day, passed] of seeds)
      await seedAttempt(db, { jobTitle, assessmentName: `${jobTitle} test`, facts: result(day, passed) });
    for (const job of await db.job.findMany({ select: { id: true, title: true } })) ids[job.title] = job.id;
    const users = await Promise.all(
      ["alice", "bob"].map((name) =>
        db.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x" }, select: { id: true } }),
      ),
    );
    [alice, bob] = users.map((user) => user.id) as [string, string];
  });

  it("counts each job's completions per week over the last eight weeks, oldest first", async () => {
    const trends = await completionTrends(getDb(), [ids.Busy!, ids.Quiet!, ids.Strong!], NOW);
    expect(trends.weekStarts[0]!.toISOString()).toBe("2026-01-26T00:00:00.000Z");
    expect(trends.weekStarts.at(-1)!.toISOString()).toBe("2026-03-16T00:00:00.000Z");
    expect(trends.byJob.get(ids.Busy!)).toEqual([0, 1, 0, 0, 0, 0, 1, 2]);
    expect(trends.byJob.get(ids.Strong!)).toEqual([0, 0, 0, 0, 0, 0, 1, 0]);
    expect(trends.byJob.get(ids.Quiet!)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("sorts by pass rate and by recent completions, either way, with jobs lacking a value last", async () => {
    const db = getDb();
    const titles = async (order: "trend" | "passRate", direction: "asc" | "desc") =>
      (await listJobsOverview(db, { order, direction, now: NOW })).jobs.map((job) => job.title);
    expect(await titles("passRate", "desc")).toEqual(["Strong", "Busy", "Quiet", "Unjudged"]);
    expect(await titles("passRate", "asc")).toEqual(["Quiet", "Busy", "Strong", "Unjudged"]);
    expect(await titles("trend", "desc")).toEqual(["Busy", "Unjudged", "Strong", "Quiet"]);
    expect(await titles("trend", "asc")).toEqual(["Strong", "Unjudged", "Busy", "Quiet"]);
  });

  it("hides a job only from the user who archived it, lists it under their archive, and restores it", async () => {
    const db = getDb();
    const listed = async (userId: string, show: "active" | "archived") =>
      (await listJobsOverview(db, { archive: { userId, show } })).jobs.map((job) => job.title).sort();

    expect(await setJobArchived(db, alice, ids.Quiet!, true)).toBe("archived");
    expect(await setJobArchived(db, alice, ids.Quiet!, true)).toBe("archived");
    expect(await listed(alice, "active")).toEqual(["Busy", "Strong", "Unjudged"]);
    expect(await listed(alice, "archived")).toEqual(["Quiet"]);
    expect(await listed(bob, "active")).toEqual(["Busy", "Quiet", "Strong", "Unjudged"]);
    expect(await countArchivedJobs(db, alice)).toBe(1);
    expect(await countArchivedJobs(db, bob)).toBe(0);

    expect(await setJobArchived(db, alice, "no-such-job", true)).toBe("no-such-job");
    expect(await setJobArchived(db, alice, ids.Quiet!, false)).toBe("active");
    expect(await listed(alice, "archived")).toEqual([]);
  });

  it("leaves the results of withdrawn assessments out of the pass-rate order, as the rows do", async () => {
    const db = getDb();
    await db.assessment.updateMany({ where: { jobId: ids.Strong! }, data: { lifecycle: "archived" } });
    try {
      const { jobs } = await listJobsOverview(db, { order: "passRate", direction: "desc", now: NOW });
      expect(jobs.slice(0, 2).map((job) => job.title)).toEqual(["Busy", "Quiet"]);
      expect(jobs.find((job) => job.title === "Strong")?.passRate).toBeNull();
    } finally {
      await db.assessment.updateMany({ where: { jobId: ids.Strong! }, data: { lifecycle: "published" } });
    }
  });
});
