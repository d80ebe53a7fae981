import "server-only";
// Applies provider-neutral domain events to the internal model, inside the caller's
// transaction. Ordering rule: an attempt moves only to what the newest provider timestamp
// says; an older event is recorded on the timeline as skipped and never moves it back
// (apply-attempt.ts).
import type { Tx } from "../db";
import type { AssessmentDefinitionFacts, AssessmentFacts, CandidateFacts, DomainEvent } from "../domain/events";
import { jobTitleKey, normaliseEmail, type ProviderId } from "../../shared/vocabulary";
import { applyAttemptFacts, jsonOrUndefined, type AttemptInput, type AttemptOutcome } from "./apply-attempt";
import { createApplyMemo, type ApplyMemo, type MemoAssessment } from "./apply-memo";
import { attemptUpdatesOf } from "./attempt-history";
import { parseBands, relabelAttempts } from "./grading-band";

export interface ApplyContext {
  tx: Tx;
  provider: ProviderId;
  deliveryId: string | null;
  /** Shared by the deliveries of one transaction (batch processing); a fresh one otherwise. */
  memo?: ApplyMemo;
}

type MemoContext = ApplyContext & { memo: ApplyMemo };

export interface ApplyOutcome {
  attemptsChanged: number;
  attemptsSkipped: number;
}

export async function applyEvents(applyContext: ApplyContext, events: DomainEvent[]): Promise<ApplyOutcome> {
  const context: MemoContext = { ...applyContext, memo: applyContext.memo ?? createApplyMemo() };
  const outcome: ApplyOutcome = { attemptsChanged: 0, attemptsSkipped: 0 };
  for (const event of events) {
    switch (event.kind) {
      case "assessment.defined":
        await defineAssessment(context, event.assessment, event.occurredAt);
        break;
      case "candidates.invited": {
        const assessment = await ensureAssessment(context, event.assessment, event.occurredAt);
        const updates = attemptUpdatesOf(event);
        for (const [index, invitation] of event.invitations.entries()) {
          const candidate = await ensureCandidate(context, invitation.candidate);
          const invitedAt = invitation.invitedAt ?? event.occurredAt;
          await context.tx.invitation.upsert({
            where: { assessmentId_candidateId: { assessmentId: assessment.id, candidateId: candidate.id } },
            create: {
              provider: context.provider,
              assessmentId: assessment.id,
              candidateId: candidate.id,
              inviteUrl: invitation.inviteUrl ?? null,
              invitedAt,
              expiresAt: invitation.expiresAt ?? null,
              providerInvitationId: invitation.providerInvitationId ?? null,
            },
            update: {
              inviteUrl: invitation.inviteUrl ?? undefined,
              expiresAt: invitation.expiresAt ?? undefined,
              providerInvitationId: invitation.providerInvitationId ?? undefined,
            },
          });
          const { facts } = updates[index]!;
          count(
            outcome,
            await applyAttempt(context, invitation.attemptKey, assessment, candidate.id, event.occurredAt, facts),
          );
        }
        break;
      }
      case "attempt.reported": {
        const assessment = await ensureAssessment(context, event.assessment, event.occurredAt);
        const candidate = await ensureCandidate(context, event.candidate);
        count(
          outcome,
          await applyAttempt(context, event.attemptKey, assessment, candidate.id, event.occurredAt, event.facts),
        );
        break;
      }
    }
  }
  return outcome;
}

function applyAttempt(
  context: MemoContext,
  attemptKey: string,
  assessment: AssessmentRow,
  candidateId: string,
  occurredAt: Date,
  facts: AttemptInput["facts"],
) {
  const input: AttemptInput = {
    attemptKey,
    assessment: { id: assessment.id, jobId: assessment.jobId, gradingBands: parseBands(assessment.gradingBands) },
    candidateId,
    occurredAt,
    facts,
  };
  return applyAttemptFacts(context, input);
}

function count(outcome: ApplyOutcome, applied: AttemptOutcome) {
  if (applied === "changed") outcome.attemptsChanged += 1;
  if (applied === "skipped") outcome.attemptsSkipped += 1;
}

async function ensureJob(context: MemoContext, title: string | null | undefined, at: Date) {
  if (!title?.trim()) return null;
  const titleKey = jobTitleKey(title);
  const known = context.memo.jobs.get(titleKey);
  if (known) return known;
  const job = await context.tx.job.upsert({
    where: { titleKey },
    create: { title: title.trim().replace(/\s+/g, " "), titleKey, lastActivityAt: at },
    update: {},
    select: { id: true },
  });
  context.memo.jobs.set(titleKey, job);
  return job;
}

type AssessmentRow = MemoAssessment;
const assessmentSelect = { id: true, jobId: true, gradingBands: true } as const;

