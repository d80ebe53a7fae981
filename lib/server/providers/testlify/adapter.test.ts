import { describe, expect, it } from "vitest";
import { TranslationError, type DomainEvent } from "@/lib/server/domain/events";
import { fixture } from "../../../../tests/support/fixtures";
import { testlifyAdapter } from "./adapter";
import { testlifyEventType } from "./event-type";

const receivedAt = new Date("2024-04-02T08:00:00.000Z");
type Body = { data: Record<string, unknown> } & Record<string, unknown>;
const sample = (name: string) => fixture<Body>(`testlify-${name}.json`);

function translate(body: unknown) {
  return testlifyAdapter.translate({ body, eventType: testlifyEventType(body), receivedAt });
}

function only<K extends DomainEvent["kind"]>(body: unknown, kind: K): Extract<DomainEvent, { kind: K }> {
  const translation = translate(body);
  if (!translation.recognised) throw new Error(`not recognised: ${translation.reason}`);
  expect(translation.events).toHaveLength(1);
  expect(translation.events[0]?.kind).toBe(kind);
  return translation.events[0] as Extract<DomainEvent, { kind: K }>;
}

const attemptKey = "660bab8d6094c041d799deac:candidate@example.com";

describe("Testlify adapter: candidate status changes", () => {
  it("INVITED invites the candidate at Testlify's timestamp, with the invite link", () => {
    const event = only(sample("invited"), "candidates.invited");
    expect(event.occurredAt.getTime()).toBe(1712041324323);
    expect(event.assessment).toEqual({
      externalId: "660bab8d6094c041d799deac",
      name: "Job Analysis Specialist",
      jobTitle: null,
    });
    expect(event.invitations).toEqual([
      {
        attemptKey,
        candidate: { email: "candidate@example.com", name: "Birkam Ghosh", externalId: "65c31870d88dd11e3e3c6ebd" },
        inviteUrl: expect.stringMatching(/^https:\/\/candidate\.testlify\.com\/candidate\/assessment\/invite\?key=/),
        invitedAt: new Date("2024-04-02T07:02:04.240Z"),
      },
    ]);
  });

  it.each([
    ["enrolled", "enrolled", 1712041370916],
    ["in-progress", "in_progress", 1712041409680],
  ])("%s reports the attempt as %s with no score yet", (name, status, timestamp) => {
    const event = only(sample(name), "attempt.reported");
    expect(event.occurredAt.getTime()).toBe(timestamp);
    expect(event.attemptKey).toBe(attemptKey);
    expect(event.facts).toMatchObject({
      status,
      resultState: "pending",
      score: null,
      maxScore: null,
      submittedAt: null,
    });
    // "resultLink": "null" is Testlify's way of saying there is no report yet.
    expect(event.facts.reportUrl).toBeNull();
  });

  it("IN_PROGRESS lists the test libraries without counting unfinished zeros as scores", () => {
    const event = only(sample("in-progress"), "attempt.reported");
    const unfinished = { score: null, maxScore: null, percentage: null, durationSeconds: null, completedAt: null };
    expect(event.facts.sections).toEqual([
      { name: "Communication", ...unfinished },
      { name: "bikram", ...unfinished },
    ]);
    expect(event.facts.violationCount).toBe(0);
    // Testlify sends no start time: the in-progress event's own time is when the candidate began.
    expect(event.facts.startedAt?.getTime()).toBe(1712041409680);
    expect(event.facts.details).toBeUndefined();
  });

  it("COMPLETED carries the score, per-library sections, proctoring, report and duration", () => {
    const event = only(sample("completed"), "attempt.reported");
    expect(event.occurredAt.getTime()).toBe(1712041931149);
    expect(event.facts).toMatchObject({
      status: "completed",
      resultState: "final",
      score: 18,
      maxScore: 100,
      reportUrl: "https://cdn-global.net/reports/pdf/assessment-candidate-report/660bad6c1faf955408b86f74.pdf",
      submittedAt: new Date("2024-04-02T07:11:56.311Z"),
      invitedAt: new Date("2024-04-02T07:02:04.240Z"),
      durationSeconds: 300,
      sections: [
        {
          name: "Communication",
          score: 3,
          maxScore: null,
          percentage: 30,
          durationSeconds: 315,
          completedAt: "2024-04-02T07:08:50.158Z",
        },
        {
          name: "bikram",
          score: 1,
          maxScore: null,
          percentage: 50,
          durationSeconds: 6,
          completedAt: "2024-04-02T07:09:01.763Z",
        },
      ],
      media: [
        {
          label: "Candidate page on Testlify",
          url: expect.stringContaining("autoremindercheck.testlify.com"),
          kind: "link",
        },
      ],
      // 14 of 32 points over 12 questions; a rating of 0 and an empty remark mean "not reviewed".
      details: { totals: { achieved: 14, possible: 32, questionCount: 12 }, review: null },
    });
    expect(event.facts.startedAt).toBeUndefined();
    // 17 screen exits, plus full screen left and mouse outside the window; no score invented.
    expect(event.facts.violationCount).toBe(19);
    expect(event.facts.proctoringScore).toBeUndefined();
    const details = Object.fromEntries((event.facts.proctoringDetails ?? []).map((detail) => [detail.kind, detail]));
    expect(details).toMatchObject({
      screen_left: { value: "17 times", flagged: true },
      time_outside: { value: "2 min 37 s", flagged: true },
      full_screen: { value: "left full screen", flagged: true },
      mouse_in_window: { value: "left the window", flagged: true },
      same_ip: { value: "yes", flagged: false },
      microphone: { value: "off", flagged: false },
      location: { value: "Kalyan, Maharashtra, India", flagged: false },
    });
    expect(JSON.stringify(details)).not.toContain("Sai Shraddha");
  });

  it("a reviewed result carries the rating and remark", () => {
    const body = sample("completed");
    Object.assign(body.data, { reviewRating: 4, reviewRemark: "Strong on escalation; slow on tooling." });
    expect(only(body, "attempt.reported").facts.details?.review).toEqual({
      rating: 4,
      remark: "Strong on escalation; slow on tooling.",
    });
  });

  it("captured screen and webcam stills become full links under their base path; other schemes are dropped", () => {
    const body = sample("completed");
    Object.assign(body.data, {
      capturedScreenImageBasePath: "https://cdn.testlify.com/proctoring/660bad6c",
      capturedScreenImages: [
        "screen/1712041500000.png",
        { image: "webcam/1712041600000.jpg", capturedAt: "2024-04-02T07:06:40.000Z" },
        "javascript:alert(1)",
        "https://other.example.com/full.png",
      ],
    });
    const snapshots = (only(body, "attempt.reported").facts.media ?? []).filter((item) => item.kind === "snapshot");
    expect(snapshots).toEqual([
      {
        label: "Snapshot 1",
        url: "https://cdn.testlify.com/proctoring/660bad6c/screen/1712041500000.png",
        kind: "snapshot",
      },
      {
        label: "Snapshot 2 (2024-04-02T07:06:40.000Z)",
        url: "https://cdn.testlify.com/proctoring/660bad6c/webcam/1712041600000.jpg",
        kind: "snapshot",
      },
      { label: "Snapshot 4", url: "https://other.example.com/full.png", kind: "snapshot" },
    ]);
  });

  it("a score update resolves its relative resultLink and keeps earlier section scores and proctoring", () => {
    const event = only(sample("score-updated"), "attempt.reported");
    expect(event.occurredAt.getTime()).toBe(1712042625525);
    expect(event.facts).toMatchObject({ status: "rejected", score: 27, maxScore: 100, resultState: "final" });
    expect(event.facts.reportUrl).toBe(
      "https://cdn-global.net/reports/pdf/assessment-candidate-report/660bad6c1faf955408b86f74.pdf",
    );
    // The payload lists the libraries without scores and has no monitor: it says nothing about them.
    expect(event.facts.sections).toBeUndefined();
    expect(event.facts.proctoringDetails).toBeUndefined();
    expect(event.facts.violationCount).toBeUndefined();
  });

  it("DISQUALIFIED has no timestamp: ordered by completedAt, with the qualification answers", () => {
    const event = only(sample("disqualified-rejected"), "attempt.reported");
    expect(event.occurredAt.toISOString()).toBe("2023-09-27T14:17:30.212Z");
    expect(event.attemptKey).toBe("65143928292e257bf648053d:candidate@example.com");
    expect(event.facts).toMatchObject({ status: "disqualified", resultState: "final", score: null });
    expect(event.facts.questionAnswers).toEqual([
      {
        id: "6514393f2fc1b9b072500c50",
        question: "Do you have passport?",
        answer: "No",
        marks: 0,
        maxMarks: null,
        correct: false,
      },
    ]);
  });

  it("INVITATION_EXPIRED has neither event nor type nor candidateId: recognised by its status, keyed by email", () => {
    const body = sample("invitation-expired");
    expect(testlifyEventType(body)).toBe("candidate.invitation_expired");
    const translation = translate(body);
    expect(translation).toMatchObject({
      recognised: true,
      eventType: "candidate.invitation_expired",
      candidateEmail: "candidate@example.com",
    });
    const event = only(body, "attempt.reported");
    expect(event.attemptKey).toBe("63ce0ce2fcd5d500044e5aea:candidate@example.com");
    expect(event.assessment.name).toBe("Test Assessment");
    expect(event.facts).toMatchObject({ status: "expired", resultState: "final" });
    // Expiry carries no time of its own; an earlier date would lose to the invitation before it.
    expect(event.occurredAt).toEqual(receivedAt);
  });
});

