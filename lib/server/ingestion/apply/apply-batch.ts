import "server-only";
// A batch of deliveries becomes model changes in a fixed number of statements, whatever its
// size: every row it needs is read by IN (locked on PostgreSQL), the deliveries are applied
// one after another to those rows in memory (simulate.ts, the ordering rules), and each
// table's changes are written back in one or two set statements (tables/*).
import type { Assessment } from "@generated/prisma-sqlite/client";
import type { AssessmentFacts } from "../../domain/events";
import { jobTitleKey, normaliseEmail, type ProviderId } from "../../../shared/vocabulary";
import { attemptUpdatesOf, rereadUpdates } from "../attempt-history";
import { simulateDelivery, type ApplyOutcome } from "./simulate";
import type { SqlRunner } from "./runner";
import { emptyState, invitationKey, keyOf, type BatchDelivery, type BatchState } from "./state";
import { loadAssessments, writeAssessments } from "./tables/assessments";
import { insertTimeline, loadTimelines } from "./tables/attempt-changes";
import { followAssessmentJobs, loadAttempts, relabelStoredAttempts, writeAttempts } from "./tables/attempts";
import { loadCandidates, loadIdentities, writeCandidates } from "./tables/candidates";
import { loadBodies } from "./tables/deliveries";
import { loadInvitations, writeInvitations } from "./tables/invitations";
import { releaseJobLinks } from "./tables/job-links";
import { loadJobs, writeJobs } from "./tables/jobs";
import { writeResultNotices } from "./tables/result-notices";

export type { BatchDelivery } from "./state";
export type { ApplyOutcome } from "./simulate";

/** Applies the deliveries, in the order given, inside the caller's transaction. */
export async function applyBatch(
  run: SqlRunner,
  deliveries: BatchDelivery[],
  now = new Date(),
): Promise<ApplyOutcome[]> {
  const state = emptyState(now);
  const wanted = wantedKeys(deliveries);

  for (const job of await loadJobs(run, [...wanted.titleKeys])) state.jobs.set(job.titleKey, job);
  const willWrite = (row: Assessment) =>
    wanted.defined.has(keyOf(row.provider, row.externalId)) ||
    ((!row.jobId || row.jobLinkedById !== null) && wanted.titled.has(keyOf(row.provider, row.externalId)));
  for (const row of await loadAssessments(run, wanted.assessments, willWrite)) {
    state.assessments.set(keyOf(row.provider, row.externalId), { row, isNew: false, dirty: false });
  }
  for (const row of await loadCandidates(run, [...wanted.emails])) {
    state.candidates.set(row.email, { row, isNew: false, dirty: false, fill: {} });
  }
  for (const key of await loadIdentities(run, wanted.identities)) state.identities.add(key);
  for (const row of await loadAttempts(run, wanted.attempts)) {
    state.attempts.set(keyOf(row.provider, row.externalKey), { row, isNew: false, dirty: false });
  }
  const invitations = await loadInvitations(
    run,
    [...state.assessments.values()].map(({ row }) => row.id),
    [...state.candidates.values()].map(({ row }) => row.id),
  );
  for (const row of invitations) {
    state.invitations.set(invitationKey(row.assessmentId, row.candidateId), { row, isNew: false, dirty: false });
  }
  await loadHistory(run, state, deliveries);

  const outcomes = deliveries.map((delivery) => simulateDelivery(state, delivery));

  await writeJobs(run, state);
  await writeAssessments(run, state);
  await releaseJobLinks(run, state);
  await writeCandidates(run, state);
  await writeInvitations(run, state);
  await writeAttempts(run, state);
  await followAssessmentJobs(run, state);
  await relabelStoredAttempts(run, state);
  await insertTimeline(run, state);
  await writeResultNotices(run, state);
  return outcomes;
}

