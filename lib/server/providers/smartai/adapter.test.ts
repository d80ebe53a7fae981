import { describe, expect, it } from "vitest";
import { TranslationError, type DomainEvent } from "@/lib/server/domain/events";
import { fixture } from "../../../../tests/support/fixtures";
import { smartAiAdapter } from "./adapter";

const completed = () => fixture("smartai-assessment-completed.json");
const sent = () => fixture("smartai-assessment-sent.json");

function translate(body: unknown) {
  return smartAiAdapter.translate({ body, eventType: null });
}

/** The one event of this kind the delivery makes (a result also defines what its assessment covers). */
function only<K extends DomainEvent["kind"]>(body: unknown, kind: K): Extract<DomainEvent, { kind: K }> {
  const translation = translate(body);
  if (!translation.recognised) throw new Error(`not recognised: ${translation.reason}`);
  const events = translation.events.filter((event) => event.kind === kind);
  expect(events).toHaveLength(1);
  return events[0] as Extract<DomainEvent, { kind: K }>;
}

describe("SmartAI adapter: assessment.sent", () => {
  it("invites every candidate, keyed by assessment and lower-cased email", () => {
    const event = only(sent(), "candidates.invited");
    expect(event.occurredAt.toISOString()).toBe("2026-06-08T09:00:00.000Z");
    expect(event.assessment).toEqual({
      externalId: "asmt_xyz789",
      name: "Full Stack Developer Assessment",
      jobTitle: "Senior Software Engineer",
    });
    expect(event.invitations).toEqual([
      {
        attemptKey: "asmt_xyz789:priya@example.com",
        candidate: { email: "priya@example.com", name: "Priya Sharma", externalId: "cand_abc123" },
        inviteUrl: "https://platform.smartai.app/a/asmt_xyz789",
      },
      {
        attemptKey: "asmt_xyz789:tomas@example.com",
        candidate: { email: "tomas@example.com", name: "Tomás Ortega", externalId: "cand_def456" },
        inviteUrl: "https://platform.smartai.app/a/asmt_xyz789",
      },
    ]);
  });

  it("uses the same attempt key as the completed event, whatever the email's case", () => {
    const body = sent();
    (body.candidates as { email: string }[])[0]!.email = "Priya@Example.COM";
    const invited = only(body, "candidates.invited");
    const reported = only(completed(), "attempt.reported");
    expect(invited.invitations[0]?.attemptKey).toBe(reported.attemptKey);
  });

  it("names the candidate on the delivery only when there is exactly one", () => {
    const body = sent();
    expect(translate(body)).toMatchObject({ recognised: true, candidateEmail: null });
    body.candidates = [{ id: "cand_1", name: "Ana", email: "ana@example.com" }];
    expect(translate(body)).toMatchObject({ recognised: true, candidateEmail: "ana@example.com" });
  });

  it("refuses an invitation without an assessment, a candidate email, or a time", () => {
    const { assessmentId: _assessment, ...withoutAssessment } = sent();
    expect(() => translate(withoutAssessment)).toThrow(TranslationError);
    const withoutEmail = sent();
    (withoutEmail.candidates as Record<string, unknown>[])[1]!.email = null;
    expect(() => translate(withoutEmail)).toThrow(/candidates\.1\.email/);
    const { storedAt: _stored, ...withoutTime } = sent();
    expect(() => translate(withoutTime)).toThrow(/storedAt/);
  });
});

