import "server-only";
// A Testlify candidate status change → one DomainEvent for the candidate's attempt. Each
// payload is Testlify's view of the candidate at that moment; a field the payload lacks says
// nothing (undefined) so what an earlier event told us stays.
import {
  TranslationError,
  type AttemptDetails,
  type AttemptFacts,
  type DomainEvent,
  type MediaItem,
  type QuestionAnswer,
  type SectionScore,
} from "../../domain/events";
import type { AttemptStatus } from "../../../shared/vocabulary";
import { safeHttpUrl } from "../lenient";
import { proctoringFromMonitor } from "./proctoring";
import type { TestlifyCandidate, TestlifyQualificationQuestion, TestlifyTestLibraryResult } from "./schemas";

/**
 * Report PDFs live on Testlify's report host: the completed sample links
 * https://cdn-global.net/reports/pdf/… and the score-updated sample sends the same path
 * without the host, so a relative resultLink is resolved against it.
 */
export const TESTLIFY_REPORT_HOST = "https://cdn-global.net/";

/** Statuses whose payload carries the candidate's result. */
const SCORED_STATUSES: ReadonlySet<AttemptStatus> = new Set(["completed", "rejected", "disqualified"]);

/**
 * One attempt per assessment and candidate email. Testlify's candidateId is not in every
 * payload (the invitation-expired one lacks it), and keying by it there would split one
 * attempt in two; the email is in all of them.
 */
export function testlifyAttemptKey(assessmentId: string, email: string): string {
  return `${assessmentId}:${email.trim().toLowerCase()}`;
}

export function candidateEvent(
  candidate: TestlifyCandidate,
  status: AttemptStatus,
  timestamp: number | null,
  receivedAt: Date | undefined,
): DomainEvent {
  const occurredAt = occurredAtOf(candidate, status, timestamp, receivedAt);
  const assessment = {
    externalId: candidate.assessmentId,
    name: candidate.assessment ?? candidate.assessmentName ?? candidate.title ?? candidate.assessmentId,
    // Candidate events do not name the job: it comes with the assessment's own events.
    jobTitle: null,
  };
  const person = {
    email: candidate.email,
    name: [candidate.firstName, candidate.lastName].filter(Boolean).join(" ") || null,
    externalId: candidate.candidateId,
  };
  const attemptKey = testlifyAttemptKey(candidate.assessmentId, candidate.email);

  if (status === "invited") {
    return {
      kind: "candidates.invited",
      occurredAt,
      assessment,
      invitations: [
        {
          attemptKey,
          candidate: person,
          inviteUrl: safeHttpUrl(candidate.inviteLink),
          invitedAt: candidate.invitedAt ?? occurredAt,
        },
      ],
    };
  }
  return {
    kind: "attempt.reported",
    occurredAt,
    attemptKey,
    assessment,
    candidate: person,
    facts: attemptFacts(candidate, status, occurredAt),
  };
}

/**
 * `timestamp` (ms) when Testlify sends it. Without it, the payload's own dates, where they
 * are the moment of this change: invitedAt for an invitation, completedAt for a completion or
 * a disqualification. Enrolment, progress, rejection and expiry carry no time of their own,
 * so the moment the delivery reached us stands in (an earlier date would always lose to the
 * invitation that preceded them).
 */
function occurredAtOf(
  candidate: TestlifyCandidate,
  status: AttemptStatus,
  timestamp: number | null,
  receivedAt: Date | undefined,
): Date {
  if (timestamp !== null && timestamp > 0) return new Date(timestamp);
  const own =
    status === "invited"
      ? candidate.invitedAt
      : status === "completed" || status === "disqualified"
        ? candidate.completedAt
        : null;
  const time = own ?? receivedAt ?? candidate.completedAt ?? candidate.invitedAt;
  if (!time) throw new TranslationError("the event has no timestamp, completedAt or invitedAt to order it by");
  return time;
}

