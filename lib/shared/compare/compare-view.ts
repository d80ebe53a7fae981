// Two to four results side by side: every score on one scale (percent of its maximum), and
// what differs marked in words (best score, failed, flagged, fastest), so the page never
// relies on colour to say it. Pure: the page and its unit tests build it the same way.
import "../zod-in-browser";
import { z } from "zod";
import { safeHttpUrl } from "../safe-url";

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

/** `?ids=a,b,c`: two to four distinct result ids, in the order chosen. */
export const compareIdsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((raw) => [
    ...new Set(
      (Array.isArray(raw) ? raw : [raw])
        .flatMap((part) => part.split(","))
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(
        z
          .string()
          .max(64)
          .regex(/^[A-Za-z0-9_-]+$/, "not a result id"),
      )
      .min(COMPARE_MIN, `choose at least ${COMPARE_MIN} results to compare`)
      .max(COMPARE_MAX, `compare at most ${COMPARE_MAX} results at once`),
  );

export function compareHref(jobKey: string, ids: readonly string[]): string {
  return `/jobs/${encodeURIComponent(jobKey)}/compare?ids=${ids.map(encodeURIComponent).join(",")}`;
}

export interface CompareInput {
  id: string;
  candidateId: string;
  candidateName: string;
  assessmentName: string;
  provider: string;
  status: string;
  score: number | null;
  maxScore: number | null;
  passed: boolean | null;
  gradingBand: string | null;
  sections: { name: string; score: number | null; maxScore: number | null; percentage: number | null }[];
  proctoringScore: number | null;
  violationCount: number | null;
  integrityFlagged: boolean;
  durationSeconds: number | null;
  recordingUrl: string | null;
  reportUrl: string | null;
}

export type Highlight = "best score" | "failed" | "flagged" | "fastest";

export interface CompareColumn {
  id: string;
  candidateId: string;
  candidateName: string;
  assessmentName: string;
  provider: string;
  status: string;
  overallPercent: number | null;
  verdict: "passed" | "failed" | null;
  gradingBand: string | null;
  proctoringScore: number | null;
  violationCount: number | null;
  integrityFlagged: boolean;
  durationSeconds: number | null;
  recordingUrl: string | null;
  reportUrl: string | null;
  highlights: Highlight[];
}

export interface SectionRow {
  name: string;
  /** Percent per column, in column order; null where that result has no such section score. */
  percents: (number | null)[];
  /** Columns holding the row's highest value, when at least two results have one. */
  best: number[];
}

export interface CompareView {
  columns: CompareColumn[];
  sections: SectionRow[];
  /** True when the results come from different assessments: percentages compare standing only. */
  mixedAssessments: boolean;
}

function percent(score: number | null, maxScore: number | null): number | null {
  if (score === null || maxScore === null || maxScore <= 0) return null;
  return (score / maxScore) * 100;
}

function sectionPercent(section: CompareInput["sections"][number]): number | null {
  return section.percentage ?? percent(section.score, section.maxScore);
}

/**
 * Indexes of the highest (or lowest) values, when at least two values are present and they
 * differ: a "best" that every result shares tells the reader nothing.
 */
function best(values: (number | null)[], pick: "highest" | "lowest" = "highest"): number[] {
  const present = values.filter((value): value is number => value !== null);
  if (present.length < 2) return [];
  const target = pick === "highest" ? Math.max(...present) : Math.min(...present);
  // Within a hundredth of a point counts as the same: providers round differently.
  const same = (value: number) => Math.abs(value - target) < 0.01;
  if (present.every(same)) return [];
  return values.flatMap((value, index) => (value !== null && same(value) ? [index] : []));
}

export function buildCompareView(inputs: readonly CompareInput[]): CompareView {
  const overall = inputs.map((input) => percent(input.score, input.maxScore));
  const bestOverall = new Set(best(overall));
  const fastest = new Set(
    best(
      inputs.map((input) => input.durationSeconds),
      "lowest",
    ),
  );

  const columns = inputs.map((input, index): CompareColumn => {
    const highlights: Highlight[] = [];
    if (bestOverall.has(index)) highlights.push("best score");
    if (input.passed === false) highlights.push("failed");
    if (input.integrityFlagged) highlights.push("flagged");
    if (fastest.has(index)) highlights.push("fastest");
    return {
      id: input.id,
      candidateId: input.candidateId,
      candidateName: input.candidateName,
      assessmentName: input.assessmentName,
      provider: input.provider,
      status: input.status,
      overallPercent: overall[index] ?? null,
      verdict: input.passed === null ? null : input.passed ? "passed" : "failed",
      gradingBand: input.gradingBand,
      proctoringScore: input.proctoringScore,
      violationCount: input.violationCount,
      integrityFlagged: input.integrityFlagged,
      durationSeconds: input.durationSeconds,
      recordingUrl: safeHttpUrl(input.recordingUrl),
      reportUrl: safeHttpUrl(input.reportUrl),
      highlights,
    };
  });

  const names: string[] = [];
  for (const input of inputs)
    for (const section of input.sections) if (!names.includes(section.name)) names.push(section.name);
  const sections = names.map((name) => {
    const percents = inputs.map((input) => {
      const section = input.sections.find((candidate) => candidate.name === name);
      return section ? sectionPercent(section) : null;
    });
    return { name, percents, best: best(percents) };
  });

  return {
    columns,
    sections,
    mixedAssessments: new Set(inputs.map((input) => input.assessmentName)).size > 1,
  };
}
