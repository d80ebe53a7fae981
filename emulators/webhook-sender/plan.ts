// A stream of deliveries as two providers would send them over time: assessment definitions
// first, then candidates' journeys, some already under way when the stream starts (history,
// sent at once) and some happening live. Chaos makes some deliveries late (so they arrive out
// of order), sends some twice, and slips in the occasional event nobody documented.
import { TESTLIFY_ASSESSMENTS, FIRST_NAMES, LAST_NAMES, PLACES } from "./catalogue";
import { engineJourney, testlifyJourney, type Journey } from "./journeys";
import { createRandom, type Random } from "../shared/random";
import { testlifyAssessmentPayload } from "./testlify-assessment-payload";
import type { Person } from "./testlify-payloads";

export interface PlannedDelivery {
  provider: "testlify" | "assessment-engine";
  messageId: string;
  /** When to send it, in ms after the stream starts. */
  sendAt: number;
  body: string;
  /** Testlify: Svix headers or the ?token= URL; the engine: Standard Webhooks headers. */
  auth: "svix" | "token" | "webhook";
  /** For an engine instance sent bare: its event name, in x-event-type. */
  eventHeader?: string;
  /** A second copy of a delivery already planned (same id, same body). */
  duplicate: boolean;
  /** An event the app does not know: it should answer 202 and keep it. */
  unknown: boolean;
}

export interface StreamOptions {
  seed?: number;
  /** Provider time at which the stream starts (ms). */
  startedAt: number;
  /** Candidates whose journey already happened, sent in the first seconds. */
  history: number;
  /** Candidates who start while the stream runs, spread over `liveSpreadMs`. */
  live: number;
  liveSpreadMs: number;
  /** Typical time between two steps of one journey. */
  stepMs: number;
  chaos?: { lateRate?: number; duplicateRate?: number; unknownRate?: number; maxLateMs?: number };
}

export interface StreamPlan {
  deliveries: PlannedDelivery[];
  journeys: (Journey & { provider: "testlify" | "assessment-engine" })[];
}

export function planStream(options: StreamOptions): StreamPlan {
  const random = createRandom(options.seed);
  const chaos = { lateRate: 0.1, duplicateRate: 0.1, unknownRate: 0.03, maxLateMs: 15_000, ...options.chaos };
  const tag = random.int(36 ** 2, 36 ** 3 - 1).toString(36);
  const deliveries: PlannedDelivery[] = [];
  const journeys: StreamPlan["journeys"] = [];
  const messageId = () => `msg_${Array.from({ length: 20 }, () => random.int(0, 35).toString(36)).join("")}`;

  // Definitions first, in order: Testlify's assessment events carry no time of their own.
  TESTLIFY_ASSESSMENTS.forEach((assessment, index) => {
    for (const [step, event] of (["created", "updated"] as const).entries()) {
      deliveries.push({
        provider: "testlify",
        messageId: messageId(),
        sendAt: index * 20 + step * 10,
        body: JSON.stringify(testlifyAssessmentPayload(assessment, event)),
        auth: "svix",
        duplicate: false,
        unknown: false,
      });
    }
  });

  const total = options.history + options.live;
  for (let index = 0; index < total; index += 1) {
    const historic = index < options.history;
    const person = personFor(random, index, tag);
    const sendStart = historic
      ? 200 + index * 150
      : 2_000 + Math.round((options.liveSpreadMs * (index - options.history)) / Math.max(1, options.live));
    // History happened days ago; live journeys happen as they are sent.
    const providerStart = historic
      ? options.startedAt - random.int(1, 5) * 86_400_000 - random.int(0, 86_400_000)
      : options.startedAt + sendStart;
    const stepMs = historic ? random.int(2, 40) * 60_000 : options.stepMs;
    const journey = random.chance(0.6)
      ? { ...testlifyJourney(random, person, providerStart, stepMs), provider: "testlify" as const }
      : {
          ...engineJourney(random, person, providerStart, stepMs, 7000 + index),
          provider: "assessment-engine" as const,
        };
    journeys.push(journey);

    journey.steps.forEach((step, stepIndex) => {
      const onTime = historic ? sendStart + stepIndex * 10 : step.at - options.startedAt;
      const late = random.chance(chaos.lateRate) ? random.int(1_000, chaos.maxLateMs) : 0;
      const bare = step.provider === "assessment-engine" && random.chance(0.5);
      const planned: PlannedDelivery = {
        provider: step.provider,
        messageId: messageId(),
        sendAt: onTime + late,
        body: JSON.stringify(
          step.provider === "assessment-engine" && !bare ? { event: step.engineEvent, data: step.body } : step.body,
        ),
        auth: step.provider === "assessment-engine" ? "webhook" : random.chance(0.5) ? "token" : "svix",
        eventHeader: bare ? step.engineEvent : undefined,
        duplicate: false,
        unknown: false,
      };
      deliveries.push(planned);
      if (random.chance(chaos.duplicateRate)) {
        deliveries.push({
          ...planned,
          sendAt: planned.sendAt + random.int(Math.min(500, chaos.maxLateMs), chaos.maxLateMs),
          duplicate: true,
        });
      }
    });
    if (random.chance(chaos.unknownRate))
      deliveries.push(unknownDelivery(random, journey, sendStart + 50, messageId()));
  }
  deliveries.sort((a, b) => a.sendAt - b.sendAt);
  return { deliveries, journeys };
}

function personFor(random: Random, index: number, tag: string): Person {
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const ascii = (text: string) =>
    text
      .normalize("NFD")
      .replace(/[^A-Za-z]/g, "")
      .toLowerCase();
  return {
    firstName,
    lastName,
    email: `${ascii(firstName)}.${ascii(lastName)}.${tag}${index}@candidates.example`,
    candidateId: Array.from({ length: 24 }, () => random.int(0, 15).toString(16)).join(""),
    place: random.pick(PLACES),
  };
}

/** Events nobody documented: kept by the app as unrecognised, for replay after a fix. */
function unknownDelivery(random: Random, journey: Journey, sendAt: number, messageId: string): PlannedDelivery {
  if (journey.steps[0]!.provider === "testlify") {
    const body = structuredClone(journey.steps[0]!.body) as { data: Record<string, unknown>; event?: string };
    Object.assign(body.data, { candidateStatus: "SHORTLISTED", status: "SHORTLISTED", candidateStage: "Shortlisted" });
    return {
      provider: "testlify",
      messageId,
      sendAt,
      body: JSON.stringify(body),
      auth: "svix",
      duplicate: false,
      unknown: true,
    };
  }
  const body = {
    event: "ae.session.scheduled",
    data: { id: random.int(1, 9999), starts_at: new Date(journey.steps[0]!.at + 3_600_000).toISOString() },
  };
  return {
    provider: "assessment-engine",
    messageId,
    sendAt,
    body: JSON.stringify(body),
    auth: "webhook",
    duplicate: false,
    unknown: true,
  };
}
