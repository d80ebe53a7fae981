import { describe, expect, it } from "vitest";
import { buildCompareView, compareHref, compareIdsSchema, type CompareInput } from "./compare-view";

function result(overrides: Partial<CompareInput>): CompareInput {
  return {
    id: "r1",
    candidateId: "c1",
    candidateName: "Ada",
    assessmentName: "Backend",
    provider: "smartai",
    status: "completed",
    score: null,
    maxScore: null,
    passed: null,
    gradingBand: null,
    sections: [],
    proctoringScore: null,
    violationCount: null,
    integrityFlagged: false,
    durationSeconds: null,
    recordingUrl: null,
    reportUrl: null,
    ...overrides,
  };
}

describe("compare ids in the URL", () => {
  it("reads two to four distinct ids, comma-separated or repeated, in the order chosen", () => {
    expect(compareIdsSchema.parse("b,a,b")).toEqual(["b", "a"]);
    expect(compareIdsSchema.parse(["c", "a,d"])).toEqual(["c", "a", "d"]);
  });

  it("refuses one id, five ids, and anything that is not an id", () => {
    expect(compareIdsSchema.safeParse("a").success).toBe(false);
    expect(compareIdsSchema.safeParse("a,b,c,d,e").success).toBe(false);
    expect(compareIdsSchema.safeParse("a,<script>").success).toBe(false);
  });

  it("writes the link the page reads back", () => {
    const href = compareHref("job 1", ["a", "b"]);
    expect(href).toBe("/jobs/job%201/compare?ids=a,b");
    expect(compareIdsSchema.parse(new URL(href, "http://x").searchParams.get("ids"))).toEqual(["a", "b"]);
  });
});

describe("buildCompareView", () => {
  it("puts scores on different scales on one percent scale and marks the best, failed, flagged and fastest", () => {
    const view = buildCompareView([
      result({ id: "a", score: 8, maxScore: 10, passed: true, durationSeconds: 1200 }),
      result({ id: "b", score: 70, maxScore: 100, passed: false, integrityFlagged: true, durationSeconds: 900 }),
      result({ id: "c", score: null, maxScore: 100 }),
    ]);
    expect(view.columns.map((column) => column.overallPercent)).toEqual([80, 70, null]);
    expect(view.columns.map((column) => column.highlights)).toEqual([
      ["best score"],
      ["failed", "flagged", "fastest"],
      [],
    ]);
    expect(view.columns.map((column) => column.verdict)).toEqual(["passed", "failed", null]);
  });

  it("marks every result tied for the best score, none when all are equal or only one has a score", () => {
    const tied = buildCompareView([
      result({ id: "a", score: 7, maxScore: 10, durationSeconds: 600 }),
      result({ id: "b", score: 70, maxScore: 100, durationSeconds: 600 }),
      result({ id: "c", score: 50, maxScore: 100, durationSeconds: 600 }),
    ]);
    expect(tied.columns.map((column) => column.highlights)).toEqual([["best score"], ["best score"], []]);
    const equal = buildCompareView([
      result({ id: "a", score: 7, maxScore: 10 }),
      result({ id: "b", score: 70, maxScore: 100 }),
    ]);
    expect(equal.columns.flatMap((column) => column.highlights)).toEqual([]);
    const alone = buildCompareView([result({ id: "a", score: 7, maxScore: 10 }), result({ id: "b" })]);
    expect(alone.columns.flatMap((column) => column.highlights)).toEqual([]);
  });

  it("lines sections up by name across results, with gaps where a result has none, and marks each row's best", () => {
    const view = buildCompareView([
      result({
        id: "a",
        sections: [
          { name: "Logic", score: 4, maxScore: 5, percentage: null },
          { name: "SQL", score: null, maxScore: null, percentage: 50 },
        ],
      }),
      result({
        id: "b",
        assessmentName: "Data",
        sections: [{ name: "SQL", score: 9, maxScore: 10, percentage: null }],
      }),
    ]);
    expect(view.sections).toEqual([
      { name: "Logic", percents: [80, null], best: [] },
      { name: "SQL", percents: [50, 90], best: [1] },
    ]);
    expect(view.mixedAssessments).toBe(true);
  });

  it("keeps only http(s) recording and report links", () => {
    const view = buildCompareView([
      result({ id: "a", recordingUrl: "javascript:alert(1)", reportUrl: "https://reports.example/a" }),
      result({ id: "b", recordingUrl: "https://media.example/b.mp4" }),
    ]);
    expect(view.columns.map((column) => [column.recordingUrl, column.reportUrl])).toEqual([
      [null, "https://reports.example/a"],
      ["https://media.example/b.mp4", null],
    ]);
  });
});
