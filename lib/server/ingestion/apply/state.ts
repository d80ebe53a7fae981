import "server-only";
// A batch's slice of the model, held in memory while its deliveries are applied one after
// another (simulate.ts), then written back by each table's module in a few set statements.
// Loaded rows are the database's current state: on PostgreSQL the rows the batch may write
// are locked first, on SQLite the batch's transaction is the only writer.
import type { Assessment, Attempt, Candidate, Invitation } from "@generated/prisma-sqlite/client";
import type { DomainEvent, GradingBand } from "../../domain/events";
import type { ProviderId } from "../../../shared/vocabulary";
import type { AttemptUpdate } from "../attempt-history";
import type { FieldChanges } from "../attempt-changes";

/** One delivery to apply: its events, and where it sits in the inbox (for re-reading history). */
export interface BatchDelivery {
  /** Null for events that come from outside the inbox (the video provider's own calls). */
  id: string | null;
  provider: ProviderId;
  receivedAt: Date;
  events: DomainEvent[];
}

export interface Tracked<Row> {
  row: Row;
  isNew: boolean;
  dirty: boolean;
}

export interface JobRow {
  id: string;
  title: string;
  titleKey: string;
  lastActivityAt: Date;
  isNew: boolean;
}

/** Profile values a delivery offers a stored candidate, each with the provider time it carries. */
export interface CandidateFill {
  name?: { value: string; at: Date };
  phone?: { value: string; at: Date };
  country?: { value: string; at: Date };
}

export interface TimelineLine {
  attemptId: string;
  deliveryId: string | null;
  provider: ProviderId;
  outcome: "applied" | "skipped_older" | "duplicate";
  summary: string;
  changes: FieldChanges | null;
  occurredAt: Date;
}

export interface PendingNotification {
  jobId: string;
  attemptId: string;
  candidateName: string | null;
  jobTitle: string | null;
  status: string;
}

export type ResultNoticeKind = "final_result" | "score_changed" | "started";

/** One result event worth hearing of; the readers are found when notifications are read. */
export interface PendingNotice {
  kind: ResultNoticeKind;
  attemptId: string;
  jobId: string | null;
}

/** What a stored delivery says about attempts, re-read for an older delivery's fill-in. */
export interface DeliveryUpdates {
  receivedAt: Date;
  /** Null when the delivery no longer translates. */
  updates: AttemptUpdate[] | null;
}

export interface BatchState {
  now: Date;
  jobs: Map<string, JobRow>;
  /** Keyed by "provider:externalId". */
  assessments: Map<string, Tracked<Assessment>>;
  candidates: Map<string, Tracked<Candidate> & { fill: CandidateFill }>;
  /** "provider:externalId" of identities known to exist. */
  identities: Set<string>;
  newIdentities: { provider: ProviderId; externalId: string; candidateId: string }[];
  /** Keyed by "assessmentId|candidateId". */
  invitations: Map<string, Tracked<Invitation>>;
  /** Keyed by "provider:externalKey". */
  attempts: Map<string, Tracked<Attempt>>;
  /** Delivery ids on each stored attempt's timeline (loaded for attempts that may need history); null: a line without a delivery. */
  storedTimeline: Map<string, string[] | null>;
  /** Updates of every delivery that may be re-read: the batch's own and the stored ones. */
  deliveryUpdates: Map<string, DeliveryUpdates>;
  timeline: TimelineLine[];
  touchedJobs: Set<string>;
  /** Assessments whose job changed: every stored attempt at them follows. */
  attachedAssessments: Set<string>;
  /** Assessments whose bands changed: stored attempts outside the batch are relabelled with these. */
  relabels: Map<string, GradingBand[] | null>;
  notifications: PendingNotification[];
  notices: PendingNotice[];
  /** Assessments a person had linked to a job, now named a job by their provider: the provider wins, the person is told. */
  jobLinkTakeovers: { assessmentId: string; userId: string; assessmentName: string; jobTitle: string }[];
}

export function emptyState(now: Date): BatchState {
  return {
    now,
    jobs: new Map(),
    assessments: new Map(),
    candidates: new Map(),
    identities: new Set(),
    newIdentities: [],
    invitations: new Map(),
    attempts: new Map(),
    storedTimeline: new Map(),
    deliveryUpdates: new Map(),
    timeline: [],
    touchedJobs: new Set(),
    attachedAssessments: new Set(),
    relabels: new Map(),
    notifications: [],
    notices: [],
    jobLinkTakeovers: [],
  };
}

export const keyOf = (provider: string, externalId: string) => `${provider}:${externalId}`;
export const invitationKey = (assessmentId: string, candidateId: string) => `${assessmentId}|${candidateId}`;
