import "server-only";
// What one transaction has already looked up or written: the job, assessment and candidate
// rows every delivery in a batch needs again. It lives inside one transaction attempt and is
// dropped with it, so a rolled-back insert is never remembered.

export interface MemoAssessment {
  id: string;
  jobId: string | null;
  gradingBands: unknown;
}

export interface MemoCandidate {
  id: string;
  name: string;
  phone: string | null;
  country: string | null;
}

export interface ApplyMemo {
  jobs: Map<string, { id: string }>;
  /** Keyed by "provider:externalId"; holding an entry also means this transaction holds the row's lock. */
  assessments: Map<string, MemoAssessment>;
  candidates: Map<string, MemoCandidate>;
  identities: Set<string>;
  /** Jobs whose last-activity stamp this transaction already moved. */
  touchedJobs: Set<string>;
}

export function createApplyMemo(): ApplyMemo {
  return {
    jobs: new Map(),
    assessments: new Map(),
    candidates: new Map(),
    identities: new Set(),
    touchedJobs: new Set(),
  };
}
