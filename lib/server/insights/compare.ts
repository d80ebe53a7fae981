import "server-only";
// The results a compare link names, read within their job: an id from another job (or one
// since erased) is reported missing rather than shown under this job's title.
import type { Db } from "../db";
import { readSections } from "../results/result-details";
import type { CompareInput } from "../../shared/compare/compare-view";
import type { InsightScope } from "./tally-cells";

export async function loadComparison(
  db: Db,
  jobId: InsightScope,
  ids: readonly string[],
): Promise<{ results: CompareInput[]; missing: number }> {
  const rows = await db.attempt.findMany({
    where: { id: { in: [...ids] }, jobId },
    select: {
      id: true,
      provider: true,
      status: true,
      score: true,
      maxScore: true,
      passed: true,
      gradingBand: true,
      sections: true,
      proctoringScore: true,
      violationCount: true,
      integrityFlagged: true,
      durationSeconds: true,
      recordingUrl: true,
      reportUrl: true,
      candidate: { select: { id: true, name: true } },
      assessment: { select: { name: true } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results = ids.flatMap((id): CompareInput[] => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        candidateId: row.candidate.id,
        candidateName: row.candidate.name,
        assessmentName: row.assessment.name,
        provider: row.provider,
        status: row.status,
        score: row.score,
        maxScore: row.maxScore,
        passed: row.passed,
        gradingBand: row.gradingBand,
        sections: readSections(row.sections).map((section) => ({
          name: section.name,
          score: section.score,
          maxScore: section.maxScore,
          percentage: section.percentage,
        })),
        proctoringScore: row.proctoringScore,
        violationCount: row.violationCount,
        integrityFlagged: row.integrityFlagged,
        durationSeconds: row.durationSeconds,
        recordingUrl: row.recordingUrl,
        reportUrl: row.reportUrl,
      },
    ];
  });
  return { results, missing: ids.length - results.length };
}
