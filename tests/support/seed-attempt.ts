// Writes one candidate's attempt through the real ingestion path (applyEvents), the way a
// provider delivery would, and answers the attempt's id.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/server/db";
import type { AttemptFacts, CandidateFacts } from "@/lib/server/domain/events";
import { jobTitleKey, type ProviderId } from "@/lib/shared/vocabulary";
import { applyEvents } from "@/lib/server/ingestion/apply-events";

export interface SeedAttempt {
  provider?: ProviderId;
  candidate?: Partial<CandidateFacts>;
  assessmentName?: string;
  jobTitle?: string | null;
  facts?: AttemptFacts;
  occurredAt?: Date;
}

export const COMPLETED_FACTS: AttemptFacts = {
  status: "completed",
  resultState: "final",
  score: 78,
  maxScore: 100,
  passMark: 70,
  passed: true,
  sections: [
    { name: "Problem solving", score: 40, maxScore: 50, percentage: 80 },
    { name: "Communication", score: 38, maxScore: 50, percentage: 76 },
  ],
  proctoringScore: 91,
  violationCount: 1,
  proctoringDetails: [{ kind: "tab", label: "Tab switches", value: "1", flagged: true }],
  recordingUrl: "https://media.example.test/recordings/abc.mp4",
  submittedAt: new Date("2026-03-02T10:00:00Z"),
};

export async function seedAttempt(db: Db, seed: SeedAttempt = {}): Promise<string> {
  const provider = seed.provider ?? "testlify";
  const unique = randomBytes(4).toString("hex");
  const attemptKey = `seed-${unique}`;
  const email = seed.candidate?.email ?? `candidate-${unique}@example.test`;
  const jobTitle = seed.jobTitle === undefined ? "Senior Engineer" : seed.jobTitle;
  const assessmentName = seed.assessmentName ?? "default";
  // Ingestion keeps an assessment in the first job its provider named (simulate.ts), so one
  // assessment id shared by every title would put each later seed's result in the first
  // seed's job, and a job named only later would never exist: each title gets its own.
  const assessmentId = jobTitle
    ? `assessment-${assessmentName}@${jobTitleKey(jobTitle)}`
    : `assessment-${assessmentName}`;
  await db.$transaction((tx) =>
    applyEvents({ tx, provider, deliveryId: null }, [
      {
        kind: "attempt.reported",
        occurredAt: seed.occurredAt ?? new Date("2026-03-02T10:00:00Z"),
        attemptKey,
        assessment: {
          externalId: assessmentId,
          name: seed.assessmentName ?? "Backend engineering",
          jobTitle,
        },
        candidate: { name: "Ada Lovelace", ...seed.candidate, email },
        facts: seed.facts ?? COMPLETED_FACTS,
      },
    ]),
  );
  const attempt = await db.attempt.findUniqueOrThrow({
    where: { provider_externalKey: { provider, externalKey: attemptKey } },
    select: { id: true },
  });
  return attempt.id;
}
