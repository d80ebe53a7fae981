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
}

export interface ProctoringDetail {
  kind: string;
  label: string;
  value: string;
  /** True when this detail is a violation a recruiter should look at. */
  flagged: boolean;
}

export interface QuestionAnswer {
  id: string;
  question: string;
  answer?: string | null;
  marks?: number | null;
  maxMarks?: number | null;
  correct?: boolean | null;
  recordingUrl?: string | null;
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