describe("Testlify adapter: assessment events", () => {
  it("created: draft, job role as the job title, grading bands", () => {
    const event = only(sample("assessment-created"), "assessment.defined");
    expect(event.occurredAt).toEqual(receivedAt);
    expect(event.assessment).toMatchObject({
      externalId: "660bab8d6094c041d799deac",
      name: "Job Analysis Specialist",
      jobTitle: "Job Analysis Specialist",
      lifecycle: "draft",
      sections: undefined,
    });
    expect(event.assessment.gradingBands).toHaveLength(6);
    expect(event.assessment.gradingBands?.[4]).toEqual({ name: "EXPERT", min: 76, max: 90, color: "#499ff7" });
  });

  it("updated: published, test libraries with their skills as sections, custom questions in details", () => {
    const event = only(sample("assessment-updated"), "assessment.defined");
    expect(event.assessment.lifecycle).toBe("published");
    expect(event.assessment.sections).toEqual([
      {
        id: "632065671a23bc7a0766fd63",
        name: "Communication",
        skills: ["Behavior", "Leadership", "Punctuality", "Support", "Team Management"],
      },
      {
        id: "65aa784ffb226bebe177f0a9",
        name: "bikram",
        skills: ["bik", "bs", "HubSpot", "System analysis & design with architecture"],
      },
    ]);
    const details = event.assessment.details as {
      customQuestions: unknown[];
      timeLimitSeconds: number;
      tests: unknown[];
    };
    expect(details.timeLimitSeconds).toBe(2700);
    expect(details.customQuestions).toHaveLength(3);
    expect(details.customQuestions[1]).toEqual({
      id: "660bac976094c05bb899ded1",
      question: "What are your weaknesses?",
      answerType: "WRITTEN_ANSWER",
      maxScore: 5,
      timeLimitSeconds: 300,
      mandatory: false,
    });
    expect(details.tests[0]).toMatchObject({
      name: "Communication",
      type: "Situational Judgement",
      level: "Intermediate",
      timeLimitSeconds: 600,
    });
  });

  it.each([
    ["assessment-deleted", "deleted"],
    ["assessment-archived", "archived"],
  ])("%s → lifecycle %s (the event decides, whatever isArchived says)", (name, lifecycle) => {
    const event = only(sample(name), "assessment.defined");
    expect(event.assessment.lifecycle).toBe(lifecycle);
  });

  it("a band color that is not a plain hex color is dropped, the band kept", () => {
    const body = sample("assessment-created");
    (body.data.grading as Record<string, unknown>[])[0]!.color = "red;background:url(https://evil.example/x)";
    const event = only(body, "assessment.defined");
    expect(event.assessment.gradingBands?.[0]).toEqual({ name: "NOT_SUITABLE", min: 0, max: 25, color: null });
  });

  it("archived without grading says nothing about the bands", () => {
    const event = only(sample("assessment-archived"), "assessment.defined");
    expect(event.assessment).toMatchObject({ name: "Video Content Marketer", jobTitle: "Video Content Marketer" });
    expect(event.assessment.gradingBands).toBeUndefined();
  });
});

