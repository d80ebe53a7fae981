import { describe, expect, it } from "vitest";
import { fixture } from "../../../../tests/support/fixtures";
import { TranslationError, type DomainEvent, type Translation } from "../../domain/events";
import { INVITATION_STATUS_READ, assessmentDefined, invitationsSent, videoAdapter } from "./adapter";
import { assessmentSchema, invitationSchema } from "./schemas";

function reportedOf(translation: Translation) {
  if (!translation.recognised) throw new Error(`not recognised: ${translation.reason}`);
  const [event] = translation.events;
  if (event?.kind !== "attempt.reported") throw new Error("expected one attempt.reported event");
  return event;
}

const translate = (body: unknown, eventType: string | null = null) => videoAdapter.translate({ body, eventType });

describe("video adapter", () => {
  it("interview.started: the attempt is in progress, keyed by the invitation id, at the event's time", () => {
    const body = fixture<any>("video-interview-started.json");
    const event = reportedOf(translate(body, "interview.started"));
    expect(event.attemptKey).toBe(body.data.id);
    expect(event.occurredAt).toEqual(new Date(body.timestamp));
    expect(event.assessment).toEqual({
      externalId: body.data.assessment.id,
      name: "Customer Success screening",
      jobTitle: "Customer Success Manager",
    });
    expect(event.candidate).toMatchObject({
      email: "ada@example.com",
      name: "Ada Lovelace",
      externalId: body.data.candidate.id,
    });
    expect(event.facts).toMatchObject({
      status: "in_progress",
      resultState: "pending",
      startedAt: new Date(body.data.startedAt),
    });
  });

  it("interview.partially_scored: submitted, with the scores known so far and no overall score yet", () => {
    const event = reportedOf(translate(fixture("video-interview-partially-scored.json")));
    expect(event.facts).toMatchObject({
      status: "completed",
      resultState: "partial",
      score: null,
      traits: null,
      gradingBand: null,
    });
    const answers = event.facts.questionAnswers!;
    expect(answers).toHaveLength(3);
    expect(answers[0]).toMatchObject({ id: "q_1", marks: 4, maxMarks: 5 });
    expect(answers[1]).toMatchObject({ id: "q_2", marks: null, answer: null });
    expect(event.facts.media).toHaveLength(3);
  });

  it("interview.completed: score, per-question scores with recordings, traits, transcript and recording", () => {
    const body = fixture<any>("video-interview-completed.json");
    const { facts } = reportedOf(translate(body));
    const result = body.data.result;
    expect(facts).toMatchObject({
      status: "completed",
      resultState: "final",
      score: result.overallScore,
      maxScore: 100,
      gradingBand: "Advance",
      aiFeedback: result.summary,
      transcript: result.transcript,
      recordingUrl: result.recordingUrl,
      reportUrl: result.reportUrl,
      submittedAt: new Date(body.data.submittedAt),
    });
    expect(facts.questionAnswers!.map((answer) => answer.marks)).toEqual(
      result.answers.map((answer: any) => answer.score),
    );
    expect(facts.questionAnswers![0]!.recordingUrl).toBe(result.answers[0].recordingUrl);
    expect(facts.media![0]).toEqual({
      label: `Answer 1: ${result.answers[0].question}`,
      url: result.answers[0].recordingUrl,
      kind: "recording",
    });
    expect(facts.questionAnswers!.map((answer) => answer.status)).toEqual(result.answers.map(() => "scored"));
    expect(facts.details).toEqual({ completedAt: body.data.completedAt, expiredAt: null });
    expect(facts.traits).toEqual(
      result.traits.map((trait: any) => ({
        name: trait.name,
        score: trait.score,
        maxScore: 100,
        description: trait.description,
      })),
    );
    expect(facts.durationSeconds).toBe(
      result.answers.reduce((sum: number, answer: any) => sum + answer.durationSeconds, 0),
    );
  });

  it("invitation.expired: expired and final, with the time it lapsed", () => {
    const body = fixture<any>("video-invitation-expired.json");
    const event = reportedOf(translate(body));
    expect(event.facts).toMatchObject({ status: "expired", resultState: "final" });
    expect(event.facts.details).toEqual({ completedAt: null, expiredAt: body.data.expiredAt });
  });

  it("an answer still being scored, or whose scoring failed, says so; nothing recorded is not answered", () => {
    const body = fixture<any>("video-interview-partially-scored.json");
    const answers = body.data.result.answers;
    answers[2].status = "failed";
    answers.push({ ...answers[1], questionId: "q_4", recordingUrl: null, transcript: null, score: null });
    const { facts } = reportedOf(translate(body));
    expect(facts.resultState).toBe("partial");
    expect(facts.questionAnswers!.map((answer) => answer.status)).toEqual([
      "scored",
      "scoring",
      "scoring_failed",
      "unanswered",
    ]);
  });

  it("keeps an unknown event type or shape as unrecognised, with the reason", () => {
    const unknown = translate({
      ...fixture<Record<string, unknown>>("video-interview-started.json"),
      type: "interview.reviewed",
    });
    expect(unknown).toMatchObject({ recognised: false, eventType: "interview.reviewed" });
    expect(translate({ hello: "world" })).toMatchObject({ recognised: false, reason: expect.stringContaining("type") });
  });

  it("refuses a known event whose invitation cannot be used, naming the field", () => {
    const body = fixture<any>("video-interview-completed.json");
    body.data.candidate.email = "not-an-email";
    expect(() => translate(body)).toThrow(TranslationError);
    expect(() => translate(body)).toThrow(/candidate\.email/);
    const noResult = fixture<any>("video-interview-completed.json");
    noResult.data.result = null;
    expect(() => translate(noResult)).toThrow(/no result/);
  });

  it("drops links that are not http(s), so they never become an href", () => {
    const body = fixture<any>("video-interview-completed.json");
    body.data.result.recordingUrl = "javascript:alert(1)";
    body.data.result.answers[0].recordingUrl = "data:text/html,<script>";
    const { facts } = reportedOf(translate(body));
    expect(facts.recordingUrl).toBeNull();
    expect(facts.questionAnswers![0]!.recordingUrl).toBeNull();
    expect(facts.media!.every((item) => item.url.startsWith("https://"))).toBe(true);
  });

  it("an invitation read from the status endpoint is ordered by its updatedAt", () => {
    const invitation = fixture<any>("video-interview-completed.json").data;
    const event = reportedOf(translate(invitation, INVITATION_STATUS_READ));
    expect(event.occurredAt).toEqual(new Date(invitation.updatedAt));
    expect(event.facts).toMatchObject({ status: "completed", resultState: "final" });
    const invited = { ...invitation, status: "invited", result: null, startedAt: null, submittedAt: null };
    expect(reportedOf(translate(invited, INVITATION_STATUS_READ)).facts).toEqual({
      status: "invited",
      resultState: "pending",
      invitedAt: new Date(invitation.invitedAt),
    });
  });

  it("our own create and invite answers become the assessment definition and invitations", () => {
    const invitation = invitationSchema.parse(fixture<any>("video-interview-started.json").data);
    const assessment = assessmentSchema.parse({
      id: invitation.assessment.id,
      title: "Customer Success screening",
      jobTitle: "Customer Success Manager",
      answerTimeSeconds: 120,
      questions: [{ id: "q_1", text: "Why us?", answerTimeSeconds: 120 }],
      createdAt: "2026-03-02T09:00:00.000Z",
      updatedAt: "2026-03-02T09:00:00.000Z",
    });
    const defined = assessmentDefined(assessment) as Extract<DomainEvent, { kind: "assessment.defined" }>;
    expect(defined.assessment).toMatchObject({ externalId: assessment.id, jobTitle: "Customer Success Manager" });
    expect(defined.assessment.details).toMatchObject({ questions: [{ id: "q_1", text: "Why us?" }] });

    const [sent] = invitationsSent([invitation]) as Extract<DomainEvent, { kind: "candidates.invited" }>[];
    expect(sent!.occurredAt).toEqual(new Date(invitation.invitedAt));
    expect(sent!.invitations).toEqual([
      expect.objectContaining({
        attemptKey: invitation.id,
        providerInvitationId: invitation.id,
        inviteUrl: invitation.candidateUrl,
      }),
    ]);
  });
});
