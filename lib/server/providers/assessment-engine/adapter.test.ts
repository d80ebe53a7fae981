import { describe, expect, it } from "vitest";
import { TranslationError, type DomainEvent } from "@/lib/server/domain/events";
import { fixture } from "../../../../tests/support/fixtures";
import { assessmentEngineAdapter } from "./adapter";

type Instance = Record<string, unknown> & {
  candidate: Record<string, unknown>;
  measurement: Record<string, unknown> & { measurement_attributes: Record<string, unknown>[] };
};
const instance = () => fixture<Instance>("ae-test-instance-created.json");

function translate(body: unknown, eventType: string | null = null) {
  return assessmentEngineAdapter.translate({ body, eventType });
}

function events(body: unknown, eventType: string | null = null): DomainEvent[] {
  const translation = translate(body, eventType);
  if (!translation.recognised) throw new Error(`not recognised: ${translation.reason}`);
  return translation.events;
}

function reported(body: unknown, eventType: string | null = null) {
  const event = events(body, eventType).find((candidate) => candidate.kind === "attempt.reported");
  if (event?.kind !== "attempt.reported") throw new Error("no attempt.reported event");
  return event;
}

function completedInstance(): Instance {
  const body = instance();
  body.instance_status = "completed";
  body.score = 82.5;
  body.updated_at = "2023-11-05T10:50:00Z";
  Object.assign(body.measurement, {
    status: "completed",
    time_taken: "00:45:10",
    report_url: "https://engine.example.com/r/789",
  });
  Object.assign(body.measurement.measurement_attributes[0]!, { numerical_score: 64 });
  return body;
}

