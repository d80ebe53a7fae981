import "server-only";
// Applies provider-neutral domain events to the internal model, inside the caller's
// transaction. Ordering rule: an attempt moves only to what the newest provider timestamp
// says; an older event is recorded on the timeline as skipped and changes nothing.
import { Prisma } from "@generated/prisma-sqlite/client";
import type { Tx } from "../db";
import type {
  AssessmentDefinitionFacts,
  AssessmentFacts,
  AttemptFacts,
  CandidateFacts,
  DomainEvent,
} from "../domain/events";
import { FINISHED_STATUSES, jobTitleKey, normaliseEmail, type ProviderId } from "../domain/vocabulary";
import { diffAttempt, isIntegrityFlagged, summariseChanges } from "./attempt-changes";

export interface ApplyContext {
  tx: Tx;
  provider: ProviderId;
  deliveryId: string | null;
}

export interface ApplyOutcome {
  attemptsChanged: number;
  attemptsSkipped: number;
}

export async function applyEvents(context: ApplyContext, events: DomainEvent[]): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { attemptsChanged: 0, attemptsSkipped: 0 };
  for (const event of events) {
    switch (event.kind) {
      case "assessment.defined":
        await defineAssessment(context, event.assessment, event.occurredAt);
        break;
      case "candidates.invited": {
        const assessment = await ensureAssessment(context, event.assessment, event.occurredAt);
        for (const invitation of event.invitations) {
          const candidate = await ensureCandidate(context, invitation.candidate);
          await context.tx.invitation.upsert({
            where: { assessmentId_candidateId: { assessmentId: assessment.id, candidateId: candidate.id } },
            create: {
              provider: context.provider,
              assessmentId: assessment.id,
              candidateId: candidate.id,
              inviteUrl: invitation.inviteUrl ?? null,
              invitedAt: event.occurredAt,
              expiresAt: invitation.expiresAt ?? null,
              providerInvitationId: invitation.providerInvitationId ?? null,
            },
            update: {
              inviteUrl: invitation.inviteUrl ?? undefined,
              expiresAt: invitation.expiresAt ?? undefined,
              providerInvitationId: invitation.providerInvitationId ?? undefined,
            },
          });
          const applied = await applyAttemptFacts(context, {
            attemptKey: invitation.attemptKey,
            assessment,
            candidateId: candidate.id,
            occurredAt: event.occurredAt,
            facts: { status: "invited", resultState: "pending", invitedAt: event.occurredAt },
          });
          count(outcome, applied);
        }
        break;
      }
      case "attempt.reported": {
        const assessment = await ensureAssessment(context, event.assessment, event.occurredAt);
        const candidate = await ensureCandidate(context, event.candidate);
        const applied = await applyAttemptFacts(context, {
          attemptKey: event.attemptKey,
          assessment,
          candidateId: candidate.id,
          occurredAt: event.occurredAt,
          facts: event.facts,
        });
        count(outcome, applied);
        break;
      }
    }
  }
  return outcome;
}

function count(outcome: ApplyOutcome, applied: "changed" | "skipped" | "unchanged") {
  if (applied === "changed") outcome.attemptsChanged += 1;
  if (applied === "skipped") outcome.attemptsSkipped += 1;
}

async function ensureJob(context: ApplyContext, title: string | null | undefined, at: Date) {
  if (!title?.trim()) return null;
  const titleKey = jobTitleKey(title);
  return context.tx.job.upsert({
    where: { titleKey },
    create: { title: title.trim().replace(/\s+/g, " "), titleKey, lastActivityAt: at },
    update: {},
    select: { id: true },
  });
}

type AssessmentRow = { id: string; jobId: string | null };

