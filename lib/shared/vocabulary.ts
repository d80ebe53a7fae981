// The internal model's fixed vocabularies. Stored as text (see prisma/schema.prisma), checked here.

export const PROVIDERS = ["smartai", "testlify", "assessment-engine", "video"] as const;
export type ProviderId = (typeof PROVIDERS)[number];

export const PROVIDER_LABELS: Record<ProviderId, string> = {
  smartai: "SmartAI",
  testlify: "Testlify",
  "assessment-engine": "Assessment engine",
  video: "AI video interview",
};

export const ATTEMPT_STATUSES = [
  "invited",
  "enrolled",
  "in_progress",
  "completed",
  "timeout",
  "abandoned",
  "disqualified",
  "expired",
  "rejected",
] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** Statuses after which the candidate has nothing more to do. */
export const FINISHED_STATUSES: ReadonlySet<AttemptStatus> = new Set([
  "completed",
  "timeout",
  "abandoned",
  "disqualified",
  "expired",
  "rejected",
]);

/** Statuses that mean the candidate sat the assessment: what they did must stay visible. */
export const RESULT_STATUSES: ReadonlySet<AttemptStatus> = new Set([
  "completed",
  "timeout",
  "abandoned",
  "disqualified",
  "rejected",
]);

/** pending: no result yet; partial: some scores still missing; final: the provider is done. */
export const RESULT_STATES = ["pending", "partial", "final"] as const;
export type ResultState = (typeof RESULT_STATES)[number];

export const ASSESSMENT_LIFECYCLES = ["draft", "published", "archived", "deleted"] as const;
export type AssessmentLifecycle = (typeof ASSESSMENT_LIFECYCLES)[number];

export const DELIVERY_STATUSES = ["pending", "processed", "failed", "unrecognised"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_SOURCES = ["poll", "webhook", "backfill", "test"] as const;
export type DeliverySource = (typeof DELIVERY_SOURCES)[number];

export const ROLES = ["admin", "recruiter"] as const;
export type Role = (typeof ROLES)[number];

export function isProviderId(value: string): value is ProviderId {
  return (PROVIDERS as readonly string[]).includes(value);
}

/** Providers spell a job differently ("Senior  Engineer", "senior engineer"): one key for both. */
export function jobTitleKey(title: string): string {
  return title.trim().replace(/\s+/g, " ").toLowerCase();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
