import "server-only";
// The ordering rules, applied to a batch's rows in memory, one delivery after another: the
// same decisions one-by-one application makes, so a batch ends exactly where applying its
// deliveries singly in the same order would.
//   newest so far → applied (or "duplicate" when it changes nothing);
//   older than the state shown → skipped_older: the attempt does not move back, but fields
//   only that older delivery knows are filled in (attempt-history.ts);
//   an invitation sent again after a result does not hide it (keepResultOverReinvitation).
import type { Attempt } from "@generated/prisma-sqlite/client";
import type {
  AssessmentDefinitionFacts,
  AssessmentFacts,
  AttemptFacts,
  CandidateFacts,
  GradingBand,
} from "../../domain/events";
import {
  RESULT_STATUSES,
  jobTitleKey,
  normaliseEmail,
  type AttemptStatus,
  type ProviderId,
} from "../../../shared/vocabulary";
import {
  diffAttempt,
  isIntegrityFlagged,
  keepResultOverReinvitation,
  summariseChanges,
  type FieldChanges,
} from "../attempt-changes";
import { attemptUpdatesOf, foldFacts, type AttemptUpdate } from "../attempt-history";
import { bandFor, parseBands } from "../grading-band";
import { newRowId } from "./sql";
import {
  invitationKey,
  keyOf,
  type BatchDelivery,
  type BatchState,
  type JobRow,
  type ResultNoticeKind,
  type Tracked,
} from "./state";

type AssessmentRow = BatchState["assessments"] extends Map<string, infer T> ? T : never;

export type AttemptOutcome = "changed" | "skipped" | "unchanged";

export interface ApplyOutcome {
  attemptsChanged: number;
  attemptsSkipped: number;
}

interface Context {
  state: BatchState;
  delivery: BatchDelivery;
  /** Profile fields the current event moved, shown on the attempt's timeline line it leaves. */
  profileChanges?: FieldChanges;
}

export function simulateDelivery(state: BatchState, delivery: BatchDelivery): ApplyOutcome {
  const context: Context = { state, delivery };
  const outcome: ApplyOutcome = { attemptsChanged: 0, attemptsSkipped: 0 };
  const count = (applied: AttemptOutcome) => {
    if (applied === "changed") outcome.attemptsChanged += 1;
    if (applied === "skipped") outcome.attemptsSkipped += 1;
  };
  for (const event of delivery.events) {
    switch (event.kind) {
      case "assessment.defined":
        defineAssessment(context, event.assessment, event.occurredAt);
        break;
      case "candidates.invited": {
        const assessment = ensureAssessment(context, event.assessment, event.occurredAt);
        const updates = attemptUpdatesOf(event);
        for (const [index, invitation] of event.invitations.entries()) {
          const candidate = ensureCandidate(context, invitation.candidate, event.occurredAt);
          upsertInvitation(context, assessment.row.id, candidate.id, {
            inviteUrl: invitation.inviteUrl,
            invitedAt: invitation.invitedAt ?? event.occurredAt,
            expiresAt: invitation.expiresAt,
            providerInvitationId: invitation.providerInvitationId,
          });
          const update = updates[index]!;
          count(applyAttempt(context, assessment, candidate.id, update));
        }
        break;
      }
      case "attempt.reported": {
        const assessment = ensureAssessment(context, event.assessment, event.occurredAt);
        const candidate = ensureCandidate(context, event.candidate, event.occurredAt);
        count(
          applyAttempt(context, assessment, candidate.id, {
            attemptKey: event.attemptKey,
            occurredAt: event.occurredAt,
            facts: event.facts,
          }),
        );
        break;
      }
    }
  }
  return outcome;
}

// ── jobs, assessments, candidates, invitations ──────────────────────────────────────────

function ensureJob({ state }: Context, title: string | null | undefined, at: Date): JobRow | null {
  if (!title?.trim()) return null;
  const titleKey = jobTitleKey(title);
  let job = state.jobs.get(titleKey);
  if (!job) {
    job = { id: newRowId("j"), title: title.trim().replace(/\s+/g, " "), titleKey, lastActivityAt: at, isNew: true };
    state.jobs.set(titleKey, job);
  }
  return job;
}

