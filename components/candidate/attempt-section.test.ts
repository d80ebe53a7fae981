import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AttemptDetail } from "@/lib/server/results/candidate-detail";
import { assessmentCoverage } from "@/lib/server/results/assessment-coverage";
import { TimeZoneProvider } from "@/components/time-zone";
import { AttemptSection } from "./attempt-section";

function attempt(overrides: Partial<AttemptDetail> = {}): AttemptDetail {
  return {
    id: "att_1",
    provider: "smartai",
    status: "completed",
    resultState: "final",
    score: 78,
    maxScore: 100,
    passMark: 60,
    passed: true,
    gradingBand: null,
    gradingBandColor: null,
    sections: [],
    proctoringScore: 88,
    violationCount: 2,
    proctoringDetails: [],
    integrityFlagged: true,
    recordingUrl: "https://platform.smartai.app/recordings/evt_01J9XYZABC.mp4",
    media: [],
    reportUrl: "https://platform.smartai.app/reports/evt_01J9XYZABC",
    aiFeedback: "Strong grasp of React.",
    questionAnswers: [],
    traits: [],
    transcript: null,
    invitedAt: null,
    startedAt: null,
    submittedAt: new Date("2026-06-09T10:30:00.000Z"),
    durationSeconds: 2700,
    updatedAt: new Date("2026-06-09T10:31:00.000Z"),
    assessmentName: "Full Stack Developer Assessment",
    assessmentLifecycle: "published",
    coverage: assessmentCoverage(null, null),
    details: {},
    inviteUrl: null,
    inviteExpiresAt: null,
    mediaReceivedAt: null,
    loadedAt: new Date("2026-06-10T00:00:00.000Z"),
    job: null,
    timeline: [],
    timelineTotal: 0,
    ...overrides,
  };
}

const render = (detail: AttemptDetail, share?: string) =>
  renderToStaticMarkup(createElement(AttemptSection, { attempt: detail, share, timeZone: "UTC" }));

// As the app renders it: the page hands server components the user's zone, the layout's provider
// hands it to client components (the recording player, the snapshot gallery).
const renderIn = (timeZone: string, detail: AttemptDetail) =>
  renderToStaticMarkup(
    createElement(TimeZoneProvider, { timeZone }, createElement(AttemptSection, { attempt: detail, timeZone })),
  );

