import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AttemptDetail } from "@/lib/server/results/candidate-detail";
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
    job: null,
    timeline: [],
    timelineTotal: 0,
    ...overrides,
  };
}

const render = (detail: AttemptDetail, share?: string) =>
  renderToStaticMarkup(createElement(AttemptSection, { attempt: detail, share }));

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

  it("leaves a marked place for report sharing", () => {
    expect(render(attempt(), "SHARE-CONTROLS")).toContain('<div data-slot="share">SHARE-CONTROLS</div>');
  });
});