function ensureAssessment(context: Context, facts: AssessmentFacts, at: Date): AssessmentRow {
  const { state, delivery } = context;
  const key = keyOf(delivery.provider, facts.externalId);
  const existing = state.assessments.get(key);
  if (existing) {
    // A job the provider named stays (the first one named wins); one a person linked gives way.
    if (!facts.jobTitle || (existing.row.jobId && !existing.row.jobLinkedById)) return existing;
    const job = ensureJob(context, facts.jobTitle, at);
    if (!job) return existing;
    if (existing.row.jobLinkedById) {
      state.jobLinkTakeovers.push({
        assessmentId: existing.row.id,
        userId: existing.row.jobLinkedById,
        assessmentName: existing.row.name,
        jobTitle: job.title,
      });
      existing.row.jobLinkedById = null;
      existing.row.jobLinkedAt = null;
    }
    attachJob(context, existing, job.id);
    return existing;
  }
  const job = ensureJob(context, facts.jobTitle, at);
  const created: AssessmentRow = {
    row: {
      id: newRowId("a"),
      provider: delivery.provider,
      externalId: facts.externalId,
      name: facts.name,
      jobId: job?.id ?? null,
      jobLinkedById: null,
      jobLinkedAt: null,
      lifecycle: "published",
      gradingBands: null,
      sections: null,
      details: null,
      providerUpdatedAt: null,
      createdAt: state.now,
      updatedAt: state.now,
    },
    isNew: true,
    dirty: true,
  };
  state.assessments.set(key, created);
  return created;
}

/** The assessment and every attempt at it belong to the job, whichever delivery named it first. */
function attachJob({ state }: Context, assessment: AssessmentRow, jobId: string) {
  if (assessment.row.jobId !== jobId) {
    assessment.row.jobId = jobId;
    assessment.dirty = true;
  }
  for (const attempt of state.attempts.values()) {
    if (attempt.row.assessmentId === assessment.row.id && attempt.row.jobId !== jobId) {
      attempt.row.jobId = jobId;
      attempt.dirty = true;
    }
  }
  if (!assessment.isNew) state.attachedAssessments.add(assessment.row.id);
}

/** A definition field left undefined says nothing: the stored value stays (a payload without bands keeps them). */
function defineAssessment(context: Context, facts: AssessmentDefinitionFacts, occurredAt: Date) {
  const assessment = ensureAssessment(context, facts, occurredAt);
  const before = { jobId: assessment.row.jobId, gradingBands: assessment.row.gradingBands };
  const job = ensureJob(context, facts.jobTitle, occurredAt);
  // The same ordering rule as attempts: an older definition never overwrites a newer one.
  const shown = assessment.row.providerUpdatedAt;
  if (shown && shown > occurredAt) return;
  const row = assessment.row;
  row.name = facts.name;
  row.jobId = job?.id ?? before.jobId;
  if (facts.lifecycle !== undefined) row.lifecycle = facts.lifecycle;
  if (facts.gradingBands !== undefined) row.gradingBands = facts.gradingBands as never;
  if (facts.sections !== undefined) row.sections = facts.sections as never;
  if (facts.details !== undefined) row.details = facts.details as never;
  row.providerUpdatedAt = occurredAt;
  row.updatedAt = context.state.now;
  assessment.dirty = true;
  if (job && job.id !== before.jobId) attachJob(context, assessment, job.id);
  if (facts.gradingBands !== undefined && JSON.stringify(facts.gradingBands) !== JSON.stringify(before.gradingBands)) {
    relabel(context, assessment, facts.gradingBands);
  }
}

/** After an assessment's bands change: its scored attempts take the band their score falls in. */
function relabel({ state }: Context, assessment: AssessmentRow, bands: GradingBand[] | null) {
  for (const attempt of state.attempts.values()) {
    const row = attempt.row;
    if (row.assessmentId !== assessment.row.id || row.score === null) continue;
    const band = bandFor(bands, row.score, row.maxScore);
    if (band !== row.gradingBand) {
      row.gradingBand = band;
      attempt.dirty = true;
    }
  }
  if (!assessment.isNew) state.relabels.set(assessment.row.id, bands);
}

const PROFILE_FIELDS = [
  ["name", "nameUpdatedAt"],
  ["phone", "phoneUpdatedAt"],
  ["country", "countryUpdatedAt"],
] as const;

/**
 * Profile fields follow the newest provider time, each by the time of the delivery that carried
 * it (across providers): a later delivery spelling the name differently wins, an older one never
 * brings a stale value back. A field without a time (an email standing in for a name, rows from
 * before times were kept) takes any value.
 */
