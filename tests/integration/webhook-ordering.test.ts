// Ordering and idempotency of pushed deliveries, as properties over real event sequences.
//
// A sequence is one attempt's deliveries, built from the providers' samples, with provider
// times strictly increasing (Testlify: the assessment's definition, then invited → enrolled →
// in progress → completed → score updated; the engine: created → partly scored → completed →
// score revised). For ANY arrival order, with ANY deliveries repeated:
//   1. the attempt ends equal, field for field, to the attempt in-order arrival produces
//      (including the grading band, the job, and the delivery it last took its state from);
//   2. the inbox holds each distinct delivery once, processed; a repeat answers 200 "duplicate";
//   3. each distinct delivery leaves exactly one line on the attempt's timeline, and a repeat
//      none. Arriving one at a time, the line is "applied" when the delivery's provider time is
//      newer than every delivery that arrived before it, else "skipped_older". Arriving all at
//      once, at least the newest delivery's line is "applied".
// The assessment definition carries no time (Testlify), so it leaves no timeline line.
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { handleWebhook } from "@/lib/server/ingestion/webhooks/handle-webhook";
import { assessmentEngineProvider } from "@/lib/server/providers/assessment-engine/provider";
import { testlifyProvider } from "@/lib/server/providers/testlify/provider";
import { withSecret, type WebhookEndpoint } from "@/lib/server/providers/descriptor";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";
import { TEST_WEBHOOK_SECRET, awaitableScheduler, signedRequest } from "../support/webhooks";

interface Delivery {
  body: string;
  /** Provider time, or null for a delivery that touches no attempt. */
  occurredAt: number | null;
  headers?: Record<string, string>;
}

interface Sequence {
  name: string;
  endpoint: WebhookEndpoint;
  url: string;
  provider: "testlify" | "assessment-engine";
  attemptKey(prefix: string): string;
  deliveries(prefix: string): Delivery[];
}

type Json = Record<string, unknown> & { data: Record<string, unknown> };

const testlifySequence: Sequence = {
  name: "Testlify",
  endpoint: withSecret(testlifyProvider.webhook, TEST_WEBHOOK_SECRET),
  url: "http://hub.test/api/webhooks/testlify",
  provider: "testlify",
  attemptKey: (prefix) => `${prefix}-660bab8d6094c041d799deac:${prefix}@example.com`,
  deliveries(prefix) {
    const candidate = (name: string): Delivery => {
      const body = fixture<Json>(`testlify-${name}.json`);
      Object.assign(body.data, {
        assessmentId: `${prefix}-${String(body.data.assessmentId)}`,
        email: `${prefix}@example.com`,
      });
      return { body: JSON.stringify(body), occurredAt: body.timestamp as number };
    };
    const definition = fixture<Json>("testlify-assessment-updated.json");
    definition.data.assessmentId = `${prefix}-${String(definition.data.assessmentId)}`;
    return [
      { body: JSON.stringify(definition), occurredAt: null },
      ...["invited", "enrolled", "in-progress", "completed", "score-updated"].map(candidate),
    ];
  },
};

const engineSequence: Sequence = {
  name: "assessment engine",
  endpoint: withSecret(assessmentEngineProvider.webhook, TEST_WEBHOOK_SECRET),
  url: "http://hub.test/api/webhooks/assessment-engine",
  provider: "assessment-engine",
  attemptKey: (prefix) => `test-instance:${prefix}-789`,
  deliveries(prefix) {
    const states = [
      {
        event: "created",
        at: "2023-11-05T10:00:00Z",
        status: "in_progress",
        score: null,
        attribute: null,
        measurement: "pending",
        time: "00:00:00",
      },
      {
        event: "updated",
        at: "2023-11-05T10:20:00Z",
        status: "in_progress",
        score: null,
        attribute: 55,
        measurement: "pending",
        time: "00:20:00",
      },
      {
        event: "updated",
        at: "2023-11-05T10:45:10Z",
        status: "completed",
        score: 74,
        attribute: 64,
        measurement: "completed",
        time: "00:45:10",
      },
      {
        event: "updated",
        at: "2023-11-06T09:00:00Z",
        status: "completed",
        score: 80,
        attribute: 71,
        measurement: "completed",
        time: "00:45:10",
      },
    ];
    return states.map((state, index) => {
      const instance = fixture<
        Record<string, unknown> & {
          candidate: object;
          measurement: Record<string, unknown> & { measurement_attributes: object[] };
        }
      >("ae-test-instance-created.json");
      Object.assign(instance, {
        id: `${prefix}-789`,
        instance_status: state.status,
        score: state.score,
        updated_at: state.at,
      });
      instance.candidate = { ...instance.candidate, id: `${prefix}-101`, email: `${prefix}@example.com` };
      Object.assign(instance.measurement, {
        status: state.measurement,
        time_taken: state.time,
        report_url: state.score === null ? null : `https://engine.example.com/r/${prefix}`,
      });
      instance.measurement.measurement_attributes = [
        { ...instance.measurement.measurement_attributes[0], numerical_score: state.attribute },
      ];
      // Half bare with the event in a header, half in the envelope: both forms in one sequence.
      return index % 2 === 0
        ? {
            body: JSON.stringify(instance),
            occurredAt: Date.parse(state.at),
            headers: { "x-event-type": `ae.test_instance.${state.event}` },
          }
        : {
            body: JSON.stringify({ event: `ae.test_instance.${state.event}`, data: instance }),
            occurredAt: Date.parse(state.at),
          };
    });
  },
};