describe("Testlify adapter: what it cannot use", () => {
  it("an unknown event, type or status is unrecognised, with the reason", () => {
    expect(
      translate({
        type: "candidate",
        event: "shortlisted",
        data: { ...sample("completed").data, candidateStatus: "SHORTLISTED" },
      }),
    ).toMatchObject({
      recognised: false,
      reason: 'unknown Testlify candidate status "SHORTLISTED"',
    });
    expect(translate({ ...sample("assessment-created"), event: "cloned" })).toMatchObject({
      recognised: false,
      eventType: "assessment.cloned",
    });
    expect(translate({ type: "billing", event: "invoice", data: {} })).toMatchObject({ recognised: false });
    expect(translate({ hello: "world" })).toMatchObject({ recognised: false, eventType: null });
    expect(translate([1, 2, 3])).toMatchObject({ recognised: false });
  });

  it("a candidate event without an email or assessment id fails with the field named", () => {
    const body = sample("completed");
    delete body.data.email;
    expect(() => translate(body)).toThrow(TranslationError);
    expect(() => translate(body)).toThrow(/email is missing/);
    const noAssessment = sample("completed");
    noAssessment.data.assessmentId = "";
    expect(() => translate(noAssessment)).toThrow(/assessmentId is empty/);
  });

  it("fields of the wrong type become null instead of failing", () => {
    const body = sample("completed");
    Object.assign(body.data, {
      avgScorePercentage: "42",
      totalTestElapsedTime: "a while",
      testLibrary: "none",
      antiCheatingMonitor: [1, 2],
      qualificationQuestions: { not: "a list" },
      resultLink: { href: "https://example.com" },
      completedAt: "yesterday-ish",
      firstName: { nested: true },
    });
    const event = only(body, "attempt.reported");
    expect(event.facts).toMatchObject({
      score: 42,
      durationSeconds: null,
      sections: undefined,
      violationCount: undefined,
      submittedAt: null,
    });
    expect(event.facts.reportUrl).toBeNull();
    expect(event.candidate.name).toBe("Ghosh");
  });

  it("links that are not http(s) are dropped; provider text stays text", () => {
    const body = sample("completed");
    Object.assign(body.data, {
      resultLink: "javascript:alert(document.cookie)",
      candidateDetailLink: "data:text/html,<script>alert(1)</script>",
      firstName: "<img src=x onerror=alert(1)>",
    });
    const event = only(body, "attempt.reported");
    expect(event.facts.reportUrl).toBeNull();
    expect(event.facts.media).toBeUndefined();
    expect(event.candidate.name).toBe("<img src=x onerror=alert(1)> Ghosh");
  });

  it("without timestamp or any date, a candidate event falls back to its arrival, and fails without one", () => {
    const body = sample("enrolled");
    delete body.timestamp;
    body.data.invitedAt = null;
    expect(only(body, "attempt.reported").occurredAt).toEqual(receivedAt);
    expect(() => testlifyAdapter.translate({ body, eventType: null })).toThrow(/no timestamp/);
  });
});
