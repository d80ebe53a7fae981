import "server-only";
// One event's facts applied to one attempt, inside the delivery's transaction.
//   newest so far → applied (or "duplicate" when it changes nothing);
//   older than the state shown → skipped_older: the attempt does not move back, but fields
//   only that older delivery knows are filled in, so the result is what in-order arrival
//   would have produced (see attempt-history.ts).
// Every write is conditional on the provider time it read: a concurrent delivery that got
// there first makes this one re-read and decide again.
import { Prisma } from "@generated/prisma-sqlite/client";
import type { AttemptFacts, GradingBand } from "../domain/events";
import { FINISHED_STATUSES, type AttemptStatus } from "../../shared/vocabulary";
import type { ApplyContext } from "./apply-events";
import { attemptHistory, foldFacts } from "./attempt-history";
import {
  diffAttempt,
  isIntegrityFlagged,
  keepResultOverReinvitation,
  summariseChanges,
  type FieldChanges,
} from "./attempt-changes";
import { bandFor } from "./grading-band";

export interface AttemptInput {
  attemptKey: string;
  assessment: { id: string; jobId: string | null; gradingBands: GradingBand[] | null };
  candidateId: string;
  occurredAt: Date;
  facts: AttemptFacts;
}

export type AttemptOutcome = "changed" | "skipped" | "unchanged";

type StoredAttempt = NonNullable<Awaited<ReturnType<ApplyContext["tx"]["attempt"]["findUnique"]>>>;

const MAX_ROUNDS = 3;

export async function applyAttemptFacts(context: ApplyContext, input: AttemptInput): Promise<AttemptOutcome> {
  for (let round = 1; ; round += 1) {
    const outcome = await applyOnce(context, input);
    if (outcome !== "raced") return outcome;
    if (round >= MAX_ROUNDS) {
      throw new Error(`attempt ${input.attemptKey} kept changing while this delivery was applied: replay it`);
    }
  }
}

async function applyOnce(context: ApplyContext, input: AttemptInput): Promise<AttemptOutcome | "raced"> {
  const stored = await context.tx.attempt.findUnique({
    where: { provider_externalKey: { provider: context.provider, externalKey: input.attemptKey } },
  });
  if (!stored) return create(context, input);
  if (stored.providerUpdatedAt && input.occurredAt < stored.providerUpdatedAt)
    return applyOlder(context, input, stored);
  return applyNewest(context, input, stored);
}

async function create(context: ApplyContext, input: AttemptInput): Promise<AttemptOutcome> {
  const facts = withBand(input.facts, input.assessment.gradingBands, null);
  const created = await context.tx.attempt.create({
    data: {
      ...attemptData(facts),
      integrityFlagged: isIntegrityFlagged(facts),
      provider: context.provider,
      externalKey: input.attemptKey,
      assessmentId: input.assessment.id,
      candidateId: input.candidateId,
      jobId: input.assessment.jobId,
      status: facts.status ?? "invited",
      providerUpdatedAt: input.occurredAt,
      lastDeliveryId: context.deliveryId,
    },
    select: { id: true },
  });
  const changes = diffAttempt(null, facts);
  await recordChange(context, created.id, "applied", changes, input.occurredAt, summariseChanges(changes));
  await afterChange(context, input, created.id, null, facts.status);
  return "changed";
}

async function applyNewest(
  context: ApplyContext,
  input: AttemptInput,
  stored: StoredAttempt,
): Promise<AttemptOutcome | "raced"> {
  const facts = withBand(
    keepResultOverReinvitation(stored.status, input.facts),
    input.assessment.gradingBands,
    stored.maxScore,
  );
  const changes = diffAttempt(stored, facts);
  const unchanged = Object.keys(changes).length === 0;
  const sameTime = stored.providerUpdatedAt?.getTime() === input.occurredAt.getTime();
  if (!(unchanged && sameTime)) {
    // A newer delivery that changes nothing still moves the provider time forward: otherwise
    // a delivery from between the two would later be taken for the newest.
    const updated = await context.tx.attempt.updateMany({
      where: { id: stored.id, OR: [{ providerUpdatedAt: null }, { providerUpdatedAt: { lte: input.occurredAt } }] },
      data: {
        ...(unchanged ? {} : { ...attemptData(facts), integrityFlagged: integrityAfter(stored, facts) }),
        jobId: input.assessment.jobId ?? stored.jobId,
        providerUpdatedAt: input.occurredAt,
        lastDeliveryId: context.deliveryId,
      },
    });
    if (updated.count === 0) return "raced";
  }
  if (unchanged) {
    await recordChange(context, stored.id, "duplicate", null, input.occurredAt, "no change");
    return "unchanged";
  }
  await recordChange(context, stored.id, "applied", changes, input.occurredAt, summariseChanges(changes));
  await afterChange(context, input, stored.id, stored.status, facts.status);
  return "changed";
}