async function ensureAssessment(context: ApplyContext, facts: AssessmentFacts, at: Date): Promise<AssessmentRow> {
  const key = { provider_externalId: { provider: context.provider, externalId: facts.externalId } };
  const existing = await context.tx.assessment.findUnique({ where: key, select: { id: true, jobId: true } });
  if (existing && (existing.jobId || !facts.jobTitle)) return existing;
  const job = await ensureJob(context, facts.jobTitle, at);
  if (existing) {
    return context.tx.assessment.update({
      where: { id: existing.id },
      data: { jobId: job?.id ?? null },
      select: { id: true, jobId: true },
    });
  }
  return context.tx.assessment.create({
    data: { provider: context.provider, externalId: facts.externalId, name: facts.name, jobId: job?.id ?? null },
    select: { id: true, jobId: true },
  });
}

async function defineAssessment(context: ApplyContext, facts: AssessmentDefinitionFacts, occurredAt: Date) {
  const assessment = await ensureAssessment(context, facts, occurredAt);
  const job = await ensureJob(context, facts.jobTitle, occurredAt);
  // The same ordering rule as attempts: an older definition never overwrites a newer one.
  await context.tx.assessment.updateMany({
    where: {
      id: assessment.id,
      OR: [{ providerUpdatedAt: null }, { providerUpdatedAt: { lte: occurredAt } }],
    },
    data: {
      name: facts.name,
      jobId: job?.id ?? assessment.jobId,
      lifecycle: facts.lifecycle,
      gradingBands: jsonOrNull(facts.gradingBands),
      sections: jsonOrNull(facts.sections),
      details: jsonOrNull(facts.details),
      providerUpdatedAt: occurredAt,
    },
  });
  if (job?.id && job.id !== assessment.jobId) {
    await context.tx.attempt.updateMany({ where: { assessmentId: assessment.id }, data: { jobId: job.id } });
  }
}

async function ensureCandidate(context: ApplyContext, facts: CandidateFacts) {
  const email = normaliseEmail(facts.email);
  const name = facts.name?.trim() || email;
  const candidate = await context.tx.candidate.upsert({
    where: { email },
    create: { email, name, phone: facts.phone ?? null, country: facts.country ?? null },
    update: {},
    select: { id: true, name: true, phone: true, country: true },
  });
  const better = {
    name: candidate.name === email && facts.name?.trim() ? facts.name.trim() : undefined,
    phone: !candidate.phone && facts.phone ? facts.phone : undefined,
    country: !candidate.country && facts.country ? facts.country : undefined,
  };
  if (better.name || better.phone || better.country) {
    await context.tx.candidate.update({ where: { id: candidate.id }, data: better });
  }
  if (facts.externalId) {
    await context.tx.candidateIdentity.upsert({
      where: { provider_externalId: { provider: context.provider, externalId: facts.externalId } },
      create: { provider: context.provider, externalId: facts.externalId, candidateId: candidate.id },
      update: {},
    });
  }
  return candidate;
}

interface AttemptInput {
  attemptKey: string;
  assessment: AssessmentRow;
  candidateId: string;
  occurredAt: Date;
  facts: AttemptFacts;
}

