import "server-only";
// What provider adapters produce: provider-neutral facts, each stamped with the provider's
// own time. Ingestion applies them to the internal model; nothing downstream of an adapter
// sees a provider's field names.
import type { AssessmentLifecycle, AttemptStatus, ProviderId, ResultState } from "../../shared/vocabulary";

export interface CandidateFacts {
  email: string;
  name?: string | null;
  /** The provider's own id for this person. */
  externalId?: string | null;
  phone?: string | null;
  country?: string | null;
}

export interface AssessmentFacts {
  externalId: string;
  name: string;
  jobTitle?: string | null;
}

export interface GradingBand {
  name: string;
  min: number;
  max: number;
  color?: string | null;
}

export interface SectionScore {
  name: string;
  score: number | null;
  maxScore: number | null;
  percentage: number | null;
  /** The provider's recommended (target) value for this section, when it gives one. */
  recommended?: number | null;
  skill?: string | null;
  /** Where the candidate stands among others who took it (0–100), when the provider ranks. */
  percentile?: number | null;
  /** The evaluator's words about this section. */
  remarks?: string | null;
  /** A named level instead of (or beside) a number: "Advanced", "Meets expectations". */
  label?: string | null;
  /** Time the candidate spent on this section. */
  durationSeconds?: number | null;
  /** When the candidate finished this section (ISO 8601). */
  completedAt?: string | null;
}

export interface ProctoringDetail {
  kind: string;
  label: string;
  value: string;
  /** True when this detail is a violation a recruiter should look at. */
  flagged: boolean;
}

/** Where one answer stands: scored, still being scored, scoring failed, or nothing answered. */
export const ANSWER_STATES = ["scored", "scoring", "scoring_failed", "unanswered"] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

export interface QuestionAnswer {
  id: string;
  question: string;
  answer?: string | null;
  marks?: number | null;
  maxMarks?: number | null;
  correct?: boolean | null;
  recordingUrl?: string | null;
  /** Said by the provider when it knows; otherwise read from the marks and the answer. */
  status?: AnswerState | null;
}

export interface Trait {
  name: string;
  score: number | null;
  maxScore?: number | null;
  description?: string | null;
}

export interface MediaItem {
  label: string;
  url: string;
  /** recording (audio/video), snapshot (a still the proctoring captured), link (a page elsewhere). */
  kind?: "recording" | "snapshot" | "link" | null;
}

/**
 * What a provider says about an attempt beyond the score: kept together (Attempt.details) because
 * no list filters or sorts on it.
 */
export interface AttemptDetails {
  /** The provider's own totals beside the headline score: points achieved of points possible. */
  totals?: { achieved: number | null; possible: number | null; questionCount: number | null } | null;
  /** A reviewer's rating on the provider (as the provider scales it) and their remark. */
  review?: { rating: number | null; remark: string | null } | null;
  /** What the candidate agreed to before starting. */
  consent?: { terms: boolean | null; recording: boolean | null } | null;
  /** When the provider scored the attempt (ISO 8601). */
  scoredAt?: string | null;
  /** When the provider finished scoring (ISO 8601). */
  completedAt?: string | null;
  /** When the invitation lapsed unused (ISO 8601). */
  expiredAt?: string | null;
}

/**
 * Fields of an attempt an event knows about. `undefined` means "this event says nothing
 * about it" and leaves the stored value alone; `null` means "the provider says it is empty".
 */
export interface AttemptFacts {
  status?: AttemptStatus;
  resultState?: ResultState;
  score?: number | null;
  maxScore?: number | null;
  passMark?: number | null;
  passed?: boolean | null;
  gradingBand?: string | null;
  sections?: SectionScore[] | null;
  proctoringScore?: number | null;
  violationCount?: number | null;
  proctoringDetails?: ProctoringDetail[] | null;
  recordingUrl?: string | null;
  media?: MediaItem[] | null;
  reportUrl?: string | null;
  aiFeedback?: string | null;
  questionAnswers?: QuestionAnswer[] | null;
  traits?: Trait[] | null;
  transcript?: string | null;
  details?: AttemptDetails | null;
  invitedAt?: Date | null;
  startedAt?: Date | null;
  submittedAt?: Date | null;
  durationSeconds?: number | null;
}

export interface AssessmentDefinitionFacts extends AssessmentFacts {
  lifecycle?: AssessmentLifecycle;
  gradingBands?: GradingBand[] | null;
  sections?: { id: string; name: string; skills: string[] }[] | null;
  details?: Record<string, unknown> | null;
}

export type DomainEvent =
  | {
      kind: "assessment.defined";
      occurredAt: Date;
      assessment: AssessmentDefinitionFacts;
    }
  | {
      kind: "candidates.invited";
      occurredAt: Date;
      assessment: AssessmentFacts;
      invitations: {
        /** The provider's identity of the attempt this invitation starts. */
        attemptKey: string;
        candidate: CandidateFacts;
        inviteUrl?: string | null;
        /** When the provider says it invited; the event's time when it does not. */
        invitedAt?: Date | null;
        expiresAt?: Date | null;
        providerInvitationId?: string | null;
      }[];
    }
  | {
      kind: "attempt.reported";
      occurredAt: Date;
      attemptKey: string;
      assessment: AssessmentFacts;
      candidate: CandidateFacts;
      facts: AttemptFacts;
    };

/** What an adapter answers for one delivery. */
export type Translation =
  | { recognised: true; eventType: string; events: DomainEvent[]; candidateEmail?: string | null }
  | { recognised: false; eventType: string | null; reason: string };

/** A delivery whose event is known but whose content cannot be used: marked failed, replayable. */
export class TranslationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TranslationError";
  }
}

export interface ProviderAdapter {
  provider: ProviderId;
  /**
   * Translates one raw delivery. Throws TranslationError for a known event with unusable content.
   * `receivedAt` is when the delivery reached the inbox: the only time there is for events whose
   * payload carries none (it is stored, so a replay translates the same way).
   */
  translate(delivery: { body: unknown; eventType: string | null; receivedAt?: Date }): Translation;
}