async function ensureAssessment(context: MemoContext, facts: AssessmentFacts, at: Date): Promise<AssessmentRow> {
  const memoKey = `${context.provider}:${facts.externalId}`;
  const known = context.memo.assessments.get(memoKey);
  if (known && (known.jobId || !facts.jobTitle)) return known;
  const row = await lockOrCreateAssessment(context, facts, at);
  context.memo.assessments.set(memoKey, row);
  return row;
}

async function lockOrCreateAssessment(context: MemoContext, facts: AssessmentFacts, at: Date): Promise<AssessmentRow> {
  // Write to the row before reading it: the row lock serialises deliveries for one assessment
  // (PostgreSQL), so a definition's job and bands and a concurrent attempt never miss each other.
  const [existing] = await context.tx.assessment.updateManyAndReturn({
    where: { provider: context.provider, externalId: facts.externalId },
    data: { updatedAt: new Date() },
    select: assessmentSelect,
  });
  if (existing && (existing.jobId || !facts.jobTitle)) return existing;
  const job = await ensureJob(context, facts.jobTitle, at);
  if (existing) {
    if (job) await attachJob(context, existing.id, job.id);
    return { ...existing, jobId: job?.id ?? null };
  }
  return context.tx.assessment.create({
    data: { provider: context.provider, externalId: facts.externalId, name: facts.name, jobId: job?.id ?? null },
    select: assessmentSelect,
  });
}

/** The assessment and every attempt at it belong to the job, whichever delivery named it first. */
async function attachJob(context: MemoContext, assessmentId: string, jobId: string) {
  await context.tx.assessment.updateMany({
    where: { id: assessmentId, OR: [{ jobId: null }, { jobId: { not: jobId } }] },
    data: { jobId },
  });
  await context.tx.attempt.updateMany({
    where: { assessmentId, OR: [{ jobId: null }, { jobId: { not: jobId } }] },
    data: { jobId },
  });
}

/** A definition field left undefined says nothing: the stored value stays (a payload without bands keeps them). */
async function defineAssessment(context: MemoContext, facts: AssessmentDefinitionFacts, occurredAt: Date) {
  const assessment = await ensureAssessment(context, facts, occurredAt);
  // Its job and bands may change here: later deliveries in this transaction read it afresh.
  context.memo.assessments.delete(`${context.provider}:${facts.externalId}`);
  const job = await ensureJob(context, facts.jobTitle, occurredAt);
  // The same ordering rule as attempts: an older definition never overwrites a newer one.
  const updated = await context.tx.assessment.updateMany({
    where: {
      id: assessment.id,
      OR: [{ providerUpdatedAt: null }, { providerUpdatedAt: { lte: occurredAt } }],
    },
    data: {
      name: facts.name,
      jobId: job?.id ?? assessment.jobId,
      lifecycle: facts.lifecycle,
      gradingBands: jsonOrUndefined(facts.gradingBands),
      sections: jsonOrUndefined(facts.sections),
      details: jsonOrUndefined(facts.details),
      providerUpdatedAt: occurredAt,
    },
  });
  if (updated.count === 0) return;
  // ensureAssessment already attached a job to an assessment that had none; only a renamed
  // job role moves the assessment's attempts again.
  if (job && job.id !== assessment.jobId) await attachJob(context, assessment.id, job.id);
  if (
    facts.gradingBands !== undefined &&
    JSON.stringify(facts.gradingBands) !== JSON.stringify(assessment.gradingBands)
  ) {
    await relabelAttempts(context.tx, assessment.id, facts.gradingBands);
  }
}

async function ensureCandidate(context: MemoContext, facts: CandidateFacts) {
  const email = normaliseEmail(facts.email);
  const name = facts.name?.trim() || email;
  const candidate =
    context.memo.candidates.get(email) ??
    (await context.tx.candidate.upsert({
      where: { email },
      create: { email, name, phone: facts.phone ?? null, country: facts.country ?? null },
      update: {},
      select: { id: true, name: true, phone: true, country: true },
    }));
  const better = {
    name: candidate.name === email && facts.name?.trim() ? facts.name.trim() : undefined,
    phone: !candidate.phone && facts.phone ? facts.phone : undefined,
    country: !candidate.country && facts.country ? facts.country : undefined,
  };
  if (better.name || better.phone || better.country) {
    await context.tx.candidate.update({ where: { id: candidate.id }, data: better });
  }
  context.memo.candidates.set(email, {
    id: candidate.id,
    name: better.name ?? candidate.name,
    phone: better.phone ?? candidate.phone,
    country: better.country ?? candidate.country,
  });
  const identityKey = `${context.provider}:${facts.externalId}`;
  if (facts.externalId && !context.memo.identities.has(identityKey)) {
    await context.tx.candidateIdentity.upsert({
      where: { provider_externalId: { provider: context.provider, externalId: facts.externalId } },
      create: { provider: context.provider, externalId: facts.externalId, candidateId: candidate.id },
      update: {},
    });
    context.memo.identities.add(identityKey);
  }
  return candidate;
}
