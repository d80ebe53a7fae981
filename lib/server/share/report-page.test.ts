import { describe, expect, it } from "vitest";
import { reportDocument } from "./report-page";
import type { SharedReport } from "./shared-report";

function report(overrides: Partial<SharedReport> = {}): SharedReport {
  return {
    candidateName: "Jane Doe",
    assessmentName: "Python Proficiency Test",
    jobTitle: null,
    provider: "assessment-engine",
    status: "completed",
    resultState: "final",
    score: 74,
    maxScore: null,
    passMark: null,
    passed: null,
    gradingBand: null,
    submittedAt: new Date("2023-11-05T10:00:00Z"),
    sections: [],
    proctoring: null,
    recordings: null,
    expiresAt: new Date("2026-12-14T01:41:00Z"),
    timeZone: "UTC",
    ...overrides,
  };
}

describe("shared report content", () => {
  it("shows each section's percentile, named level and the evaluator's remarks, as text", () => {
    const page = reportDocument(
      report({
        sections: [
          {
            name: "Logical Reasoning",
            score: 64,
            maxScore: 100,
            percentage: 64,
            percentile: 87,
            remarks: "<b>Careful</b>",
          },
          { name: "Communication", score: null, maxScore: null, percentage: null, label: "Advanced" },
        ],
      }),
    );
    expect(page).toContain('<th scope="col">Percentile</th>');
    expect(page).toContain("87th");
    expect(page).toContain("Advanced");
    expect(page).toContain("remarks: &lt;b&gt;Careful&lt;/b&gt;");
    expect(page).not.toContain("<b>Careful");
  });

  it("writes its times in the sharer's zone and names that zone", () => {
    const page = reportDocument(report({ timeZone: "Europe/Berlin" }));
    expect(page).toContain("5 Nov 2023, 11:00 Europe/Berlin");
    expect(page).toContain("the link stops working on\n          14 Dec 2026, 02:41 Europe/Berlin.");
    expect(page).toContain("Times are in Europe/Berlin, the time zone of the person who shared this report.");
    expect(reportDocument(report())).toContain("14 Dec 2026, 01:41 UTC");
  });

  it("says 'No score yet' only while more may come", () => {
    expect(reportDocument(report({ score: null, resultState: "final" }))).toContain("Not scored");
    expect(reportDocument(report({ score: null, resultState: "final" }))).not.toContain("No score yet");
    expect(reportDocument(report({ score: null, resultState: "partial" }))).toContain("No score yet");
  });
});
