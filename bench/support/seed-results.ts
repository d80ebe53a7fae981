// Writes a large, realistic job straight into a fresh SQLite file with batched inserts
// (the ingestion path would take minutes for 100,000 results; the rows it writes look like this).
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { ATTEMPT_STATUSES, PROVIDERS } from "../../lib/shared/vocabulary";

const FIRST = ["Priya", "Bikram", "Jane", "Ada", "Grace", "Linus", "Barbara", "Omar", "Mei", "Tomás"];
const LAST = ["Sharma", "Ghosh", "Doe", "Lovelace", "Hopper", "Torvalds", "Liskov", "Haddad", "Chen", "García"];

/** Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

export interface SeededJob {
  jobId: string;
  results: number;
}

export function seedLargeJob(file: string, results: number): SeededJob {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const now = Date.now();
  const jobId = `job_${randomUUID()}`;
  sqlite
    .prepare(`INSERT INTO "Job" (id, title, titleKey, createdAt, updatedAt, lastActivityAt) VALUES (?, ?, ?, ?, ?, ?)`)
    .run(jobId, "Senior Software Engineer", "senior software engineer", stamp(now), stamp(now), stamp(now));

  const assessmentIds = PROVIDERS.map((provider) => {
    const id = `asm_${provider}`;
    sqlite
      .prepare(
        `INSERT INTO "Assessment" (id, provider, externalId, name, jobId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, provider, `ext_${provider}`, `${provider} assessment`, jobId, stamp(now), stamp(now));
    return id;
  });

  const insertCandidate = sqlite.prepare(
    `INSERT INTO "Candidate" (id, email, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertAttempt = sqlite.prepare(`INSERT INTO "Attempt" (
      id, provider, externalKey, assessmentId, candidateId, jobId, status, resultState, score, maxScore, passMark,
      passed, proctoringScore, violationCount, integrityFlagged, recordingUrl, reportUrl, aiFeedback, sections,
      submittedAt, durationSeconds, providerUpdatedAt, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  const insertBatch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const providerIndex = i % PROVIDERS.length;
      // Most results are finished; about a third still waiting or in progress.
      const status = i % 3 === 0 ? ATTEMPT_STATUSES[i % 9 < 3 ? 0 : 2]! : "completed";
      const completed = status === "completed";
      const score = completed ? (i * 7919) % 101 : null;
      const proctoring = completed ? 50 + ((i * 31) % 51) : null;
      const violations = completed ? (i * 13) % 5 : null;
      const at = now - (i % 50_000) * 60_000;
      const candidateId = `cand_${i}`;
      insertCandidate.run(
        candidateId,
        `candidate${i}@example.com`,
        `${FIRST[i % 10]} ${LAST[((i / 10) % 10) | 0]} ${i}`,
        stamp(at),
        stamp(at),
      );
      insertAttempt.run(
        `att_${randomUUID()}`,
        PROVIDERS[providerIndex]!,
        `key_${i}`,
        assessmentIds[providerIndex]!,
        candidateId,
        jobId,
        status,
        completed ? "final" : "pending",
        score,
        completed ? 100 : null,
        completed ? 60 : null,
        score === null ? null : score >= 60 ? 1 : 0,
        proctoring,
        violations,
        (violations ?? 0) > 0 || (proctoring ?? 100) < 70 ? 1 : 0,
        completed ? `https://media.example.test/recordings/${i}.mp4` : null,
        completed ? `https://reports.example.test/${i}` : null,
        completed ? "Solid fundamentals; explained trade-offs clearly, weaker on indexing." : null,
        completed ? JSON.stringify([{ name: "Logic", score: score, maxScore: 100, percentage: score }]) : null,
        completed ? stamp(at) : null,
        completed ? 1_800 + (i % 1_800) : null,
        stamp(at),
        stamp(at),
        stamp(at),
      );
    }
  });
  for (let from = 0; from < results; from += 5_000) insertBatch(from, Math.min(results, from + 5_000));
  sqlite.close();
  return { jobId, results };
}
