// A Testlify assessment archived (or deleted) after candidates took it: its results are kept and
// carried in the API with their lifecycle, but hidden on the job page and left out of the job's
// figures unless asked for. Delivered through the inbox and the real adapter.
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { listResults, resultsQuerySchema } from "@/lib/server/results/api-results";
import { countJobResults, listJobResults } from "@/lib/server/results/job-results";
import { listJobsOverview } from "@/lib/server/results/jobs-overview";
import { toResultRow } from "@/lib/server/results/result-row";
import { parseResultsView } from "@/lib/shared/job-results-view";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";
import { deliver, withData } from "../support/fixture-deliveries";

type Body = Record<string, unknown> & { data: Record<string, unknown> };
const OTHER = "6513f50bc988e6568d7dc261";

async function jobIdOf(db: Db) {
  const job = await db.job.findUniqueOrThrow({ where: { titleKey: "job analysis specialist" }, select: { id: true } });
  return job.id;
}

describeEachDatabase("withdrawn assessments", (getDb) => {
  beforeAll(async () => {
    const db = getDb();
    const completed = fixture<Body>("testlify-completed.json");
    await deliver(db, "testlify", [
      { body: fixture("testlify-assessment-created.json") },
      {
        body: withData(fixture<Body>("testlify-assessment-created.json"), { assessmentId: OTHER, name: "Older test" }),
      },
      { body: completed },
      { body: withData(completed, { assessmentId: OTHER, email: "earlier@example.com", avgScorePercentage: 90 }) },
      // The archived sample, for the second assessment of the same job.
      {
        body: withData(fixture<Body>("testlify-assessment-archived.json"), {
          assessmentId: OTHER,
          jobRoleName: "Job Analysis Specialist",
        }),
      },
    ]);
  });

  it("hides the withdrawn assessment's results by default and shows them on request, marked", async () => {
    const db = getDb();
    const jobId = await jobIdOf(db);
    const hidden = parseResultsView({});
    const shown = parseResultsView({ withdrawn: "show" });
    expect(await countJobResults(db, jobId, hidden)).toBe(1);
    expect(await countJobResults(db, jobId, shown)).toBe(2);
    const rows = (await listJobResults(db, jobId, shown, shown)).rows.map(toResultRow);
    expect(rows.map((row) => [row.candidateEmail, row.assessmentWithdrawn]).sort()).toEqual([
      ["candidate@example.com", false],
      ["earlier@example.com", true],
    ]);
  });

  it("keeps the URL state: on by default, ?withdrawn=show to include them", () => {
    expect(parseResultsView({}).withdrawn).toBeUndefined();
    expect(parseResultsView({ withdrawn: "show" }).withdrawn).toBe("show");
    expect(parseResultsView({ withdrawn: "everything" }).withdrawn).toBeUndefined();
  });

  it("keeps them in the read API, with their lifecycle", async () => {
    const { items } = await listResults(getDb(), resultsQuerySchema.parse({ provider: "testlify" }));
    expect(items.map((item) => [item.candidate.email, item.assessment.lifecycle]).sort()).toEqual([
      ["candidate@example.com", "active"],
      ["earlier@example.com", "archived"],
    ]);
  });

  it("leaves them out of the job's figures", async () => {
    const db = getDb();
    const jobId = await jobIdOf(db);
    const job = (await listJobsOverview(db, {})).jobs.find((candidate) => candidate.id === jobId);
    expect(job).toMatchObject({ results: 1, byStatus: { completed: 1 }, averagePercent: 18 });
  });
});
