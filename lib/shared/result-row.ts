// The plain, serialisable row the job results table receives from the server.
export interface ResultRow {
  id: string;
  candidateId: string;
  candidateName: string;
  candidateEmail: string;
  assessmentName: string;
  /** The provider archived or deleted the assessment; the result is kept. */
  assessmentWithdrawn: boolean;
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
