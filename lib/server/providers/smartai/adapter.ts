import "server-only";
// SmartAI queue events → DomainEvents. An invitation and its result are one attempt, keyed
// by assessment and candidate email, because SmartAI's completed event has no invitation id.
import {
  TranslationError,
  type AttemptFacts,
  type DomainEvent,
  type ProctoringDetail,
  type ProviderAdapter,
  type QuestionAnswer,
  type Translation,
} from "../../domain/events";
import { normaliseEmail } from "../../../shared/vocabulary";
import { isRecord, parseOrExplain, safeHttpUrl } from "../lenient";
import {
  isSmartAiEventType,
  smartAiCompletedSchema,
  smartAiSentSchema,
  type SmartAiCompletedEvent,
  type SmartAiSentEvent,
} from "./schemas";

export function smartAiAttemptKey(assessmentId: string, candidateEmail: string): string {
  return `${assessmentId}:${normaliseEmail(candidateEmail)}`;
}

export const smartAiAdapter: ProviderAdapter = {
  provider: "smartai",
  translate({ body }): Translation {
    const eventType = isRecord(body) && typeof body.event === "string" ? body.event : null;
    if (!isSmartAiEventType(eventType)) {
      return {
        recognised: false,
        eventType,
        reason: eventType ? `unknown SmartAI event "${eventType}"` : 'no "event" field: not a SmartAI queue event',
      };
    }
    if (eventType === "assessment.sent") {
      const event = parseOrExplain(smartAiSentSchema, body, eventType);
      const only = event.candidates.length === 1 ? event.candidates[0] : undefined;
      return { recognised: true, eventType, events: [invitedEvent(event)], candidateEmail: only?.email ?? null };
    }
    const event = parseOrExplain(smartAiCompletedSchema, body, eventType);
    return {
      recognised: true,
      eventType,
      events: [...coveredSkills(event), reportedEvent(event)],
      candidateEmail: event.candidateEmail,
    };
  },
};

function invitedEvent(event: SmartAiSentEvent): DomainEvent {
  return {
    kind: "candidates.invited",
    occurredAt: new Date(event.storedAt),
    assessment: assessmentFacts(event),
    invitations: event.candidates.map((candidate) => ({
      attemptKey: smartAiAttemptKey(event.assessmentId, candidate.email),
      candidate: { email: candidate.email, name: candidate.name ?? null, externalId: candidate.id ?? null },
      inviteUrl: safeHttpUrl(event.assessmentUrl),
    })),
  };
}

function reportedEvent(event: SmartAiCompletedEvent): DomainEvent {
  const occurredAt = event.submittedAt ?? event.storedAt;
  if (!occurredAt) throw new TranslationError("assessment.completed has neither submittedAt nor storedAt");
  return {
    kind: "attempt.reported",
    occurredAt: new Date(occurredAt),
    attemptKey: smartAiAttemptKey(event.assessmentId, event.candidateEmail),
    assessment: assessmentFacts(event),
    candidate: {
      email: event.candidateEmail,
      name: event.candidateName ?? null,
      externalId: event.candidateId ?? null,
    },
    facts: resultFacts(event),
  };
}

/**
 * `skills` names what the assessment covers, not scores still to come: it goes to the
 * assessment as labels, ordered like the result that carried it.
 */
function coveredSkills(event: SmartAiCompletedEvent): DomainEvent[] {
  const skills = [...new Set((event.skills ?? []).map((skill) => skill.trim()).filter(Boolean))];
  const at = event.submittedAt ?? event.storedAt;
  if (skills.length === 0 || !at) return [];
  return [
    {
      kind: "assessment.defined",
      occurredAt: new Date(at),
      assessment: { ...assessmentFacts(event), details: { skills } },
    },
  ];
}

function resultFacts(event: SmartAiCompletedEvent): AttemptFacts {
  const score = event.score ?? null;
  const passMark = event.passMarks ?? null;
  return {
    status: event.status ?? "completed",
    // SmartAI sends one completion and nothing after it: no score means none is coming.
    resultState: "final",
    score,
    maxScore: event.totalMarks ?? null,
    passMark,
    // The platform says whether they passed; only when it does not, the pass mark decides.
    passed: event.passed ?? (score !== null && passMark !== null ? score >= passMark : null),
    // SmartAI scores no sections; its skills are the assessment's labels (coveredSkills).
    sections: null,
    proctoringScore: event.proctoring?.score ?? null,
    violationCount: event.proctoring?.violationCount ?? null,
    proctoringDetails: proctoringDetails(event.proctoring),
    recordingUrl: safeHttpUrl(event.recording?.url),
    aiFeedback: event.aiFeedback ?? null,
    questionAnswers: event.questionAnswers ? event.questionAnswers.map(questionAnswer) : null,
    reportUrl: safeHttpUrl(event.reportUrl),
    submittedAt: event.submittedAt ? new Date(event.submittedAt) : null,
    durationSeconds: event.durationMinutes == null ? null : Math.round(event.durationMinutes * 60),
  };
}

function proctoringDetails(proctoring: SmartAiCompletedEvent["proctoring"]): ProctoringDetail[] | null {
  if (!proctoring) return null;
  const details: ProctoringDetail[] = [];
  if (proctoring.score != null) {
    details.push({
      kind: "integrity_score",
      label: "Integrity score",
      value: `${proctoring.score} / 100`,
      flagged: false,
    });
  }
  if (proctoring.violationCount != null) {
    const count = proctoring.violationCount;
    details.push({
      kind: "violations",
      label: "Proctoring violations",
      value: `${count} violation${count === 1 ? "" : "s"}`,
      flagged: count > 0,
    });
  }
  return details.length > 0 ? details : null;
}

function questionAnswer(
  answer: NonNullable<SmartAiCompletedEvent["questionAnswers"]>[number],
  index: number,
): QuestionAnswer {
  return {
    id: answer.questionId ?? `q${index + 1}`,
    question: answer.question ?? "",
    answer: answer.answer ?? null,
    marks: answer.marks ?? null,
    maxMarks: answer.maxMarks ?? null,
    correct: null,
  };
}

function assessmentFacts(event: { assessmentId: string; assessmentName?: string | null; jobTitle?: string | null }) {
  return {
    externalId: event.assessmentId,
    name: event.assessmentName?.trim() || event.assessmentId,
    jobTitle: event.jobTitle ?? null,
  };
}