function ensureCandidate(context: Context, facts: CandidateFacts, at: Date) {
  const { state, delivery } = context;
  const email = normaliseEmail(facts.email);
  const offered = {
    name: facts.name?.trim() || null,
    phone: facts.phone?.trim() || null,
    country: facts.country?.trim() || null,
  };
  let candidate = state.candidates.get(email);
  context.profileChanges = undefined;
  if (!candidate) {
    candidate = {
      row: {
        id: newRowId("c"),
        email,
        name: offered.name ?? email,
        phone: offered.phone,
        country: offered.country,
        nameUpdatedAt: offered.name ? at : null,
        phoneUpdatedAt: offered.phone ? at : null,
        countryUpdatedAt: offered.country ? at : null,
        createdAt: state.now,
        updatedAt: state.now,
      },
      isNew: true,
      dirty: true,
      fill: {},
    };
    state.candidates.set(email, candidate);
  } else {
    const row = candidate.row;
    for (const [field, timeField] of PROFILE_FIELDS) {
      const value = offered[field];
      const heldAt = row[timeField];
      if (!value || (heldAt && heldAt > at)) continue;
      if (row[field] !== value) {
        context.profileChanges = { ...(context.profileChanges ?? {}), [field]: { from: row[field], to: value } };
        row[field] = value;
      }
      // The time moves even for the same value, so a delivery from between the two cannot win later.
      row[timeField] = at;
      candidate.fill[field] = { value, at };
      candidate.dirty = true;
    }
  }
  if (facts.externalId) {
    const identity = keyOf(delivery.provider, facts.externalId);
    if (!state.identities.has(identity)) {
      state.identities.add(identity);
      state.newIdentities.push({
        provider: delivery.provider,
        externalId: facts.externalId,
        candidateId: candidate.row.id,
      });
    }
  }
  return candidate.row;
}

function upsertInvitation(
  { state, delivery }: Context,
  assessmentId: string,
  candidateId: string,
  invitation: {
    inviteUrl?: string | null;
    invitedAt: Date;
    expiresAt?: Date | null;
    providerInvitationId?: string | null;
  },
) {
  const key = invitationKey(assessmentId, candidateId);
  const existing = state.invitations.get(key);
  if (!existing) {
    state.invitations.set(key, {
      row: {
        id: newRowId("i"),
        provider: delivery.provider,
        assessmentId,
        candidateId,
        providerInvitationId: invitation.providerInvitationId ?? null,
        inviteUrl: invitation.inviteUrl ?? null,
        status: "sent",
        invitedAt: invitation.invitedAt,
        expiresAt: invitation.expiresAt ?? null,
        createdAt: state.now,
        updatedAt: state.now,
      },
      isNew: true,
      dirty: true,
    });
    return;
  }
  const row = existing.row;
  if (invitation.inviteUrl != null) row.inviteUrl = invitation.inviteUrl;
  if (invitation.expiresAt != null) row.expiresAt = invitation.expiresAt;
  if (invitation.providerInvitationId != null) row.providerInvitationId = invitation.providerInvitationId;
  row.updatedAt = state.now;
  existing.dirty = true;
}

// ── attempts ─────────────────────────────────────────────────────────────────────────────

interface AttemptInput {
  assessment: AssessmentRow;
  bands: GradingBand[] | null;
  candidateId: string;
  update: AttemptUpdate;
}

function applyAttempt(context: Context, assessment: AssessmentRow, candidateId: string, update: AttemptUpdate) {
  const input: AttemptInput = {
    assessment,
    bands: parseBands(assessment.row.gradingBands),
    candidateId,
    update,
  };
  const stored = context.state.attempts.get(keyOf(context.delivery.provider, update.attemptKey));
  if (!stored) return create(context, input);
  const shown = stored.row.providerUpdatedAt;
  if (shown && update.occurredAt < shown) return applyOlder(context, input, stored);
  return applyNewest(context, input, stored);
}

function create(context: Context, input: AttemptInput): AttemptOutcome {
  const { state, delivery } = context;
  const facts = withBand(input.update.facts, input.bands, null);
  const row: Attempt = {
    ...emptyAttempt(),
    ...attemptData(facts),
    integrityFlagged: isIntegrityFlagged(facts),
    id: newRowId("t"),
    provider: delivery.provider,
    externalKey: input.update.attemptKey,
    assessmentId: input.assessment.row.id,
    candidateId: input.candidateId,
    jobId: input.assessment.row.jobId,
    status: facts.status ?? "invited",
    providerUpdatedAt: input.update.occurredAt,
    lastDeliveryId: delivery.id,
    createdAt: state.now,
    updatedAt: state.now,
  };
  state.attempts.set(keyOf(delivery.provider, input.update.attemptKey), { row, isNew: true, dirty: true });
  const changes = diffAttempt(null, facts);
  record(context, row.id, "applied", changes, input.update.occurredAt, summariseChanges(changes));
  afterChange(context, input, row, null, facts.status);
  return "changed";
}