interface WantedKeys {
  titleKeys: Set<string>;
  /** provider → external ids */
  assessments: Map<string, Set<string>>;
  /** "provider:externalId" of assessments a definition in the batch names. */
  defined: Set<string>;
  /** "provider:externalId" of assessments some event names a job for. */
  titled: Set<string>;
  emails: Set<string>;
  identities: Map<string, Set<string>>;
  attempts: Map<string, Set<string>>;
}

function wantedKeys(deliveries: BatchDelivery[]): WantedKeys {
  const wanted: WantedKeys = {
    titleKeys: new Set(),
    assessments: new Map(),
    defined: new Set(),
    titled: new Set(),
    emails: new Set(),
    identities: new Map(),
    attempts: new Map(),
  };
  const add = (map: Map<string, Set<string>>, provider: string, key: string) => {
    const known = map.get(provider);
    if (known) known.add(key);
    else map.set(provider, new Set([key]));
  };
  const assessment = (provider: ProviderId, facts: AssessmentFacts) => {
    add(wanted.assessments, provider, facts.externalId);
    if (facts.jobTitle?.trim()) {
      wanted.titleKeys.add(jobTitleKey(facts.jobTitle));
      wanted.titled.add(keyOf(provider, facts.externalId));
    }
  };
  const candidate = (provider: ProviderId, facts: { email: string; externalId?: string | null }) => {
    wanted.emails.add(normaliseEmail(facts.email));
    if (facts.externalId) add(wanted.identities, provider, facts.externalId);
  };
  for (const { provider, events } of deliveries) {
    for (const event of events) {
      assessment(provider, event.assessment);
      if (event.kind === "assessment.defined") wanted.defined.add(keyOf(provider, event.assessment.externalId));
      if (event.kind === "candidates.invited") {
        for (const invitation of event.invitations) {
          candidate(provider, invitation.candidate);
          add(wanted.attempts, provider, invitation.attemptKey);
        }
      }
      if (event.kind === "attempt.reported") {
        candidate(provider, event.candidate);
        add(wanted.attempts, provider, event.attemptKey);
      }
    }
  }
  return wanted;
}

/**
 * An older delivery fills in what only it knew by re-reading the attempt's deliveries. Which
 * deliveries of the batch will be older is known before applying (an attempt's provider time
 * only ever becomes the newest seen), so only those attempts' timelines are read, in two
 * statements for the batch.
 */
async function loadHistory(run: SqlRunner, state: BatchState, deliveries: BatchDelivery[]) {
  const newest = new Map<string, number>();
  for (const [key, attempt] of state.attempts) {
    if (attempt.row.providerUpdatedAt) newest.set(key, attempt.row.providerUpdatedAt.getTime());
  }
  const older = new Set<string>();
  for (const delivery of deliveries) {
    const updates = delivery.events.flatMap(attemptUpdatesOf);
    if (delivery.id) state.deliveryUpdates.set(delivery.id, { receivedAt: delivery.receivedAt, updates });
    for (const update of updates) {
      const key = keyOf(delivery.provider, update.attemptKey);
      const time = update.occurredAt.getTime();
      const shown = newest.get(key);
      if (shown !== undefined && time < shown) {
        if (delivery.id) older.add(key);
      } else newest.set(key, time);
    }
  }
  const storedIds = [...older].flatMap((key) => {
    const stored = state.attempts.get(key);
    return stored ? [stored.row.id] : [];
  });
  if (storedIds.length === 0) return;
  state.storedTimeline = await loadTimelines(run, storedIds);
  const toRead = new Set<string>();
  for (const ids of state.storedTimeline.values()) {
    for (const id of ids ?? []) if (!state.deliveryUpdates.has(id)) toRead.add(id);
  }
  if (toRead.size === 0) return;
  for (const stored of await loadBodies(run, [...toRead])) {
    state.deliveryUpdates.set(stored.id, { receivedAt: stored.receivedAt, updates: rereadUpdates(stored) });
  }
}
