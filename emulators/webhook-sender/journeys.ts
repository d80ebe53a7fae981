// One candidate's way through an assessment, as the provider's deliveries: each step with the
// provider's own time. Outcomes vary the way real pipelines do: most finish, some are
// rejected after review, some are disqualified, some never start and their invitation expires.
import { ENGINE_ASSESSMENTS, TESTLIFY_ASSESSMENTS } from "./catalogue";
import { engineTestInstance } from "./engine-payloads";
import type { Random } from "../shared/random";
import { testlifyCandidatePayload, type Person, type Proctoring, type TestlifyStatus } from "./testlify-payloads";

export interface JourneyStep {
  provider: "testlify" | "assessment-engine";
  /** Provider time of the step (ms). */
  at: number;
  body: Record<string, unknown>;
  /** The engine's event name, for deliveries sent bare with x-event-type. */
  engineEvent?: string;
}

export interface Journey {
  steps: JourneyStep[];
  /** What the candidate's result shows once every step has arrived. */
  finalStatus: string;
  assessmentId: string;
  email: string;
}

export function testlifyJourney(random: Random, person: Person, start: number, stepMs: number): Journey {
  const assessment = random.pick(TESTLIFY_ASSESSMENTS);
  const roll = random.next();
  const outcome =
    roll < 0.62
      ? "COMPLETED"
      : roll < 0.72
        ? "REJECTED"
        : roll < 0.8
          ? "DISQUALIFIED"
          : roll < 0.9
            ? "INVITATION_EXPIRED"
            : "IN_PROGRESS";
  const path: TestlifyStatus[] =
    outcome === "INVITATION_EXPIRED"
      ? ["INVITED", "INVITATION_EXPIRED"]
      : outcome === "DISQUALIFIED"
        ? ["INVITED", "ENROLLED", "DISQUALIFIED"]
        : outcome === "IN_PROGRESS"
          ? ["INVITED", "ENROLLED", "IN_PROGRESS"]
          : outcome === "REJECTED"
            ? ["INVITED", "ENROLLED", "IN_PROGRESS", "COMPLETED", "REJECTED"]
            : ["INVITED", "ENROLLED", "IN_PROGRESS", "COMPLETED"];
  const scores = assessment.libraries.map(() => random.int(18, 97));
  const proctoring: Proctoring = random.chance(0.25)
    ? {
        screenLeft: random.int(3, 18),
        secondsOutside: random.int(30, 240),
        fullScreen: false,
        mouseInWindow: random.chance(0.5),
        sameIp: random.chance(0.8),
      }
    : {
        screenLeft: random.int(0, 1),
        secondsOutside: random.int(0, 8),
        fullScreen: true,
        mouseInWindow: true,
        sameIp: true,
      };
  const reportId = Array.from({ length: 24 }, () => random.int(0, 15).toString(16)).join("");

  let at = start;
  let completedAt: number | undefined;
  const steps: JourneyStep[] = path.map((status, index) => {
    if (index > 0) at += Math.max(1, Math.round(stepMs * (0.5 + random.next())));
    // A few seconds before the delivery, never before the step that preceded it.
    if (status === "COMPLETED" || status === "DISQUALIFIED")
      completedAt = at - Math.min(random.int(1, 5) * 1000, Math.floor(stepMs / 4));
    const finished = status === "COMPLETED" || status === "REJECTED";
    const rejectedScores =
      status === "REJECTED" ? scores.map((score) => Math.max(0, score - random.int(3, 12))) : scores;
    return {
      provider: "testlify",
      at,
      body: testlifyCandidatePayload({
        assessment,
        person,
        status,
        at,
        invitedAt: start,
        completedAt,
        scores: finished ? rejectedScores : undefined,
        proctoring: status === "IN_PROGRESS" || status === "COMPLETED" ? proctoring : undefined,
        reportId: finished ? reportId : undefined,
      }),
    };
  });
  const finalStatus = {
    INVITATION_EXPIRED: "expired",
    DISQUALIFIED: "disqualified",
    IN_PROGRESS: "in_progress",
    REJECTED: "rejected",
    COMPLETED: "completed",
  }[outcome];
  return { steps, finalStatus, assessmentId: assessment.assessmentId, email: person.email };
}

export function engineJourney(
  random: Random,
  person: Person,
  start: number,
  stepMs: number,
  instanceId: number,
): Journey {
  const spec = random.pick(ENGINE_ASSESSMENTS);
  const roll = random.next();
  const outcome = roll < 0.7 ? "completed" : roll < 0.8 ? "revised" : roll < 0.9 ? "expired" : "abandoned";
  const finalScores = spec.attributes.map(() => random.int(30, 98));
  const overall = Math.round(finalScores.reduce((sum, value) => sum + value, 0) / finalScores.length);
  const minutes = random.int(18, 55);
  const base = { spec, instanceId, candidateNumber: instanceId + 1000, person, createdAt: start, reportUrl: null };
  const none = spec.attributes.map(() => null);

  const states: Omit<Parameters<typeof engineTestInstance>[0], "updatedAt" | keyof typeof base>[] = [
    { status: "in_progress", score: null, attributeScores: none, measurementStatus: "pending", timeTaken: "00:00:00" },
  ];
  if (outcome === "expired" || outcome === "abandoned") {
    states.push({
      status: outcome,
      score: null,
      attributeScores: none,
      measurementStatus: "pending",
      timeTaken: `00:${String(minutes).padStart(2, "0")}:00`,
    });
  } else {
    const partial = finalScores.map((score, index) => (index === 0 ? score : null));
    states.push({
      status: "in_progress",
      score: null,
      attributeScores: partial,
      measurementStatus: "pending",
      timeTaken: `00:${String(Math.round(minutes / 2)).padStart(2, "0")}:00`,
    });
    states.push({
      status: "completed",
      score: overall,
      attributeScores: finalScores,
      measurementStatus: "completed",
      timeTaken: `00:${String(minutes).padStart(2, "0")}:${String(random.int(0, 59)).padStart(2, "0")}`,
    });
    if (outcome === "revised") {
      const revised = finalScores.map((score) => Math.min(100, score + random.int(1, 6)));
      states.push({
        status: "completed",
        score: Math.min(100, overall + 3),
        attributeScores: revised,
        measurementStatus: "completed",
        timeTaken: states.at(-1)!.timeTaken,
      });
    }
  }
  let at = start;
  const steps: JourneyStep[] = states.map((state, index) => {
    if (index > 0) at += Math.max(1, Math.round(stepMs * (0.5 + random.next())));
    const finished = state.status === "completed";
    const instance = engineTestInstance({
      ...base,
      ...state,
      updatedAt: at,
      reportUrl: finished ? `https://engine.example.com/reports/${instanceId}` : null,
    });
    return {
      provider: "assessment-engine",
      at,
      body: instance,
      engineEvent: index === 0 ? "ae.test_instance.created" : "ae.test_instance.updated",
    };
  });
  const finalStatus = outcome === "revised" ? "completed" : outcome;
  return { steps, finalStatus, assessmentId: String(spec.catalogAssessmentId), email: person.email };
}