describe("AttemptSection", () => {
  it("shows provider text as text: a script in AI feedback, answers or labels never becomes markup", () => {
    const html = render(
      attempt({
        aiFeedback: "<script>alert('feedback')</script>",
        assessmentName: "<img src=x onerror=alert(1)>",
        questionAnswers: [{ id: "q1", question: "<b>Why?</b>", answer: "<script>alert('answer')</script>" }],
        proctoringDetails: [{ kind: "x", label: "<i>tab</i>", value: "<u>17</u>", flagged: true }],
      }),
    );
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>/);
    expect(html).toContain("&lt;script&gt;alert(&#x27;feedback&#x27;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("plays the recording in place with a direct link beside it", () => {
    const html = render(attempt());
    expect(html).toContain('<video src="https://platform.smartai.app/recordings/evt_01J9XYZABC.mp4"');
    expect(html).toContain('href="https://platform.smartai.app/recordings/evt_01J9XYZABC.mp4"');
    expect(html).toContain("Provider report");
  });

  it("drops links that are not web addresses", () => {
    const html = render(
      attempt({
        recordingUrl: "javascript:alert(1)",
        reportUrl: "data:text/html,<script>alert(1)</script>",
        media: [{ label: "Answer 1", url: "javascript:alert(2)" }],
      }),
    );
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("data:text");
    expect(html).not.toContain("<video");
  });

  it("draws a provider's band color only when it is a plain hex color (no injected declarations)", () => {
    const attack = "red;position:fixed;inset:0;background:url(http://127.0.0.1:9/b)";
    const injected = render(attempt({ gradingBand: "EXPERT", gradingBandColor: attack }));
    expect(injected).toMatch(/<span class="rounded-full border [^"]*">expert<\/span>/);
    expect(injected).not.toMatch(/position:|inset:|url\(|127\.0\.0\.1/);

    const plain = render(attempt({ gradingBand: "EXPERT", gradingBandColor: "#499FF7" }));
    expect(plain).toContain('style="border-color:#499ff7;color:#499ff7"');
  });

  it("says where each answer stands: scored, being scored, scoring failed, not answered", () => {
    const html = render(
      attempt({
        provider: "video",
        resultState: "partial",
        questionAnswers: [
          { id: "q1", question: "One", answer: "Said a lot", marks: 4, maxMarks: 5, status: "scored" },
          { id: "q2", question: "Two", answer: null, recordingUrl: "https://v.test/q2.mp4", status: "scoring" },
          {
            id: "q3",
            question: "Three",
            answer: null,
            recordingUrl: "https://v.test/q3.mp4",
            status: "scoring_failed",
          },
          { id: "q4", question: "Four", answer: null, status: "unanswered" },
        ],
      }),
    );
    expect([...html.matchAll(/data-answer-state="([a-z_]+)"/g)].map((match) => match[1])).toEqual([
      "scored",
      "scoring",
      "scoring_failed",
      "unanswered",
    ]);
    expect(html).toContain("Answer received; the provider is still scoring it.");
    expect(html).toContain("Answer received; the provider could not score it.");
    expect(html.match(/No answer recorded/g)).toBeNull();
  });

  it("shows sections with percentile, evaluator remarks, ordinal labels and time spent", () => {
    const html = render(
      attempt({
        sections: [
          {
            name: "Logical Reasoning",
            score: 64,
            maxScore: 100,
            percentage: 64,
            percentile: 87,
            remarks: "Careful reasoning.",
            durationSeconds: 315,
          },
          { name: "Python", score: null, maxScore: null, percentage: null, label: "Advanced" },
        ],
      }),
    );
    expect(html).toContain("87th percentile");
    expect(html).toContain("Careful reasoning.");
    expect(html).toContain("Advanced");
    expect(html).toContain("time 5 min");
    expect(html).not.toContain("No score yet");
  });

  it("draws no /100 bar for a score without a scale", () => {
    const html = render(attempt({ score: 74, maxScore: null, passMark: null }));
    expect(html).not.toContain("/ 100");
    expect(html).toContain("does not say what this score is out of");
  });

  it("shows review, totals, consent, snapshots opening full size, and the invite link for an invited candidate", () => {
    const html = render(
      attempt({
        status: "invited",
        resultState: "pending",
        score: null,
        inviteUrl: "https://candidate.testlify.com/invite?key=abc",
        details: {
          totals: { achieved: 14, possible: 32, questionCount: 12 },
          review: { rating: 4, remark: "Strong on escalation." },
          consent: { terms: true, recording: false },
        },
        media: [
          { label: "Snapshot 1", url: "https://cdn.testlify.com/p/1.png", kind: "snapshot" },
          { label: "Snapshot 2", url: "javascript:alert(1)", kind: "snapshot" },
        ],
      }),
    );
    expect(html).toContain("14 / 32");
    expect(html).toContain("Strong on escalation.");
    expect(html).toContain("not accepted");
    expect(html).toContain('href="https://cdn.testlify.com/p/1.png" target="_blank"');
    expect(html).toContain('<img src="https://cdn.testlify.com/p/1.png"');
    expect(html).not.toContain("javascript:");
    expect(html).toContain('value="https://candidate.testlify.com/invite?key=abc"');
    expect(html).toContain("Copy");
  });

  it("marks an attempt at a withdrawn assessment and lists what an assessment covers as labels", () => {
    const html = render(
      attempt({
        assessmentLifecycle: "archived",
        coverage: assessmentCoverage(null, { skills: ["JavaScript", "React"], language: "en" }),
      }),
    );
    expect(html).toContain("Assessment archived");
    expect(html).toContain("What this assessment covers");
    expect(html).toMatch(/<li[^>]*>JavaScript<\/li>/);
  });

  it("says when media links arrived, and marks a signed link past its expiry", () => {
    const signed = "https://b.s3.amazonaws.com/r.mp4?X-Amz-Date=20260609T103000Z&X-Amz-Expires=3600&X-Amz-Signature=ab";
    const html = render(
      attempt({
        recordingUrl: signed,
        mediaReceivedAt: new Date("2026-06-09T10:31:00.000Z"),
        media: [{ label: "Snapshot 1", url: "https://cdn.testlify.com/p/1.png?Expires=1790000000", kind: "snapshot" }],
      }),
    );
    expect(html).toContain("Link received 9 Jun 2026, 10:31 UTC; expired 9 Jun 2026, 11:30 UTC");
    expect(html).toContain("Links received 9 Jun 2026, 10:31 UTC");
    // 1790000000 is in September 2026, after the page was read: the still is shown, not marked expired.
    expect(html).toContain('<img src="https://cdn.testlify.com/p/1.png?Expires=1790000000"');
  });

  it("writes every time in the viewer's zone and names it, in server and client parts alike", () => {
    const signed = "https://b.s3.amazonaws.com/r.mp4?X-Amz-Date=20260609T103000Z&X-Amz-Expires=3600&X-Amz-Signature=ab";
    const html = renderIn(
      "America/New_York",
      attempt({
        recordingUrl: signed,
        mediaReceivedAt: new Date("2026-06-09T10:31:00.000Z"),
        details: { scoredAt: "2026-12-14T00:41:00.000Z" },
        timeline: [
          {
            id: "chg_1",
            provider: "smartai",
            outcome: "applied",
            summary: "Completed",
            recordedAt: new Date("2026-06-09T10:30:30.000Z"),
            occurredAt: new Date("2026-06-09T10:30:00.000Z"),
          },
        ],
        timelineTotal: 1,
      }),
    );
    // Server component facts: summer time (UTC-4) in June, standard time (UTC-5) in December.
    expect(html).toContain("9 Jun 2026, 06:30 America/New_York");
    expect(html).toContain("13 Dec 2026, 19:41 America/New_York");
    // The timeline keeps the UTC instant for machines beside the local text.
    expect(html).toContain('<time dateTime="2026-06-09T10:30:30.000Z"');
    // Client component (recording player), from the provider's zone.
    expect(html).toContain(
      "Link received 9 Jun 2026, 06:31 America/New_York; expired 9 Jun 2026, 07:30 America/New_York",
    );
    expect(html).not.toContain(" UTC");
  });

  it("leaves a marked place for report sharing", () => {
    expect(render(attempt(), "SHARE-CONTROLS")).toContain('<div data-slot="share">SHARE-CONTROLS</div>');
  });
});
