// The emulated provider's records, shaped exactly as its API presents them
// (docs/video-provider-api.md), so presenting a record is a copy, not a translation.

export const INVITATION_STATUSES = ["invited", "started", "partially_scored", "completed", "expired"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const WEBHOOK_EVENT_FOR: Record<Exclude<InvitationStatus, "invited">, string> = {
  started: "interview.started",
  partially_scored: "interview.partially_scored",
  completed: "interview.completed",
  expired: "invitation.expired",
};

export interface Question {
  id: string;
  text: string;
  answerTimeSeconds: number;
}

export interface Assessment {
  id: string;
  title: string;
  jobTitle: string | null;
  answerTimeSeconds: number;
  questions: Question[];
  createdAt: string;
  updatedAt: string;
}

export interface AnswerResult {
  questionId: string;
  question: string;
  status: "scored" | "processing" | "failed";
  score: number | null;
  maxScore: number;
  durationSeconds: number | null;
  transcript: string | null;
  recordingUrl: string | null;
}

export interface TraitResult {
  key: string;
  name: string;
  score: number;
  maxScore: number;
  description: string;
}

export interface InterviewResult {
  state: "partial" | "final";
  overallScore: number | null;
  maxScore: number;
  recommendation: "advance" | "consider" | "decline" | null;
  summary: string | null;
  answers: AnswerResult[];
  traits: TraitResult[];
  transcript: string | null;
  recordingUrl: string | null;
  reportUrl: string | null;
}

export interface Invitation {
  id: string;
  assessment: { id: string; title: string; jobTitle: string | null };
  candidate: { id: string; name: string; email: string };
  status: InvitationStatus;
  candidateUrl: string;
  invitedAt: string;
  expiresAt: string;
  startedAt: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  expiredAt: string | null;
  updatedAt: string;
  result: InterviewResult | null;
}

/** A deep copy: what leaves the emulator must not change when the record moves on. */
export function snapshot<T>(record: T): T {
  return structuredClone(record);
}
