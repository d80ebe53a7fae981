import "server-only";
// Testlify's assessment created/updated/deleted/archived → one assessment definition.
import { TranslationError, type DomainEvent, type GradingBand } from "../../domain/events";
import type { AssessmentLifecycle } from "../../../shared/vocabulary";
import type { TestlifyAssessmentEvent } from "./event-type";
import type { TestlifyAssessment } from "./schemas";
import { safeCssColor } from "../../../shared/safe-css";

export function assessmentEvent(
  assessment: TestlifyAssessment,
  event: TestlifyAssessmentEvent,
  receivedAt: Date | undefined,
): DomainEvent {
  // Testlify's assessment events carry no time at all: they are ordered by arrival.
  if (!receivedAt)
    throw new TranslationError(`assessment.${event} carries no time and the delivery's arrival time is unknown`);
  const bands: GradingBand[] = assessment.grading.map((band) => ({
    name: band.name,
    min: band.min,
    max: band.max,
    // Drawn into a style attribute: only a plain hex color gets through.
    color: safeCssColor(band.color),
  }));
  const sections = assessment.testLibrary.map((library, index) => ({
    id: library.testLibraryId ?? `test-${index + 1}`,
    name: library.testLibraryTitle ?? `Test ${index + 1}`,
    skills: library.skills.flatMap((skill) => (skill.description ? [skill.description] : [])),
  }));
  return {
    kind: "assessment.defined",
    occurredAt: receivedAt,
    assessment: {
      externalId: assessment.assessmentId,
      name: assessment.name ?? assessment.assessmentTitle ?? assessment.assessmentId,
      jobTitle: assessment.jobRoleName ?? assessment.otherJobRole,
      lifecycle: lifecycleOf(assessment, event),
      // A payload without bands or tests says nothing about them (the archived sample has no `grading`).
      gradingBands: bands.length > 0 ? bands : undefined,
      sections: sections.length > 0 ? sections : undefined,
      details: detailsOf(assessment),
    },
  };
}

function lifecycleOf(assessment: TestlifyAssessment, event: TestlifyAssessmentEvent): AssessmentLifecycle | undefined {
  // The event decides: the archived sample itself still says isArchived: false.
  if (event === "deleted") return "deleted";
  if (event === "archived" || assessment.isArchived) return "archived";
  switch (assessment.assessmentStatus?.toUpperCase()) {
    case "DRAFT":
      return "draft";
    case "PUBLISHED":
    case "SUBSCRIBED":
    case "ACTIVE":
      return "published";
    default:
      return undefined;
  }
}

function detailsOf(assessment: TestlifyAssessment): Record<string, unknown> {
  return {
    language: assessment.language ?? assessment.defaultLanguage,
    timeLimitSeconds: assessment.totalTime,
    invitationValidDays: assessment.invitationEmailLinkValidity,
    tests: assessment.testLibrary.map((library) => ({
      id: library.testLibraryId,
      name: library.testLibraryTitle,
      type: library.testTypeName ?? library.testLibraryTypeName,
      level: library.difficultyLevel,
      timeLimitSeconds: library.timeLimit,
      questionCount: library.questionLimit,
    })),
    customQuestions: assessment.customQuestion.map((question) => ({
      id: question.assessmentCQId,
      question: question.question,
      answerType: question.classification,
      maxScore: question.maximumScore,
      timeLimitSeconds: question.duration,
      mandatory: question.isMandatory,
    })),
    qualificationQuestions: assessment.qualificationQuestion.map((question) => ({
      id: question.assessmentQQId,
      question: question.question,
    })),
  };
}
