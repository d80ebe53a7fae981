// Domain events shaped like what the provider adapters make of real payloads (see
// tests/fixtures/providers), applied through the real ingestion code. For tests, the e2e
// seed and the demo of the recruiter pages, until emulator traffic takes their place.
import type { Db } from "@/lib/db/create-client";
import type { AttemptFacts, DomainEvent } from "@/lib/server/domain/events";
import type { ProviderId } from "@/lib/shared/vocabulary";
import { applyEvents } from "@/lib/server/ingestion/apply-events";

export interface PersonSeed {
  email: string;
  name: string;
}

export interface AttemptSeed {
  provider: ProviderId;
  attemptKey: string;
  candidate: PersonSeed;
  assessment: { externalId: string; name: string; jobTitle?: string | null };
  occurredAt: Date;
  facts: AttemptFacts;
}

export function reported(seed: AttemptSeed): DomainEvent {
  return {
    kind: "attempt.reported",
    occurredAt: seed.occurredAt,
    attemptKey: seed.attemptKey,
    assessment: seed.assessment,
    candidate: seed.candidate,
    facts: seed.facts,
  };
}

/** SmartAI's "assessment.completed" sample: 78/100, pass mark 60, proctoring 88 with 2 violations. */
export function smartAiCompletedFacts(overrides: AttemptFacts = {}): AttemptFacts {
  return {
    status: "completed",
    resultState: "final",
    score: 78,
    maxScore: 100,
    passMark: 60,
    passed: true,
    proctoringScore: 88,
    violationCount: 2,
    recordingUrl: "https://platform.smartai.app/recordings/evt_01J9XYZABC.mp4",
    reportUrl: "https://platform.smartai.app/reports/evt_01J9XYZABC",
    aiFeedback: "Strong grasp of React state management and REST design; weaker on SQL indexing questions.",
    questionAnswers: [
      {
        id: "q1",
        question: "Explain the virtual DOM.",
        answer: "A lightweight copy of the DOM used to diff renders.",
        marks: 10,
        maxMarks: 10,
      },
      {
        id: "q2",
        question: "When would you add a composite index?",
        answer: "When queries filter on several columns together.",
        marks: 4,
        maxMarks: 10,
      },
    ],
    submittedAt: new Date("2026-06-09T10:30:00.000Z"),
    durationSeconds: 45 * 60,
    ...overrides,
  };
}

/** Testlify's "completed" sample: per-test-library sections and its anti-cheating monitor. */
export function testlifyCompletedFacts(overrides: AttemptFacts = {}): AttemptFacts {
  return {
    status: "completed",
    resultState: "final",
    score: 18,
    maxScore: 100,
    gradingBand: "NOT_SUITABLE",
    sections: [
      { name: "Communication", score: 3, maxScore: 10, percentage: 30 },
      { name: "bikram", score: 1, maxScore: 2, percentage: 50 },
    ],
    violationCount: 17,
    proctoringDetails: [
      { kind: "screen_left", label: "Left the assessment screen", value: "17 times", flagged: true },
      { kind: "time_outside", label: "Time spent outside", value: "2 min 37 s", flagged: true },
      { kind: "full_screen", label: "Full screen kept", value: "no", flagged: true },
      { kind: "same_ip", label: "Filled from the same IP", value: "yes", flagged: false },
      { kind: "device", label: "Device", value: "Macintosh PC", flagged: false },
    ],
    reportUrl: "https://cdn-global.net/reports/pdf/assessment-candidate-report/660bad6c1faf955408b86f74.pdf",
    submittedAt: new Date("2024-04-02T07:11:56.311Z"),
    durationSeconds: 300,
    ...overrides,
  };
}

/** The assessment engine's scored test instance: skills with the recommended value. */
export function engineScoredFacts(overrides: AttemptFacts = {}): AttemptFacts {
  return {
    status: "completed",
    resultState: "final",
    score: 74,
    maxScore: 100,
    sections: [
      { name: "Logical Reasoning", skill: "Logic", score: 74, maxScore: 100, percentage: 74, recommended: 70 },
      { name: "Python", skill: "Python", score: 58, maxScore: 100, percentage: 58, recommended: 65 },
    ],
    submittedAt: new Date("2023-11-05T11:00:00Z"),
    durationSeconds: 52 * 60,
    ...overrides,
  };
}

/** The AI video interview: per-answer recordings, traits, and a result that can arrive in parts. */
export function videoInterviewFacts(overrides: AttemptFacts = {}): AttemptFacts {
  return {
    status: "completed",
    resultState: "partial",
    score: 7.5,
    maxScore: 10,
    recordingUrl: "https://video.example.test/interviews/int_42/full.mp4",
    media: [
      { label: "Answer 1: Tell us about yourself", url: "https://video.example.test/interviews/int_42/a1.mp4" },
      { label: "Answer 2: A hard problem you solved", url: "https://video.example.test/interviews/int_42/a2.mp4" },
    ],
    traits: [
      { name: "Communication", score: 8, maxScore: 10, description: "Clear and structured answers." },
      { name: "Confidence", score: null, maxScore: 10, description: "Still being scored." },
    ],
    submittedAt: new Date("2026-06-10T09:00:00Z"),
    durationSeconds: 20 * 60,
    ...overrides,
  };
}

/** Applies events as one delivery would: one transaction, the real ordering rules. */
export async function applyAsDelivery(db: Db, provider: ProviderId, events: DomainEvent[]) {
  return db.$transaction((tx) => applyEvents({ tx, provider, deliveryId: null }, events));
}

export async function applyAttempts(db: Db, seeds: AttemptSeed[]) {
  for (const seed of seeds) await applyAsDelivery(db, seed.provider, [reported(seed)]);
}
