// Signed Testlify deliveries for the webhook benches, from the webhook emulator's own journeys
// (invited → … → completed, rejected, disqualified, expired or still in progress): whole
// journeys only, so each one's final status is known, plus the assessment definitions first.
import { randomBytes } from "node:crypto";
import { TESTLIFY_ASSESSMENTS } from "../../emulators/webhook-sender/catalogue";
import { planStream } from "../../emulators/webhook-sender/plan";
import { testlifyAssessmentPayload } from "../../emulators/webhook-sender/testlify-assessment-payload";
import type { LoadRequest } from "./webhook-load";

export interface TestlifyBurst {
  /** The assessment definitions, then each journey's steps in order. */
  requests: LoadRequest[];
  /** One per journey: the status its result must end in. */
  finalStatuses: string[];
}

/** At least `count` deliveries (whole journeys), the first `warmUp` or more of them a separate warm-up burst. */
export function testlifyBursts(secret: string, counts: number[], seed = 2026): TestlifyBurst[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const plan = planStream({
    seed,
    startedAt: Date.now(),
    // A Testlify journey has 2–5 steps and 60% of journeys are Testlify's.
    history: Math.ceil(total / 1.2) + 50,
    live: 0,
    liveSpreadMs: 0,
    stepMs: 60_000,
    chaos: { lateRate: 0, duplicateRate: 0, unknownRate: 0 },
  });
  const journeys = plan.journeys.filter((journey) => journey.provider === "testlify");
  const tag = randomBytes(4).toString("hex");
  let serial = 0;
  const request = (body: unknown): LoadRequest => ({
    path: "/api/webhooks/testlify",
    body: JSON.stringify(body),
    secret,
    names: "svix",
    messageId: `msg_bench_${tag}_${(serial += 1)}`,
  });

  const bursts: TestlifyBurst[] = [];
  let next = 0;
  for (const [index, count] of counts.entries()) {
    const burst: TestlifyBurst = { requests: [], finalStatuses: [] };
    if (index === 0) {
      for (const assessment of TESTLIFY_ASSESSMENTS)
        for (const event of ["created", "updated"] as const)
          burst.requests.push(request(testlifyAssessmentPayload(assessment, event)));
    }
    while (burst.requests.length < count) {
      const journey = journeys[next];
      next += 1;
      if (!journey) throw new Error("the emulator's plan has fewer Testlify journeys than the bench needs");
      burst.requests.push(...journey.steps.map((step) => request(step.body)));
      burst.finalStatuses.push(journey.finalStatus);
    }
    bursts.push(burst);
  }
  return bursts;
}