/** Arrival orders: every delivery at least once, some more than once, in any order, one at a time or all at once. */
function arrivals(count: number) {
  return fc.record({
    order: fc.array(fc.nat({ max: count - 1 }), { maxLength: 4 }).chain((repeats) => {
      const sent = [...Array.from({ length: count }, (_, index) => index), ...repeats];
      return fc.shuffledSubarray(sent, { minLength: sent.length, maxLength: sent.length });
    }),
    allAtOnce: fc.boolean(),
  });
}

describeEachDatabase("webhook ordering and idempotency (property-based)", (getDb, kind) => {
  const runs = kind === "sqlite" ? 25 : 12;

  for (const sequence of [testlifySequence, engineSequence]) {
    let inOrder: Record<string, unknown>;
    let runNumber = 0;

    beforeAll(async () => {
      const prefix = `${sequence.provider}-in-order`;
      for (const [index, delivery] of sequence.deliveries(prefix).entries()) {
        await send(getDb(), sequence, prefix, index, delivery);
      }
      inOrder = await attemptState(getDb(), sequence, prefix);
    });

    it(`${sequence.name}: any arrival order, with repeats, ends where in-order arrival ends`, async () => {
      await fc.assert(
        fc.asyncProperty(arrivals(sequence.deliveries("x").length), async ({ order, allAtOnce }) => {
          const db = getDb();
          const prefix = `${sequence.provider}-run${(runNumber += 1)}`;
          const deliveries = sequence.deliveries(prefix);
          const statuses = allAtOnce
            ? await Promise.all(order.map((index) => send(db, sequence, prefix, index, deliveries[index]!)))
            : await sequentially(order.map((index) => () => send(db, sequence, prefix, index, deliveries[index]!)));

          // 1. the same attempt as in-order arrival.
          expect(await attemptState(db, sequence, prefix)).toEqual(inOrder);

          // 2. each distinct delivery stored once and processed; repeats answered "duplicate".
          const stored = await db.delivery.findMany({ where: { externalId: { startsWith: `${prefix}:` } } });
          expect(stored).toHaveLength(deliveries.length);
          expect(stored.every((delivery) => delivery.status === "processed")).toBe(true);
          expect(statuses.filter((status) => status === "duplicate")).toHaveLength(order.length - deliveries.length);

          // 3. one timeline line per distinct delivery that touches the attempt.
          const lines = await db.attemptChange.findMany({
            where: { attempt: { provider: sequence.provider, externalKey: sequence.attemptKey(prefix) } },
            select: { outcome: true, delivery: { select: { externalId: true } } },
          });
          const outcomeOf = new Map(
            lines.map((line) => [Number(line.delivery!.externalId.split(":")[1]), line.outcome]),
          );
          const touching = deliveries.flatMap((delivery, index) => (delivery.occurredAt === null ? [] : [index]));
          expect(lines).toHaveLength(touching.length);
          expect([...outcomeOf.keys()].sort()).toEqual(touching);
          if (allAtOnce) {
            expect(outcomeOf.get(touching.at(-1)!)).toBe("applied");
          } else {
            expect(outcomeOf).toEqual(expectedOutcomes(order, deliveries));
          }
        }),
        { numRuns: runs },
      );
    });
  }
});

function expectedOutcomes(order: number[], deliveries: Delivery[]): Map<number, string> {
  const expected = new Map<number, string>();
  let newest = -Infinity;
  for (const index of order) {
    const time = deliveries[index]!.occurredAt;
    if (time === null || expected.has(index)) continue;
    expected.set(index, time > newest ? "applied" : "skipped_older");
    newest = Math.max(newest, time);
  }
  return expected;
}

async function send(db: Db, sequence: Sequence, prefix: string, index: number, delivery: Delivery): Promise<string> {
  const scheduler = awaitableScheduler();
  const request = signedRequest(sequence.url, delivery.body, { id: `${prefix}:${index}`, headers: delivery.headers });
  const response = await handleWebhook(request, sequence.endpoint, db, scheduler.schedule);
  await scheduler.settled();
  expect(response.status).toBe(200);
  return ((await response.json()) as { status: string }).status;
}

async function sequentially<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}

/** Everything a recruiter sees of the attempt, without the run's own ids. */
async function attemptState(db: Db, sequence: Sequence, prefix: string) {
  const attempt = await db.attempt.findUniqueOrThrow({
    where: { provider_externalKey: { provider: sequence.provider, externalKey: sequence.attemptKey(prefix) } },
    include: { job: { select: { title: true } }, assessment: { select: { name: true, lifecycle: true } } },
  });
  const lastDelivery = attempt.lastDeliveryId
    ? await db.delivery.findUnique({ where: { id: attempt.lastDeliveryId }, select: { externalId: true } })
    : null;
  const {
    id,
    externalKey,
    assessmentId,
    candidateId,
    jobId,
    lastDeliveryId,
    createdAt,
    updatedAt,
    reportUrl,
    ...state
  } = attempt;
  return {
    ...state,
    reportUrl: reportUrl?.replace(prefix, "<run>") ?? null,
    lastDelivery: lastDelivery?.externalId.split(":")[1] ?? null,
  };
}
