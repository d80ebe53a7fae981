import { beforeAll, expect, it } from "vitest";
import type { DomainEvent } from "@/lib/server/domain/events";
import { applyEvents } from "@/lib/server/ingestion/apply-events";
import { InvalidCursorError, listResults, resultsQuerySchema } from "@/lib/server/results/api-results";
import { describeEachDatabase } from "../support/databases";

const query = (params: Record<string, string> = {}) => resultsQuerySchema.parse(params);

function reported(index: number): DomainEvent {
  return {
    kind: "attempt.reported",
    occurredAt: new Date(Date.UTC(2026, 5, 1, 0, index)),
    attemptKey: `a${index}`,
    assessment: {
      externalId: `asmt-${index % 2}`,
      name: `Assessment ${index % 2}`,
      jobTitle: index % 2 ? "Data Engineer" : "Senior  Software Engineer",
    },
    candidate: { email: `candidate${index}@example.com`, name: `Candidate ${index}` },
    facts: {
      status: index % 3 === 0 ? "timeout" : "completed",
      score: 50 + index,
      maxScore: 100,
      passed: 50 + index >= 60,
      proctoringScore: index % 4 === 0 ? null : 90,
      violationCount: index % 4 === 0 ? null : 1,
      recordingUrl: null,
      reportUrl: `https://reports.example.com/${index}`,
      submittedAt: new Date(Date.UTC(2026, 5, 1, 0, index)),
    },
  };
}

describeEachDatabase("read API results", (getDb) => {
  // Every test reads the same 25 results and writes none, so any one can run alone.
  beforeAll(async () => {
    const db = getDb();
    for (let index = 0; index < 25; index += 1) {
      await db.$transaction((tx) =>
        applyEvents({ tx, provider: index % 5 ? "smartai" : "testlify", deliveryId: null }, [reported(index)]),
      );
    }
  });

  it("lists results in the contract's item shape", async () => {
    const db = getDb();
    const { items, nextCursor } = await listResults(
      db,
      query({ limit: "1", candidateEmail: "CANDIDATE7@example.com" }),
    );
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        provider: "smartai",
        candidate: { email: "candidate7@example.com", name: "Candidate 7" },
        assessmentName: "Assessment 1",
        jobTitle: "Data Engineer",
        status: "completed",
        score: 57,
        maxScore: 100,
        passed: false,
        proctoring: { score: 90, violationCount: 1 },
        recordingUrl: null,
        reportUrl: "https://reports.example.com/7",
        submittedAt: "2026-06-01T00:07:00.000Z",
        updatedAt: expect.any(String),
      }),
    ]);
  });

  it("pages through every result exactly once with the cursor", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listResults(getDb(), query({ limit: "7", ...(cursor && { cursor }) }));
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it("filters by provider, status and job title (spelled loosely)", async () => {
    const db = getDb();
    expect((await listResults(db, query({ provider: "testlify" }))).items).toHaveLength(5);
    const timeouts = (await listResults(db, query({ status: "timeout" }))).items;
    expect(timeouts).toHaveLength(9);
    expect(timeouts.every((item) => item.status === "timeout")).toBe(true);
    const job = (await listResults(db, query({ jobTitle: "senior software engineer", limit: "100" }))).items;
    expect(job).toHaveLength(13);
    expect(new Set(job.map((item) => item.jobTitle))).toEqual(new Set(["Senior Software Engineer"]));
  });

  it("adds the total matching the filters, whatever the cursor and limit, only when asked", async () => {
    const db = getDb();
    expect(await listResults(db, query({ limit: "2" }))).not.toHaveProperty("total");
    expect(await listResults(db, query({ limit: "2", includeTotal: "false" }))).not.toHaveProperty("total");
    const first = await listResults(db, query({ status: "timeout", limit: "2", includeTotal: "true" }));
    expect(first.total).toBe(9);
    const second = await listResults(
      db,
      query({ status: "timeout", limit: "5", includeTotal: "true", cursor: first.nextCursor! }),
    );
    expect(second.total).toBe(9);
    expect(second.items).toHaveLength(5);
    const both = await listResults(db, query({ provider: "testlify", status: "timeout", includeTotal: "true" }));
    expect(both.total).toBe(both.items.length);
    expect((await listResults(db, query({ candidateEmail: "nobody@example.com", includeTotal: "1" }))).total).toBe(0);
  });

  it("caps the page size at 100 and refuses a cursor it did not make", async () => {
    expect(query({ limit: "500" }).limit).toBe(100);
    expect(query({}).limit).toBe(50);
    await expect(listResults(getDb(), query({ cursor: "garbage" }))).rejects.toBeInstanceOf(InvalidCursorError);
    expect(resultsQuerySchema.safeParse({ status: "done" }).success).toBe(false);
  });
});