describe("SmartAI adapter: assessment.completed", () => {
  it("reports every field of the sample", () => {
    const event = only(completed(), "attempt.reported");
    expect(event.occurredAt.toISOString()).toBe("2026-06-09T10:30:00.000Z");
    expect(event.attemptKey).toBe("asmt_xyz789:priya@example.com");
    expect(event.candidate).toEqual({ email: "priya@example.com", name: "Priya Sharma", externalId: "cand_abc123" });
    expect(event.assessment.jobTitle).toBe("Senior Software Engineer");
    expect(event.facts).toEqual({
      status: "completed",
      resultState: "final",
      score: 78,
      maxScore: 100,
      passMark: 60,
      passed: true,
      sections: null,
      proctoringScore: 88,
      violationCount: 2,
      proctoringDetails: [
        { kind: "integrity_score", label: "Integrity score", value: "88 / 100", flagged: false },
        { kind: "violations", label: "Proctoring violations", value: "2 violations", flagged: true },
      ],
      recordingUrl: "https://platform.smartai.app/recordings/evt_01J9XYZABC.mp4",
      aiFeedback: "Strong grasp of React state management and REST design; weaker on SQL indexing questions.",
      questionAnswers: [
        {
          id: "q1",
          question: "Explain the virtual DOM.",
          answer: "A lightweight copy of the DOM used to diff renders.",
          marks: 10,
          maxMarks: 10,
          correct: null,
        },
        {
          id: "q2",
          question: "When would you add a composite index?",
          answer: "When queries filter on several columns together.",
          marks: 4,
          maxMarks: 10,
          correct: null,
        },
      ],
      reportUrl: "https://platform.smartai.app/reports/evt_01J9XYZABC",
      submittedAt: new Date("2026-06-09T10:30:00.000Z"),
      durationSeconds: 2700,
    });
  });

  it("gives the skills to the assessment as labels it covers, never as sections waiting for a score", () => {
    const translation = translate(completed());
    if (!translation.recognised) throw new Error(translation.reason);
    expect(translation.events.map((event) => event.kind)).toEqual(["assessment.defined", "attempt.reported"]);
    const definition = only(completed(), "assessment.defined");
    expect(definition.occurredAt.toISOString()).toBe("2026-06-09T10:30:00.000Z");
    expect(definition.assessment).toEqual({
      externalId: "asmt_xyz789",
      name: "Full Stack Developer Assessment",
      jobTitle: "Senior Software Engineer",
      details: { skills: ["JavaScript", "React", "Node.js"] },
    });
    const withoutSkills = completed();
    delete withoutSkills.skills;
    const bare = translate(withoutSkills);
    expect(bare.recognised && bare.events.map((event) => event.kind)).toEqual(["attempt.reported"]);
  });

  it("drops the invite, report and recording links unless they are http(s)", () => {
    const body = completed();
    Object.assign(body, { reportUrl: "javascript:alert(1)", recording: { url: "data:video/mp4;base64,AAAA" } });
    expect(only(body, "attempt.reported").facts).toMatchObject({ reportUrl: null, recordingUrl: null });
    const invitation = sent();
    invitation.assessmentUrl = "javascript:alert(1)";
    expect(only(invitation, "candidates.invited").invitations[0]?.inviteUrl).toBeNull();
  });

  it.each(["recording", "aiFeedback", "durationMinutes", "questionAnswers", "proctoring"])(
    "keeps the result when %s is missing or null, saying null rather than dropping the field",
    (field) => {
      for (const value of [undefined, null]) {
        const body = completed();
        if (value === undefined) delete body[field];
        else body[field] = null;
        const { facts } = only(body, "attempt.reported");
        const expectations: Record<string, (keyof typeof facts)[]> = {
          recording: ["recordingUrl"],
          aiFeedback: ["aiFeedback"],
          durationMinutes: ["durationSeconds"],
          questionAnswers: ["questionAnswers"],
          proctoring: ["proctoringScore", "violationCount", "proctoringDetails"],
        };
        for (const key of expectations[field]!) {
          expect(facts).toHaveProperty(key, null);
        }
        expect(facts.score).toBe(78);
      }
    },
  );

  it("reports a timeout or abandonment as such, final even without a score: nothing more will come", () => {
    const timeout = completed();
    Object.assign(timeout, { status: "timeout", score: 41, passed: false });
    expect(only(timeout, "attempt.reported").facts).toMatchObject({
      status: "timeout",
      resultState: "final",
      passed: false,
    });

    const abandoned = completed();
    Object.assign(abandoned, { status: "abandoned", score: null, passed: null });
    expect(only(abandoned, "attempt.reported").facts).toMatchObject({
      status: "abandoned",
      resultState: "final",
      score: null,
      passed: null,
    });
  });

  it("decides pass/fail from the pass mark only when the platform does not say", () => {
    const body = completed();
    delete body.passed;
    body.score = 59;
    expect(only(body, "attempt.reported").facts.passed).toBe(false);
  });

  it("falls back to storedAt when submittedAt is missing", () => {
    const body = completed();
    delete body.submittedAt;
    const event = only(body, "attempt.reported");
    expect(event.occurredAt.toISOString()).toBe("2026-06-09T10:31:00.000Z");
    expect(event.facts.submittedAt).toBeNull();
  });

  it("refuses a result that does not say whose it is or for which assessment", () => {
    const withoutEmail = completed();
    delete withoutEmail.candidateEmail;
    expect(() => translate(withoutEmail)).toThrow(TranslationError);
    const withoutAssessment = completed();
    withoutAssessment.assessmentId = null;
    expect(() => translate(withoutAssessment)).toThrow(/assessmentId/);
    const unknownStatus = completed();
    unknownStatus.status = "paused";
    expect(() => translate(unknownStatus)).toThrow(/status/);
  });
});

describe("SmartAI adapter: other events", () => {
  it("keeps an unknown event as unrecognised", () => {
    expect(translate({ ...completed(), event: "assessment.archived" })).toEqual({
      recognised: false,
      eventType: "assessment.archived",
      reason: 'unknown SmartAI event "assessment.archived"',
    });
  });

  it("keeps a body without an event as unrecognised", () => {
    expect(translate({ hello: "world" })).toMatchObject({ recognised: false, eventType: null });
    expect(translate([1, 2])).toMatchObject({ recognised: false, eventType: null });
  });
});
