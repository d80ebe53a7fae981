import "server-only";
import { isWithdrawn } from "@/lib/shared/answer-state";
import type { ResultRow } from "@/lib/shared/result-row";
import type { JobResultRecord } from "./job-results";

export function toResultRow(record: JobResultRecord): ResultRow {
  return {
    id: record.id,
    candidateId: record.candidate.id,
    candidateName: record.candidate.name,
    candidateEmail: record.candidate.email,
    assessmentName: record.assessment.name,
    assessmentWithdrawn: isWithdrawn(record.assessment.lifecycle),
    provider: record.provider,
    status: record.status,
    resultState: record.resultState,
    score: record.score,
    maxScore: record.maxScore,
    passMark: record.passMark,
    passed: record.passed,
    proctoringScore: record.proctoringScore,
    violationCount: record.violationCount,
    integrityFlagged: record.integrityFlagged,
    submittedAt: record.submittedAt?.toISOString() ?? null,
    durationSeconds: record.durationSeconds,
  };
}
