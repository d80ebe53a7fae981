// GET /api/v1/results/{id} (docs/contract.md §5): every provider's sample, delivered through the inbox
// and the real adapters, read back in the published shape, on both databases.
import { beforeAll, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { loadResultDetail } from "@/lib/server/results/result-detail";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";
import { deliver, withData } from "../support/fixture-deliveries";

type Body = Record<string, unknown> & { data: Record<string, unknown> };

const httpUrl = z.string().regex(/^https?:\/\//);
const nullableNumber = z.number().nullable();

/** The contract's shape, strictly: a missing key or a non-http link fails. */
const detailSchema = z.object({
  id: z.string(),
  provider: z.enum(["smartai", "testlify", "assessment-engine", "video"]),
  candidate: z.object({ email: z.string(), name: z.string() }),
  assessmentName: z.string(),
  jobTitle: z.string().nullable(),
  status: z.enum([
    "invited",
    "enrolled",
    "in_progress",
    "completed",
    "timeout",
    "abandoned",
    "disqualified",
    "expired",
    "rejected",
  ]),
  score: nullableNumber,
  maxScore: nullableNumber,
  passed: z.boolean().nullable(),
  recordingUrl: httpUrl.nullable(),
  reportUrl: httpUrl.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  assessment: z.object({ name: z.string(), lifecycle: z.enum(["active", "archived", "deleted"]) }),
  sections: z.array(
    z.object({
      name: z.string(),
      score: nullableNumber,
      maxScore: nullableNumber,
      percentile: nullableNumber,
      remarks: z.string().nullable(),
      label: z.string().nullable(),
    }),
  ),
  answers: z.array(
    z.object({
      question: z.string(),
      answer: z.string().nullable(),
      score: nullableNumber,
      maxScore: nullableNumber,
      status: z.enum(["scored", "scoring", "scoring_failed", "unanswered"]),
    }),
  ),
  aiFeedback: z.string().nullable(),
  proctoring: z.object({
    score: nullableNumber,
    violationCount: nullableNumber,
    signals: z.array(z.object({ name: z.string(), value: z.string() })),
    snapshots: z.array(httpUrl),
  }),
  traits: z.array(z.object({ name: z.string(), score: nullableNumber })),
  timeline: z.array(
    z.object({ at: z.iso.datetime(), kind: z.string(), outcome: z.enum(["applied", "older", "unchanged"]) }),
  ),
});

const EMAILS: Record<string, string> = {
  smartai: "priya@example.com",
  testlify: "candidate@example.com",
  "assessment-engine": "candidate@example.com",
  video: "ada@example.com",
};

async function attemptIdFor(db: Db, provider: string) {
  const attempts = await db.attempt.findMany({
    where: { provider, candidate: { email: EMAILS[provider] } },
    select: { id: true },
  });
  expect(attempts).toHaveLength(1);
  return attempts[0]!.id;
}

describeEachDatabase("result detail (GET /api/v1/results/{id})", (getDb) => {
  beforeAll(async () => {
    const db = getDb();
    await deliver(db, "smartai", [
      { body: fixture("smartai-assessment-sent.json") },
      { body: fixture("smartai-assessment-completed.json") },
    ]);
    await deliver(db, "testlify", [
      { body: fixture("testlify-assessment-created.json") },
      { body: fixture("testlify-invited.json") },
      { body: fixture("testlify-completed.json") },
      // The archived sample is another assessment: here it withdraws the one the candidate took.
      {
        body: withData(fixture<Body>("testlify-assessment-archived.json"), {
          assessmentId: "660bab8d6094c041d799deac",
          name: "Job Analysis Specialist",
        }),
      },
    ]);
    await deliver(db, "assessment-engine", [
      { body: fixture("ae-test-instance-created.json"), eventType: "ae.test_instance.created" },
    ]);
    await deliver(db, "video", [{ body: fixture("video-interview-partially-scored.json") }]);
  });

  it("answers every provider's result in the contract's shape, with no key missing", async () => {
    const db = getDb();
    for (const provider of ["smartai", "testlify", "assessment-engine", "video"]) {
      const detail = await loadResultDetail(db, await attemptIdFor(db, provider));
      const parsed = detailSchema.safeParse(detail);
      expect(parsed.error?.issues ?? [], provider).toEqual([]);
    }
  });

  it("carries SmartAI's answers, feedback, proctoring and the timeline of both deliveries", async () => {
    const db = getDb();
    const detail = (await loadResultDetail(db, await attemptIdFor(db, "smartai")))!;
    expect(detail).toMatchObject({
      candidate: { email: "priya@example.com", name: "Priya Sharma" },
      jobTitle: "Senior Software Engineer",
      score: 78,
      maxScore: 100,
      passed: true,
      aiFeedback: expect.stringContaining("React state management"),
      assessment: { name: "Full Stack Developer Assessment", lifecycle: "active" },
      proctoring: { score: 88, violationCount: 2 },
      recordingUrl: "https://platform.smartai.app/recordings/evt_01J9XYZABC.mp4",
    });
    expect(detail.answers).toEqual([
      expect.objectContaining({ question: "Explain the virtual DOM.", score: 10, maxScore: 10, status: "scored" }),
      expect.objectContaining({ question: "When would you add a composite index?", score: 4, status: "scored" }),
    ]);
    expect(detail.timeline.map((line) => [line.kind, line.outcome])).toEqual([
      ["assessment.sent", "applied"],
      ["assessment.completed", "applied"],
    ]);
  });

  it("names a withdrawn assessment's lifecycle and keeps its result", async () => {
    const db = getDb();
    const detail = (await loadResultDetail(db, await attemptIdFor(db, "testlify")))!;
    expect(detail.assessment.lifecycle).toBe("archived");
    expect(detail.status).toBe("completed");
    expect(detail.sections.map((section) => [section.name, section.score])).toEqual([
      ["Communication", 3],
      ["bikram", 1],
    ]);
    expect(detail.proctoring.signals).toContainEqual(
      expect.objectContaining({ name: "Left the assessment screen", value: "17 times" }),
    );
  });

  it("says which video answers are scored and which are still being scored", async () => {
    const db = getDb();
    const detail = (await loadResultDetail(db, await attemptIdFor(db, "video")))!;
    expect(detail.answers.map((answer) => answer.status)).toEqual(["scored", "scoring", "scoring"]);
    expect(detail.answers[1]).toMatchObject({ answer: null, score: null, maxScore: 5 });
  });

  it("drops a link that is not http(s) rather than publishing it", async () => {
    const db = getDb();
    const sent = withData(fixture<Body>("testlify-completed.json"), {
      email: "mallory@example.com",
      resultLink: "javascript:alert(1)",
      candidateDetailLink: "data:text/html,<script>alert(1)</script>",
    });
    await deliver(db, "testlify", [{ body: sent }]);
    const attempt = await db.attempt.findFirstOrThrow({
      where: { candidate: { email: "mallory@example.com" } },
      select: { id: true },
    });
    const detail = (await loadResultDetail(db, attempt.id))!;
    expect(detailSchema.safeParse(detail).success).toBe(true);
    expect(detail.reportUrl).toBeNull();
    expect(JSON.stringify(detail)).not.toMatch(/javascript:|data:text/);
  });

  it("carries the engine's percentile, remarks and ordinal labels, and Testlify's snapshots", async () => {
    const db = getDb();
    const engine = fixture<Body & { measurement: { measurement_attributes: Record<string, unknown>[] } }>(
      "ae-test-instance-created.json",
    );
    const [attribute] = engine.measurement.measurement_attributes;
    Object.assign(engine, { id: 790, instance_status: "completed", updated_at: "2023-11-05T10:50:00Z" });
    Object.assign(engine.candidate as object, { email: "scored@example.com" });
    Object.assign(engine.measurement, { status: "completed" });
    Object.assign(attribute!, { numerical_score: 64, percentile_score: 87, remarks: "Careful reasoning." });
    engine.measurement.measurement_attributes.push({
      ...attribute,
      id: 2,
      numerical_score: null,
      percentile_score: null,
      remarks: null,
      ordinal: { id: 1, label: "Advanced", value: "4", sort_key: 4 },
    });
    await deliver(db, "assessment-engine", [{ body: engine, eventType: "ae.test_instance.updated" }]);
    const scored = await db.attempt.findFirstOrThrow({
      where: { candidate: { email: "scored@example.com" } },
      select: { id: true },
    });
    const detail = (await loadResultDetail(db, scored.id))!;
    expect(detailSchema.safeParse(detail).success).toBe(true);
    expect(detail.sections).toEqual([
      {
        name: "Logical Reasoning",
        score: 64,
        maxScore: 100,
        percentile: 87,
        remarks: "Careful reasoning.",
        label: null,
      },
      { name: "Logical Reasoning", score: 4, maxScore: 100, percentile: null, remarks: null, label: "Advanced" },
    ]);
    expect(detail.consent).toEqual({ terms: true, recording: true });
    expect(detail.submittedAt).toBe("2023-11-05T10:00:00.000Z");

    const snapped = withData(fixture<Body>("testlify-completed.json"), {
      email: "snapped@example.com",
      capturedScreenImageBasePath: "https://cdn.testlify.com/proctoring/660bad6c/",
      capturedScreenImages: ["screen/1.png", "webcam/2.jpg"],
    });
    await deliver(db, "testlify", [{ body: snapped }]);
    const testlify = await db.attempt.findFirstOrThrow({
      where: { candidate: { email: "snapped@example.com" } },
      select: { id: true },
    });
    const withSnapshots = (await loadResultDetail(db, testlify.id))!;
    expect(withSnapshots.proctoring.snapshots).toEqual([
      "https://cdn.testlify.com/proctoring/660bad6c/screen/1.png",
      "https://cdn.testlify.com/proctoring/660bad6c/webcam/2.jpg",
    ]);
    expect(withSnapshots.totals).toEqual({ achieved: 14, possible: 32, questionCount: 12 });
  });

  it("answers null for an id it does not hold", async () => {
    expect(await loadResultDetail(getDb(), "no-such-result")).toBeNull();
  });
});