async function applyAttemptFacts(
  context: ApplyContext,
  input: AttemptInput,
): Promise<"changed" | "skipped" | "unchanged"> {
  const { tx, provider, deliveryId } = context;
  const key = { provider_externalKey: { provider, externalKey: input.attemptKey } };
  const stored = await tx.attempt.findUnique({ where: key });

  if (stored?.providerUpdatedAt && input.occurredAt < stored.providerUpdatedAt) {
    await recordChange(context, stored.id, "skipped_older", null, input.occurredAt,
      `older than the state already shown (${stored.providerUpdatedAt.toISOString()}); not applied`);
    return "skipped";
  }

  const changes = diffAttempt(stored, input.facts);
  if (stored && Object.keys(changes).length === 0) {
    await recordChange(context, stored.id, "duplicate", null, input.occurredAt, "no change");
    return "unchanged";
  }

  const data = attemptData(input.facts);
  const proctoring = {
    proctoringScore: input.facts.proctoringScore !== undefined ? input.facts.proctoringScore : stored?.proctoringScore,
    violationCount: input.facts.violationCount !== undefined ? input.facts.violationCount : stored?.violationCount,
  };
  const common = {
    ...data,
    integrityFlagged: isIntegrityFlagged(proctoring),
    providerUpdatedAt: input.occurredAt,
    lastDeliveryId: deliveryId,
  };

  let attemptId: string;
  if (stored) {
    // Conditional on the timestamp read above: a concurrent newer delivery wins the race.
    const updated = await tx.attempt.updateMany({
      where: {
        id: stored.id,
        OR: [{ providerUpdatedAt: null }, { providerUpdatedAt: { lte: input.occurredAt } }],
      },
      data: { ...common, jobId: input.assessment.jobId ?? stored.jobId },
    });
    if (updated.count === 0) {
      await recordChange(context, stored.id, "skipped_older", null, input.occurredAt, "a newer delivery was applied first; not applied");
      return "skipped";
    }
    attemptId = stored.id;
  } else {
    const created = await tx.attempt.create({
      data: {
        ...common,
        provider,
        externalKey: input.attemptKey,
        assessmentId: input.assessment.id,
        candidateId: input.candidateId,
        jobId: input.assessment.jobId,
        status: input.facts.status ?? "invited",
      },
      select: { id: true },
    });
    attemptId = created.id;
  }

  await recordChange(context, attemptId, "applied", changes, input.occurredAt, summariseChanges(changes));
  if (input.assessment.jobId) {
    await tx.job.update({ where: { id: input.assessment.jobId }, data: { lastActivityAt: new Date() } });
  }
  const finishedNow =
    input.facts.status !== undefined &&
    FINISHED_STATUSES.has(input.facts.status) &&
    stored?.status !== input.facts.status;
  if (finishedNow && input.assessment.jobId) {
    await notifyJobMembers(context, input.assessment.jobId, attemptId, input.candidateId, input.facts.status!);
  }
  return "changed";
}

function attemptData(facts: AttemptFacts) {
  const { sections, proctoringDetails, questionAnswers, traits, media, ...scalars } = facts;
  return {
    ...scalars,
    sections: jsonOrUndefined(sections),
    proctoringDetails: jsonOrUndefined(proctoringDetails),
    questionAnswers: jsonOrUndefined(questionAnswers),
    traits: jsonOrUndefined(traits),
    media: jsonOrUndefined(media),
  };
}

function jsonOrUndefined(value: unknown) {
  if (value === undefined) return undefined;
  return jsonOrNull(value);
}

function jsonOrNull(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

async function recordChange(
  context: ApplyContext,
  attemptId: string,
  outcome: "applied" | "skipped_older" | "duplicate",
  changes: Record<string, unknown> | null,
  occurredAt: Date,
  summary: string,
) {
  await context.tx.attemptChange.create({
    data: {
      attemptId,
      deliveryId: context.deliveryId,
      provider: context.provider,
      outcome,
      summary,
      changes: changes ? (changes as Prisma.InputJsonValue) : Prisma.DbNull,
      occurredAt,
    },
  });
}

async function notifyJobMembers(
  context: ApplyContext,
  jobId: string,
  attemptId: string,
  candidateId: string,
  status: string,
) {
  const [members, candidate, job] = await Promise.all([
    context.tx.jobMember.findMany({ where: { jobId, user: { active: true } }, select: { userId: true } }),
    context.tx.candidate.findUnique({ where: { id: candidateId }, select: { name: true } }),
    context.tx.job.findUnique({ where: { id: jobId }, select: { title: true } }),
  ]);
  if (members.length === 0) return;
  await context.tx.notification.createMany({
    data: members.map((member) => ({
      userId: member.userId,
      attemptId,
      title: `${candidate?.name ?? "A candidate"} ${status === "completed" ? "completed" : `is ${status.replace("_", " ")}`}`,
      body: `${job?.title ?? "Job"}: the result is in.`,
    })),
  });
}
