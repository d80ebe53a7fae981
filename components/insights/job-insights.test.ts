import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { JobInsights } from "@/lib/server/insights/job-insights";
import { buildCompareView } from "@/lib/shared/compare/compare-view";
import { CompareTable } from "@/components/compare/compare-table";
import { JobInsightsPanel } from "./job-insights";

const insights: JobInsights = {
  total: 6,
  assessments: [
    {
      assessmentId: "a1",
      name: "Pipelines",
      provider: "smartai",
      bins: [0, 0, 0, 1, 0, 1, 1, 0, 0, 1],
      scored: 4,
      passMarkPercent: 60,
      atOrAbovePassMark: 2,
    },
  ],
  funnels: [
    { provider: "smartai", stages: { invited: null, started: null, completed: 4, passed: 2 }, sat: 4, flagged: 1 },
  ],
  times: { bins: [1, 1, 1, 1, 0, 0, 0], timed: 4, averageSeconds: 1800 },
  weeks: [
    { start: new Date("2026-03-09T00:00:00Z"), completions: 1 },
    { start: new Date("2026-03-16T00:00:00Z"), completions: 3 },
  ],
};

function render(filtered = false) {
  return renderToStaticMarkup(createElement(JobInsightsPanel, { insights, filtered }));
}

describe("job insights panel", () => {
  it("gives every chart a figure with a caption stating the finding, an image label and its numbers as a table", () => {
    const html = render();
    const figures = html.match(/<figure/g) ?? [];
    expect(figures).toHaveLength(5);
    expect((html.match(/<figcaption/g) ?? []).length).toBe(figures.length);
    expect(html).toContain("2 of 4 scored results (50%) are at or above the pass mark of 60%.");
    expect(html).toContain('role="img" aria-label="Histogram of Pipelines scores. 2 of 4 scored results');
    expect(html).toContain("pass mark 60%");
    expect(html).toContain("1 of 4 attempts sat (25%) were flagged for integrity.");
    expect(html).toContain("Half of 4 timed completions took under 30 min");
    expect(html).toContain("4 completions in the 2 weeks from 9 Mar 2026");
    expect(html).toContain('<th scope="row" class="py-1 pr-3 font-normal">30–39%</th>');
  });

  it("says a stage the provider never reports is not reported, never zero", () => {
    const html = render();
    expect((html.match(/not reported/g) ?? []).length).toBe(2);
  });

  it("says what to do when a filtered view has nothing to chart", () => {
    const html = renderToStaticMarkup(
      createElement(JobInsightsPanel, { insights: { ...insights, total: 0 }, filtered: true }),
    );
    expect(html).toContain("No results in this filtered view yet");
    expect(html).toContain("Clear a filter to see the whole job.");
  });
});

describe("compare table", () => {
  it("says best, failed and flagged in words and offers to remove a column only above two", () => {
    const base = {
      candidateId: "c",
      assessmentName: "Pipelines",
      provider: "smartai",
      status: "completed",
      maxScore: 100,
      gradingBand: null,
      sections: [],
      proctoringScore: null,
      violationCount: null,
      durationSeconds: null,
      recordingUrl: null,
      reportUrl: null,
    };
    const view = buildCompareView([
      { ...base, id: "a", candidateName: "Ada", score: 90, passed: true, integrityFlagged: false },
      { ...base, id: "b", candidateName: "Ben", score: 40, passed: false, integrityFlagged: true },
    ]);
    const html = renderToStaticMarkup(createElement(CompareTable, { view, jobKey: "job1" }));
    expect(html).toContain("★ Best score");
    expect(html).toContain("✗ Failed");
    expect(html).toContain("⚑ Flagged");
    expect(html).not.toContain("Remove from comparison");
  });
});
