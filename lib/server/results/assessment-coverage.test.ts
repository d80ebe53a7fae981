import { describe, expect, it } from "vitest";
import type { DomainEvent } from "@/lib/server/domain/events";
import { assessmentEngineAdapter } from "@/lib/server/providers/assessment-engine/adapter";
import { testlifyAdapter } from "@/lib/server/providers/testlify/adapter";
import { fixture } from "../../../tests/support/fixtures";
import { assessmentCoverage, coversAnything } from "./assessment-coverage";

function definition(events: DomainEvent[]) {
  const event = events.find((candidate) => candidate.kind === "assessment.defined");
  if (event?.kind !== "assessment.defined") throw new Error("no definition");
  return event.assessment;
}

describe("what an assessment covers", () => {
  it("reads Testlify's tests with their skills, question counts and time limits, custom questions and language", () => {
    const translation = testlifyAdapter.translate({
      body: fixture("testlify-assessment-updated.json"),
      eventType: null,
      receivedAt: new Date("2024-04-02T08:00:00Z"),
    });
    if (!translation.recognised) throw new Error(translation.reason);
    const assessment = definition(translation.events);
    const coverage = assessmentCoverage(assessment.sections, assessment.details);
    expect(coverage.language).toBe("en");
    expect(coverage.tests[0]).toMatchObject({
      name: "Communication",
      level: "Intermediate",
      questionCount: 10,
      timeLimitSeconds: 600,
      skills: expect.arrayContaining(["Leadership", "Punctuality"]),
    });
    expect(coverage.customQuestions.map((question) => question.question)).toContain("What are your weaknesses?");
  });

  it("reads the engine's level and catalog", () => {
    const translation = assessmentEngineAdapter.translate({
      body: fixture("ae-test-instance-created.json"),
      eventType: "ae.test_instance.created",
    });
    if (!translation.recognised) throw new Error(translation.reason);
    const assessment = definition(translation.events);
    expect(assessmentCoverage(assessment.sections, assessment.details)).toMatchObject({
      level: "intermediate",
      catalog: { name: "Standard Assessments", description: "Standard assessment catalog for technical roles." },
    });
  });

  it("says nothing for an assessment nobody defined, and survives a shape it does not know", () => {
    expect(coversAnything(assessmentCoverage(null, null))).toBe(false);
    expect(coversAnything(assessmentCoverage("nonsense", { tests: "nope", skills: [1, "SQL"] }))).toBe(true);
    expect(assessmentCoverage(null, { skills: [1, "SQL"] }).skills).toEqual(["SQL"]);
  });
});