describe("assessment engine adapter", () => {
  it("reads the bare test instance with the event in x-event-type, and the {event, data} envelope alike", () => {
    const bare = translate(instance(), "ae.test_instance.created");
    const wrapped = translate({ event: "ae.test_instance.created", data: instance() });
    expect(bare).toMatchObject({
      recognised: true,
      eventType: "ae.test_instance.created",
      candidateEmail: "candidate@example.com",
    });
    expect(wrapped).toEqual(bare);
    // The trigger's own spelling, as the engine's document also shows it.
    expect(translate(instance(), "ae_test_instance_updated")).toMatchObject({
      recognised: true,
      eventType: "ae.test_instance.updated",
    });
  });

  it("defines the catalog assessment (level and catalog in details) and reports the attempt keyed by the test instance", () => {
    const [definition, report] = events(instance(), "ae.test_instance.created");
    expect(definition).toEqual({
      kind: "assessment.defined",
      occurredAt: new Date("2023-11-01T10:00:00Z"),
      assessment: {
        externalId: "202",
        name: "Python Proficiency Test",
        jobTitle: null,
        lifecycle: "published",
        details: {
          level: "intermediate",
          engineAssessmentId: "303",
          catalog: {
            id: "404",
            name: "Standard Assessments",
            description: "Standard assessment catalog for technical roles.",
          },
        },
      },
    });
    expect(report).toMatchObject({
      kind: "attempt.reported",
      occurredAt: new Date("2023-11-05T10:00:00Z"),
      attemptKey: "test-instance:789",
      candidate: {
        email: "candidate@example.com",
        name: "Jane Marie Doe",
        externalId: "101",
        phone: "+19876543210",
        country: "USA",
      },
    });
  });

  it("an instance in progress with a pending measurement: status in_progress, result pending, sections with their recommended values", () => {
    const { facts } = reported(instance(), "ae.test_instance.created");
    expect(facts).toEqual({
      status: "in_progress",
      resultState: "pending",
      score: null,
      maxScore: null,
      sections: [
        {
          name: "Logical Reasoning",
          skill: "Logic",
          score: null,
          maxScore: 100,
          percentage: null,
          recommended: 70,
          percentile: null,
          remarks: null,
          label: null,
        },
      ],
      reportUrl: null,
      startedAt: new Date("2023-11-05T10:00:00Z"),
      durationSeconds: null,
      // Consent as the candidate gave it; a pending measurement has not scored anything yet.
      details: { consent: { terms: true, recording: true }, scoredAt: null },
    });
  });

  it("a completed instance: score, attribute scores, report, and time_taken as seconds", () => {
    const { facts, occurredAt } = reported(completedInstance(), "ae.test_instance.updated");
    expect(occurredAt).toEqual(new Date("2023-11-05T10:50:00Z"));
    expect(facts).toMatchObject({
      status: "completed",
      resultState: "final",
      score: 82.5,
      reportUrl: "https://engine.example.com/r/789",
      durationSeconds: 2710,
      sections: [{ name: "Logical Reasoning", score: 64, maxScore: 100, percentage: 64, recommended: 70 }],
      // Measured at the sample's measured_at: the submitted time the engine has.
      submittedAt: new Date("2023-11-05T10:00:00Z"),
      details: { scoredAt: "2023-11-05T10:00:00.000Z" },
    });
  });

  it("keeps the evaluator's percentile and remarks, and an ordinal's label with or without a number", () => {
    const body = completedInstance();
    const [numeric] = body.measurement.measurement_attributes;
    Object.assign(numeric!, { percentile_score: 87, remarks: "Careful reasoning; slow on the last set." });
    body.measurement.measurement_attributes.push(
      {
        ...numeric,
        id: 2,
        numerical_score: null,
        percentile_score: null,
        remarks: null,
        ordinal: { id: 1, label: "Advanced", value: "4", sort_key: 4 },
      },
      {
        ...numeric,
        id: 3,
        numerical_score: null,
        percentile_score: null,
        remarks: null,
        ordinal: { id: 2, label: null, value: "B+", sort_key: 3 },
      },
    );
    const sections = reported(body, "ae.test_instance.updated").facts.sections ?? [];
    expect(sections.map(({ score, percentile, remarks, label }) => ({ score, percentile, remarks, label }))).toEqual([
      { score: 64, percentile: 87, remarks: "Careful reasoning; slow on the last set.", label: null },
      { score: 4, percentile: null, remarks: null, label: "Advanced" },
      { score: null, percentile: null, remarks: null, label: "B+" },
    ]);
  });

  it("says nothing about consent the engine did not send, and a completed instance without measured_at was submitted at its update", () => {
    const body = completedInstance();
    Object.assign(body.candidate, { is_tnc_accepted: undefined, is_recording_consent_accepted: null });
    body.measurement.measured_at = null;
    const { facts } = reported(body, "ae.test_instance.updated");
    expect(facts.details?.consent).toBeNull();
    expect(facts.submittedAt).toEqual(new Date("2023-11-05T10:50:00Z"));
    // Without a max score the engine's overall score is out of nothing we know: never assumed /100.
    expect(facts.maxScore).toBeNull();
  });

  it("a measurement still pending with some scores in is partial", () => {
    const body = completedInstance();
    body.measurement.status = "pending";
    expect(reported(body, "ae.test_instance.updated").facts.resultState).toBe("partial");
  });

  it.each([
    ["started", "in_progress"],
    ["Timed Out", "timeout"],
    ["expired", "expired"],
    ["cancelled", "abandoned"],
    ["submitted", "completed"],
  ])("instance_status %s → %s", (engineStatus, status) => {
    const body = instance();
    body.instance_status = engineStatus;
    expect(reported(body, "ae.test_instance.updated").facts.status).toBe(status);
  });

  it("an unknown instance_status fails with the status named, so it can be mapped and replayed", () => {
    const body = instance();
    body.instance_status = "on_hold";
    expect(() => translate(body, "ae.test_instance.updated")).toThrow(TranslationError);
    expect(() => translate(body, "ae.test_instance.updated")).toThrow(/unknown instance_status "on_hold"/);
  });

  it("an unknown or missing event is unrecognised, with the reason", () => {
    expect(translate(instance(), "ae.test_instance.deleted")).toMatchObject({
      recognised: false,
      reason: expect.stringContaining("ae.test_instance.deleted"),
    });
    expect(translate(instance())).toMatchObject({ recognised: false, reason: expect.stringContaining("x-event-type") });
    expect(translate({ event: "ae.session.created", data: {} })).toMatchObject({
      recognised: false,
      eventType: "ae.session.created",
    });
  });

  it("missing identifiers and times fail with the field named", () => {
    const noEmail = instance();
    delete noEmail.candidate.email;
    expect(() => translate(noEmail, "ae.test_instance.created")).toThrow(/candidate\.email/);
    const noTime = instance();
    noTime.updated_at = "not a date";
    expect(() => translate(noTime, "ae.test_instance.created")).toThrow(/updated_at is missing or not a date/);
    const noCandidate: Record<string, unknown> = instance();
    delete noCandidate.candidate;
    expect(() => translate(noCandidate, "ae.test_instance.created")).toThrow(/candidate is missing or not an object/);
  });

  it("other fields of the wrong type become null; links must be http(s)", () => {
    const body = completedInstance();
    Object.assign(body, { score: "91", catalog_assessment: "nope", catalog_assessment_id: 202 });
    Object.assign(body.measurement, {
      time_taken: 45,
      report_url: "javascript:alert(1)",
      measurement_attributes: "none",
    });
    const translation = translate(body, "ae.test_instance.updated");
    if (!translation.recognised) throw new Error("not recognised");
    expect(translation.events).toHaveLength(1);
    const [report] = translation.events;
    expect(report).toMatchObject({
      assessment: { externalId: "202", name: "Engine assessment 202" },
      facts: { score: 91, reportUrl: null, sections: undefined, durationSeconds: null },
    });
  });
});
