// The recruiter journey's data, written into the e2e server's database through the real
// ingestion code (applyEvents), in a child process: that code is server-only, so it runs
// under the "react-server" condition rather than inside Playwright. Until emulator traffic
// replaces it, this is what the journey finds.
//   node --conditions=react-server --import tsx tests/e2e/support/recruiter-seed-cli.ts journey|late-completion
import { createDb, type Db } from "@/lib/db/create-client";
import {
  applyAsDelivery,
  engineScoredFacts,
  reported,
  smartAiCompletedFacts,
  testlifyCompletedFacts,
  videoInterviewFacts,
  type AttemptSeed,
} from "../../support/result-events";
import { RECRUITER_JOURNEY } from "./recruiter-journey-data";
import { whileBusy } from "./while-busy";

const { job, recordingUrl } = RECRUITER_JOURNEY;
const fullStack = { externalId: "e2e-fs-1", name: "Full Stack Developer Assessment", jobTitle: job };
const at = (minute: number) => new Date(Date.UTC(2026, 5, 9, 10, minute));

function journey(): AttemptSeed[] {
  const { people } = RECRUITER_JOURNEY;
  return [
    {
      provider: "smartai",
      attemptKey: "e2e-fs-1:priya",
      candidate: people.priya,
      assessment: fullStack,
      occurredAt: at(1),
      facts: { status: "invited", resultState: "pending" },
    },
    {
      provider: "smartai",
      attemptKey: "e2e-fs-1:priya",
      candidate: people.priya,
      assessment: fullStack,
      occurredAt: at(31),
      facts: smartAiCompletedFacts({ recordingUrl, submittedAt: at(30) }),
    },
    {
      provider: "smartai",
      attemptKey: "e2e-fs-1:omar",
      candidate: people.omar,
      assessment: fullStack,
      occurredAt: at(32),
      facts: smartAiCompletedFacts({
        score: 40,
        passed: false,
        proctoringScore: 95,
        violationCount: 0,
        recordingUrl: null,
        submittedAt: at(28),
      }),
    },
    {
      provider: "smartai",
      attemptKey: "e2e-fs-1:mallory",
      candidate: people.mallory,
      assessment: fullStack,
      occurredAt: at(33),
      facts: smartAiCompletedFacts({
        score: 61,
        proctoringScore: 90,
        violationCount: 0,
        aiFeedback: RECRUITER_JOURNEY.scriptFeedback,
        recordingUrl: null,
        submittedAt: at(27),
      }),
    },
    {
      provider: "testlify",
      attemptKey: "e2e-ja-1:bikram",
      candidate: people.bikram,
      assessment: { externalId: "e2e-ja-1", name: "Job Analysis Specialist", jobTitle: job },
      occurredAt: at(34),
      facts: testlifyCompletedFacts({ submittedAt: at(26) }),
    },
    {
      provider: "assessment-engine",
      attemptKey: "e2e-789",
      candidate: people.jane,
      assessment: { externalId: "e2e-303", name: "Python Proficiency Test", jobTitle: job },
      occurredAt: at(35),
      facts: engineScoredFacts({ submittedAt: at(25) }),
    },
    {
      provider: "video",
      attemptKey: "e2e-int-42",
      candidate: people.jane,
      assessment: { externalId: "e2e-vid", name: "Video interview", jobTitle: job },
      occurredAt: at(36),
      facts: videoInterviewFacts({ submittedAt: at(24) }),
    },
    {
      provider: "smartai",
      attemptKey: "e2e-fs-1:mei",
      candidate: people.mei,
      assessment: fullStack,
      occurredAt: at(37),
      facts: { status: "invited", resultState: "pending" },
    },
  ];
}

/** Mei finishes while the recruiter watches: followers of the job get a notification. */
function lateCompletion(): AttemptSeed[] {
  return [
    {
      provider: "smartai",
      attemptKey: "e2e-fs-1:mei",
      candidate: RECRUITER_JOURNEY.people.mei,
      assessment: fullStack,
      occurredAt: new Date(),
      facts: smartAiCompletedFacts({ score: 83, recordingUrl: null, submittedAt: new Date() }),
    },
  ];
}

/**
 * Whether this database has the journey already: insights-compare.spec.ts and
 * recruiter-journey.spec.ts both need it, on one server. Applying its events again would be
 * right for ingestion (every delivery, a duplicate too, leaves a line on its attempt's
 * timeline) and wrong for the journey, whose candidate page counts Priya's two deliveries.
 */
async function journeySeeded(db: Db): Promise<boolean> {
  // The seeds go in one after another, so the last one there means all of them are.
  const last = journey().at(-1)!;
  const found = await db.attempt.findUnique({
    where: { provider_externalKey: { provider: last.provider, externalKey: last.attemptKey } },
    select: { id: true },
  });
  return found !== null;
}

async function main() {
  const command = process.argv[2];
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const seeds = command === "journey" ? journey() : command === "late-completion" ? lateCompletion() : null;
  if (!seeds) throw new Error(`unknown command ${command ?? "(none)"}: use "journey" or "late-completion"`);
  const db = createDb(url);
  try {
    if (command === "journey" && (await journeySeeded(db))) return;
    for (const seed of seeds) await whileBusy(() => applyAsDelivery(db, seed.provider, [reported(seed)]));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