async function applyOlder(
  context: ApplyContext,
  input: AttemptInput,
  stored: StoredAttempt,
): Promise<AttemptOutcome | "raced"> {
  const shown = stored.providerUpdatedAt!;
  const history = context.deliveryId
    ? await attemptHistory(context.tx, context.provider, stored.id, { ...input, deliveryId: context.deliveryId })
    : null;
  const target = history ? withBand(foldFacts(history), input.assessment.gradingBands, null) : null;
  const changes: FieldChanges = target ? diffAttempt(stored, target) : {};
  const filled = Object.keys(changes) as (keyof AttemptFacts)[];

  if (target && filled.length > 0) {
    const fill = Object.fromEntries(filled.map((field) => [field, target[field]])) as AttemptFacts;
    const updated = await context.tx.attempt.updateMany({
      where: { id: stored.id, providerUpdatedAt: shown },
      data: { ...attemptData(fill), integrityFlagged: integrityAfter(stored, fill) },
    });
    if (updated.count === 0) return "raced";
  }
  const older = `older than the state shown (${shown.toISOString()})`;
  await recordChange(
    context,
    stored.id,
    "skipped_older",
    filled.length > 0 ? changes : null,
    input.occurredAt,
    filled.length > 0 ? `${older}; filled in what only it knew: ${summariseChanges(changes)}` : `${older}; not applied`,
  );
  if (filled.includes("status")) await afterChange(context, input, stored.id, stored.status, target?.status);
  return "skipped";
}

/** The assessment's grading band for a score the event sets, unless the provider labelled it. */
function withBand(facts: AttemptFacts, bands: GradingBand[] | null, storedMaxScore: number | null): AttemptFacts {
  if (!bands || facts.score === undefined || facts.gradingBand !== undefined) return facts;
  const maxScore = facts.maxScore !== undefined ? facts.maxScore : storedMaxScore;
  return { ...facts, gradingBand: bandFor(bands, facts.score, maxScore) };
}

function integrityAfter(stored: StoredAttempt, facts: AttemptFacts): boolean {
  return isIntegrityFlagged({
    proctoringScore: facts.proctoringScore !== undefined ? facts.proctoringScore : stored.proctoringScore,
    violationCount: facts.violationCount !== undefined ? facts.violationCount : stored.violationCount,
  });
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

export function jsonOrUndefined(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull | undefined {
  if (value === undefined) return undefined;
  return value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

async function recordChange(
  context: ApplyContext,
  attemptId: string,
  outcome: "applied" | "skipped_older" | "duplicate",
  changes: FieldChanges | null,
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

async function afterChange(
  context: ApplyContext,
  input: AttemptInput,
  attemptId: string,
  previousStatus: string | null,
  status: AttemptFacts["status"],
) {
  const statusChanged = status !== undefined && previousStatus !== status;
  if (statusChanged) {
    await context.tx.invitation.updateMany({
      where: { assessmentId: input.assessment.id, candidateId: input.candidateId },
      data: { status: invitationStatusFor(status) },
    });
  }
  const jobId = input.assessment.jobId;
  if (!jobId) return;
  if (!context.memo?.touchedJobs.has(jobId)) {
    await context.tx.job.update({ where: { id: jobId }, data: { lastActivityAt: new Date() } });
    context.memo?.touchedJobs.add(jobId);
  }
  if (statusChanged && FINISHED_STATUSES.has(status)) {
    await notifyJobMembers(context, jobId, attemptId, input.candidateId, status);
  }
}

/** The invitation's own lifecycle, as the attempt it started moves. */
function invitationStatusFor(status: AttemptStatus): string {
  if (status === "invited") return "sent";
  if (status === "enrolled" || status === "in_progress") return "started";
  if (status === "expired") return "expired";
  return "completed";
}

async function notifyJobMembers(
  context: ApplyContext,
  jobId: string,
  attemptId: string,
  candidateId: string,
  status: string,
) {
  const members = await context.tx.jobMember.findMany({
    where: { jobId, user: { active: true } },
    select: { userId: true },
  });
  if (members.length === 0) return;
  const [candidate, job] = await Promise.all([
    context.tx.candidate.findUnique({ where: { id: candidateId }, select: { name: true } }),
    context.tx.job.findUnique({ where: { id: jobId }, select: { title: true } }),
  ]);
  await context.tx.notification.createMany({
    data: members.map((member) => ({
      userId: member.userId,
      attemptId,
      title: `${candidate?.name ?? "A candidate"} ${status === "completed" ? "completed" : `is ${status.replace("_", " ")}`}`,
      body: `${job?.title ?? "Job"}: the result is in.`,
    })),
  });
}
