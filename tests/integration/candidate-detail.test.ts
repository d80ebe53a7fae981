import { beforeAll, expect, it } from "vitest";
import { loadCandidateDetail } from "@/lib/server/results/candidate-detail";
import { describeEachDatabase } from "../support/databases";
import {
  applyAttempts,
  engineScoredFacts,
  smartAiCompletedFacts,
  testlifyCompletedFacts,
  videoInterviewFacts,
  type AttemptSeed,
} from "../support/result-events";

const priya = { email: "Priya@Example.com", name: "Priya Sharma" };
const smartai: AttemptSeed = {
  provider: "smartai",
  attemptKey: "asmt_xyz789:cand_abc123",
  candidate: priya,
  assessment: {
    externalId: "asmt_xyz789",
    name: "Full Stack Developer Assessment",
    jobTitle: "Senior Software Engineer",
  },
  occurredAt: new Date("2026-06-09T10:31:00Z"),
  facts: smartAiCompletedFacts({ aiFeedback: "<script>alert('x')</script> Strong React." }),
};

describeEachDatabase("candidate detail", (getDb) => {
  let candidateId: string;

  beforeAll(async () => {
    const db = getDb();
    await applyAttempts(db, [
      {
        ...smartai,
        occurredAt: new Date("2026-06-09T10:00:00Z"),
        facts: { status: "invited", resultState: "pending" },
      },
      smartai,
      // The same delivery again, then one older than what is shown.
      smartai,
      { ...smartai, occurredAt: new Date("2026-06-09T09:00:00Z"), facts: { status: "in_progress" } },
      {
        provider: "testlify",
        attemptKey: "660bab8d:65c31870",
        candidate: { email: "priya@example.com", name: "Priya" },
        assessment: { externalId: "660bab8d", name: "Job Analysis Specialist" },
        occurredAt: new Date("2026-06-08T07:11:56Z"),
        facts: testlifyCompletedFacts(),
      },
      {
        provider: "assessment-engine",
        attemptKey: "789",
        candidate: priya,
        assessment: { externalId: "303", name: "Python Proficiency Test" },
        occurredAt: new Date("2026-06-07T11:00:00Z"),
        facts: engineScoredFacts(),
      },
      {
        provider: "video",
        attemptKey: "int_42",
        candidate: priya,
        assessment: { externalId: "vid-1", name: "Video interview" },
        occurredAt: new Date("2026-06-06T09:00:00Z"),
        facts: videoInterviewFacts(),
      },
    ]);
    candidateId = (await db.candidate.findUniqueOrThrow({ where: { email: "priya@example.com" } })).id;
  });

  it("gathers one person's attempts from every provider", async () => {
    const detail = await loadCandidateDetail(getDb(), candidateId);
    expect(detail?.name).toBe("Priya Sharma");
    expect(detail?.attempts.map((attempt) => attempt.provider).sort()).toEqual([
      "assessment-engine",
      "smartai",
      "testlify",
      "video",
    ]);
    expect(await loadCandidateDetail(getDb(), "no-such-candidate")).toBeNull();
  });

  it("reads the result's parts back in the domain shapes", async () => {
    const detail = (await loadCandidateDetail(getDb(), candidateId))!;
    const byProvider = Object.fromEntries(detail.attempts.map((attempt) => [attempt.provider, attempt]));
    expect(byProvider.smartai).toMatchObject({
      score: 78,
      maxScore: 100,
      passMark: 60,
      passed: true,
      proctoringScore: 88,
      violationCount: 2,
      integrityFlagged: true,
      recordingUrl: "https://platform.smartai.app/recordings/evt_01J9XYZABC.mp4",
      aiFeedback: "<script>alert('x')</script> Strong React.",
      job: { title: "Senior Software Engineer" },
    });
    expect(byProvider.smartai!.questionAnswers.map((answer) => answer.id)).toEqual(["q1", "q2"]);
    expect(byProvider.testlify!.sections.map((section) => section.name)).toEqual(["Communication", "bikram"]);
    expect(byProvider.testlify!.proctoringDetails.filter((detail) => detail.flagged)).toHaveLength(3);
    expect(byProvider["assessment-engine"]!.sections[0]).toMatchObject({ name: "Logical Reasoning", recommended: 70 });
    expect(byProvider.video).toMatchObject({ resultState: "partial" });
    expect(byProvider.video!.media).toHaveLength(2);
    expect(byProvider.video!.traits[1]).toMatchObject({ name: "Confidence", score: null });
  });

  it("keeps the timeline of every delivery, applied, repeated or older, oldest first", async () => {
    const detail = (await loadCandidateDetail(getDb(), candidateId))!;
    const attempt = detail.attempts.find((candidate) => candidate.provider === "smartai")!;
    expect(attempt.timeline.map((change) => change.outcome)).toEqual([
      "applied",
      "applied",
      "duplicate",
      "skipped_older",
    ]);
    expect(attempt.timeline[1]!.summary).toContain("status invited → completed");
    expect(attempt.timelineTotal).toBe(4);
  });
});