function applyNewest(context: Context, input: AttemptInput, stored: Tracked<Attempt>): AttemptOutcome {
  const row = stored.row;
  const facts = withBand(keepResultOverReinvitation(row.status, input.update.facts), input.bands, row.maxScore);
  const changes = diffAttempt(row, facts);
  const unchanged = Object.keys(changes).length === 0;
  const sameTime = row.providerUpdatedAt?.getTime() === input.update.occurredAt.getTime();
  const previousStatus = row.status;
  const before = snapshot(row);
  if (!(unchanged && sameTime)) {
    // A newer delivery that changes nothing still moves the provider time forward: otherwise
    // a delivery from between the two would later be taken for the newest.
    if (!unchanged) Object.assign(row, attemptData(facts), { integrityFlagged: integrityAfter(row, facts) });
    row.jobId = input.assessment.row.jobId ?? row.jobId;
    row.providerUpdatedAt = input.update.occurredAt;
    row.lastDeliveryId = context.delivery.id;
    row.updatedAt = context.state.now;
    stored.dirty = true;
  }
  if (unchanged) {
    record(context, row.id, "duplicate", null, input.update.occurredAt, "no change");
    return "unchanged";
  }
  record(context, row.id, "applied", changes, input.update.occurredAt, summariseChanges(changes));
  afterChange(context, input, row, previousStatus, facts.status, before);
  return "changed";
}

function applyOlder(context: Context, input: AttemptInput, stored: Tracked<Attempt>): AttemptOutcome {
  const row = stored.row;
  const shown = row.providerUpdatedAt!;
  const history = context.delivery.id ? attemptHistory(context, row.id, input.update) : null;
  const target = history ? withBand(foldFacts(history), input.bands, null) : null;
  const changes: FieldChanges = target ? diffAttempt(row, target) : {};
  const filled = Object.keys(changes) as (keyof AttemptFacts)[];
  const previousStatus = row.status;
  const before = snapshot(row);
  if (target && filled.length > 0) {
    const fill = Object.fromEntries(filled.map((field) => [field, target[field]])) as AttemptFacts;
    Object.assign(row, attemptData(fill), { integrityFlagged: integrityAfter(row, fill) });
    row.updatedAt = context.state.now;
    stored.dirty = true;
  }
  const older = `older than the state shown (${shown.toISOString()})`;
  record(
    context,
    row.id,
    "skipped_older",
    filled.length > 0 ? changes : null,
    input.update.occurredAt,
    filled.length > 0 ? `${older}; filled in what only it knew: ${summariseChanges(changes)}` : `${older}; not applied`,
  );
  if (filled.includes("status")) afterChange(context, input, row, previousStatus, target?.status, before);
  return "skipped";
}

/**
 * Every update for this attempt, from each delivery on its timeline (stored, or earlier in this
 * batch) and the one being applied now, oldest first (ties: the order they reached the inbox).
 * Null when the history cannot be re-read: a change came from outside the inbox, or a stored
 * delivery no longer translates.
 */
function attemptHistory(
  { state, delivery }: Context,
  attemptId: string,
  current: AttemptUpdate,
): AttemptUpdate[] | null {
  const currentId = delivery.id!;
  const stored = state.storedTimeline.get(attemptId);
  if (stored === null) return null;
  const ids = new Set(stored ?? []);
  for (const line of state.timeline) {
    if (line.attemptId !== attemptId) continue;
    if (line.deliveryId === null) return null;
    ids.add(line.deliveryId);
  }
  ids.delete(currentId);
  const ordered: (AttemptUpdate & { receivedAt: Date; deliveryId: string })[] = [
    { ...current, receivedAt: delivery.receivedAt, deliveryId: currentId },
  ];
  for (const id of ids) {
    const known = state.deliveryUpdates.get(id);
    if (!known) continue; // a timeline line whose delivery was deleted: nothing to re-read
    if (!known.updates) return null;
    for (const update of known.updates) {
      if (update.attemptKey === current.attemptKey)
        ordered.push({ ...update, receivedAt: known.receivedAt, deliveryId: id });
    }
  }
  return ordered.sort(
    (a, b) =>
      a.occurredAt.getTime() - b.occurredAt.getTime() ||
      a.receivedAt.getTime() - b.receivedAt.getTime() ||
      a.deliveryId.localeCompare(b.deliveryId),
  );
}

/** The assessment's grading band for a score the event sets, unless the provider labelled it. */
function withBand(facts: AttemptFacts, bands: GradingBand[] | null, storedMaxScore: number | null): AttemptFacts {
  if (!bands || facts.score === undefined || facts.gradingBand !== undefined) return facts;
  const maxScore = facts.maxScore !== undefined ? facts.maxScore : storedMaxScore;
  return { ...facts, gradingBand: bandFor(bands, facts.score, maxScore) };
}

