import "server-only";
// The plain, serialisable row the job results table receives from the server.
import type { JobResultRecord } from "./job-results";

export interface ResultRow {
  id: string;
  candidateId: string;
  candidateName: string;
  candidateEmail: string;
  assessmentName: string;
  provider: string;
  status: string;
  resultState: string;
  score: number | null;
  maxScore: number | null;
  passMark: number | null;
  passed: boolean | null;
  proctoringScore: number | null;
  violationCount: number | null;
  integrityFlagged: boolean;
  submittedAt: string | null;
  durationSeconds: number | null;
}

export function toResultRow(record: JobResultRecord): ResultRow {
  return {
    id: record.id,
    candidateId: record.candidate.id,
    candidateName: record.candidate.name,
    candidateEmail: record.candidate.email,
    assessmentName: record.assessment.name,
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