function attemptFacts(candidate: TestlifyCandidate, status: AttemptStatus, occurredAt: Date): AttemptFacts {
  const scored = SCORED_STATUSES.has(status);
  const score = scored ? candidate.avgScorePercentage : null;
  const proctoring = candidate.antiCheatingMonitor ? proctoringFromMonitor(candidate.antiCheatingMonitor) : null;
  const detailLink = safeHttpUrl(candidate.candidateDetailLink);
  const elapsed = candidate.totalTestElapsedTime;
  const media: MediaItem[] = [
    ...(detailLink ? [{ label: "Candidate page on Testlify", url: detailLink, kind: "link" as const }] : []),
    ...snapshotsOf(candidate),
  ];
  return {
    status,
    resultState: resultStateOf(status, score),
    // Testlify's headline result is the average percentage; its grading bands are percentages too.
    score,
    maxScore: score === null ? null : 100,
    sections: sectionsOf(candidate.testLibrary),
    violationCount: proctoring?.violationCount,
    proctoringDetails: proctoring?.details,
    reportUrl: safeHttpUrl(candidate.resultLink, TESTLIFY_REPORT_HOST),
    media: media.length > 0 ? media : undefined,
    questionAnswers:
      candidate.qualificationQuestions.length > 0 ? candidate.qualificationQuestions.map(questionAnswer) : undefined,
    invitedAt: candidate.invitedAt ?? undefined,
    // Testlify sends no start time: the in-progress event's own time is when the candidate began.
    startedAt: status === "in_progress" ? occurredAt : undefined,
    submittedAt: scored ? candidate.completedAt : null,
    durationSeconds: elapsed !== null && elapsed > 0 ? Math.round(elapsed) : null,
    details: scored ? resultDetails(candidate) : undefined,
  };
}

function resultDetails(candidate: TestlifyCandidate): AttemptDetails {
  const rating = candidate.reviewRating !== null && candidate.reviewRating > 0 ? candidate.reviewRating : null;
  return {
    totals:
      candidate.totalScore === null && candidate.totalScoreAchieved === null
        ? null
        : {
            achieved: candidate.totalScoreAchieved,
            possible: candidate.totalScore,
            questionCount: candidate.totalQuestion,
          },
    // 0 and "" are Testlify's "not reviewed yet".
    review: rating !== null || candidate.reviewRemark ? { rating, remark: candidate.reviewRemark } : null,
  };
}

/** Captured screen and webcam stills as full links (the payload sends paths under a base). */
function snapshotsOf(candidate: TestlifyCandidate): MediaItem[] {
  const base = candidate.capturedScreenImageBasePath;
  const baseUrl = base ? safeHttpUrl(base.endsWith("/") ? base : `${base}/`) : null;
  return candidate.capturedScreenImages.flatMap((image, index) => {
    const path = typeof image === "string" ? image : (image.url ?? image.imageUrl ?? image.image ?? image.path);
    const url = path ? safeHttpUrl(path, baseUrl ?? undefined) : null;
    const taken = typeof image === "string" ? null : image.capturedAt;
    return url
      ? [
          {
            label: taken ? `Snapshot ${index + 1} (${taken.toISOString()})` : `Snapshot ${index + 1}`,
            url,
            kind: "snapshot" as const,
          },
        ]
      : [];
  });
}

function resultStateOf(status: AttemptStatus, score: number | null): AttemptFacts["resultState"] {
  if (status === "disqualified" || status === "expired") return "final";
  if (status === "completed" || status === "rejected") return score === null ? "pending" : "final";
  return "pending";
}

/** Per test-library results; undefined when the payload lists libraries without any scores. */
function sectionsOf(libraries: TestlifyTestLibraryResult[]): SectionScore[] | undefined {
  const hasScores = libraries.some((library) => library.scoreAchieved !== null || library.scorePercentage !== null);
  if (!hasScores) return undefined;
  return libraries.map((library, index) => {
    // A library the candidate has not finished shows 0: that is not a result yet.
    const finished = library.completed !== false;
    return {
      name: library.testLibraryTitle ?? `Test ${index + 1}`,
      score: finished ? library.scoreAchieved : null,
      maxScore: null,
      percentage: finished ? library.scorePercentage : null,
      durationSeconds: finished && library.elapsedTime !== null ? Math.round(library.elapsedTime) : null,
      completedAt: finished ? (library.completedAt?.toISOString() ?? null) : null,
    };
  });
}

function questionAnswer(question: TestlifyQualificationQuestion, index: number): QuestionAnswer {
  const chosen = question.options.filter((option) => option.isAnswered).map((option) => option.description);
  return {
    id: question.assessmentQQId ?? `qualification-${index + 1}`,
    question: question.question ?? "",
    answer: chosen.filter(Boolean).join(", ") || null,
    marks: question.score,
    maxMarks: null,
    correct: question.isAnsweredCorrect,
  };
}