function integrityAfter(stored: Attempt, facts: AttemptFacts): boolean {
  return isIntegrityFlagged({
    proctoringScore: facts.proctoringScore !== undefined ? facts.proctoringScore : stored.proctoringScore,
    violationCount: facts.violationCount !== undefined ? facts.violationCount : stored.violationCount,
  });
}

/** The facts an event sets, as attempt columns (undefined: left alone). */
function attemptData(facts: AttemptFacts): Partial<Attempt> {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as Partial<Attempt>;
}

function emptyAttempt(): Omit<Attempt, "id" | "provider" | "externalKey" | "assessmentId" | "candidateId" | "status"> {
  return {
    jobId: null,
    resultState: "pending",
    score: null,
    maxScore: null,
    passMark: null,
    passed: null,
    gradingBand: null,
    sections: null,
    proctoringScore: null,
    violationCount: null,
    proctoringDetails: null,
    integrityFlagged: false,
    recordingUrl: null,
    media: null,
    reportUrl: null,
    aiFeedback: null,
    questionAnswers: null,
    traits: null,
    transcript: null,
    details: null,
    invitedAt: null,
    startedAt: null,
    submittedAt: null,
    durationSeconds: null,
    providerUpdatedAt: null,
    lastDeliveryId: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

function record(
  context: Context,
  attemptId: string,
  outcome: "applied" | "skipped_older" | "duplicate",
  changes: FieldChanges | null,
  occurredAt: Date,
  summary: string,
) {
  const { state, delivery } = context;
  // The candidate's earlier name, phone or country stays readable on the line that replaced it.
  const profile = context.profileChanges;
  context.profileChanges = undefined;
  const profileEntries = Object.entries(profile ?? {}).map(([field, change]) => [`candidate.${field}`, change]);
  const profileSummary = Object.entries(profile ?? {})
    .map(([field, change]) => `${field} ${String(change.from)} → ${String(change.to)}`)
    .join(", ");
  state.timeline.push({
    attemptId,
    deliveryId: delivery.id,
    provider: delivery.provider,
    outcome,
    summary: profileSummary ? `${summary}; candidate ${profileSummary}` : summary,
    changes: profileEntries.length > 0 ? { ...changes, ...Object.fromEntries(profileEntries) } : changes,
    occurredAt,
  });
}

type Snapshot = Pick<Attempt, "status" | "resultState" | "score">;

function snapshot(row: Attempt): Snapshot {
  return { status: row.status, resultState: row.resultState, score: row.score };
}

function isFinalResult(row: Snapshot): boolean {
  return row.resultState === "final" && RESULT_STATUSES.has(row.status as AttemptStatus);
}

/**
 * What a recruiter may want to hear of, as the provider says it: a candidate started; a result is
 * final (not a partial one: the notice waits for the last part); a final score changed afterwards.
 */
function noticeKind(before: Snapshot | null, after: Attempt): ResultNoticeKind | null {
  if (isFinalResult(after) && (!before || !isFinalResult(before))) return "final_result";
  if (before && isFinalResult(before) && isFinalResult(after) && before.score !== after.score) return "score_changed";
  if (after.status === "in_progress" && before?.status !== "in_progress" && !isFinalResult(after)) return "started";
  return null;
}

function afterChange(
  { state }: Context,
  input: AttemptInput,
  attempt: Attempt,
  previousStatus: string | null,
  status: AttemptFacts["status"],
  before: Snapshot | null = null,
) {
  const statusChanged = status !== undefined && previousStatus !== status;
  if (statusChanged) {
    const invitation = state.invitations.get(invitationKey(input.assessment.row.id, input.candidateId));
    if (invitation) {
      invitation.row.status = invitationStatusFor(status);
      invitation.row.updatedAt = state.now;
      invitation.dirty = true;
    }
  }
  // One notice per event, whoever will read it: who hears of it is decided when read.
  const kind = noticeKind(before, attempt);
  if (kind) state.notices.push({ kind, attemptId: attempt.id, jobId: input.assessment.row.jobId });
  const jobId = input.assessment.row.jobId;
  if (jobId) state.touchedJobs.add(jobId);
}

/** The invitation's own lifecycle, as the attempt it started moves. */
function invitationStatusFor(status: AttemptStatus): string {
  if (status === "invited") return "sent";
  if (status === "enrolled" || status === "in_progress") return "started";
  if (status === "expired") return "expired";
  return "completed";
}

export type { ProviderId };
