// Writes a large, realistic job straight into a migrated SQLite file (the ingestion path would
// take many minutes for a million results; the rows it writes look like this). Fast enough to
// seed 1,000,000 results in a bench run: multi-row INSERTs in one transaction, and the tables'
// secondary indexes dropped while loading and built again afterwards (one sort each instead of
// a million random b-tree inserts). Triggers stay, so the search index is filled by the same
// triggers the app relies on.
import Database from "better-sqlite3";
import { ATTEMPT_STATUSES, PROVIDERS } from "../../lib/shared/vocabulary";

export const FIRST_NAMES = ["Priya", "Bikram", "Jane", "Ada", "Grace", "Linus", "Barbara", "Omar", "Mei", "Tomás"];
export const LAST_NAMES = [
  "Sharma",
  "Ghosh",
  "Doe",
  "Lovelace",
  "Hopper",
  "Torvalds",
  "Liskov",
  "Haddad",
  "Chen",
  "García",
];
const JOB_TITLE = "Senior Software Engineer";
/** Rows per INSERT statement: SQLite allows 32,766 bound values, an Attempt row takes 24. */
const ROWS_PER_STATEMENT = 500;

/** Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

/** Seeded candidate i's name: every one carries one of LAST, and its number, so it can be found alone. */
export function seededName(i: number): string {
  return `${FIRST_NAMES[i % 10]} ${LAST_NAMES[((i / 10) % 10) | 0]} ${i}`;
}

export interface SeededJob {
  jobId: string;
  title: string;
  /** Results written so far (candidates 0 … results-1). */
  results: number;
}

/** Creates the job with one assessment per provider; `addResults` fills it. */
export function createLargeJob(file: string): SeededJob {
  const sqlite = new Database(file);
  try {
    const now = stamp(Date.now());
    const jobId = "job_bench_large";
    sqlite
      .prepare(
        `INSERT INTO "Job" (id, title, titleKey, createdAt, updatedAt, lastActivityAt) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(jobId, JOB_TITLE, JOB_TITLE.toLowerCase(), now, now, now);
    const insertAssessment = sqlite.prepare(
      `INSERT INTO "Assessment" (id, provider, externalId, name, jobId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const provider of PROVIDERS)
      insertAssessment.run(`asm_${provider}`, provider, `ext_${provider}`, `${provider} assessment`, jobId, now, now);
    return { jobId, title: JOB_TITLE, results: 0 };
  } finally {
    sqlite.close();
  }
}

/** Adds results (and a candidate each) until the job holds `total`. */
export function addResults(file: string, job: SeededJob, total: number): SeededJob {
  if (total <= job.results) return job;
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    // A bench database is thrown away: a crash mid-seed loses nothing worth an fsync.
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("cache_size = -262144");
    const now = Date.now();
    const candidates = multiRowInsert(sqlite, "Candidate", ["id", "email", "name", "createdAt", "updatedAt"]);
    const attempts = multiRowInsert(sqlite, "Attempt", ATTEMPT_COLUMNS);
    sqlite.transaction(() => {
      const indexes = dropSecondaryIndexes(sqlite, ["Candidate", "Attempt"]);
      for (let from = job.results; from < total; from += ROWS_PER_STATEMENT) {
        const to = Math.min(total, from + ROWS_PER_STATEMENT);
        const candidateRows: unknown[][] = [];
        const attemptRows: unknown[][] = [];
        for (let i = from; i < to; i += 1) {
          const at = stamp(now - (i % 50_000) * 60_000);
          candidateRows.push([`cand_${i}`, `candidate${i}@example.com`, seededName(i), at, at]);
          attemptRows.push(attemptRow(i, job.jobId, at));
        }
        candidates(candidateRows);
        attempts(attemptRows);
      }
      for (const sql of indexes) sqlite.exec(sql);
    })();
    // A sample is enough for the planner, and reading every index of a million rows is not.
    sqlite.pragma("analysis_limit = 1000");
    sqlite.exec("ANALYZE");
    return { ...job, results: total };
  } finally {
    sqlite.close();
  }
}

const ATTEMPT_COLUMNS = [
  "id",
  "provider",
  "externalKey",
  "assessmentId",
  "candidateId",
  "jobId",
  "status",
  "resultState",
  "score",
  "maxScore",
  "passMark",
  "passed",
  "proctoringScore",
  "violationCount",
  "integrityFlagged",
  "recordingUrl",
  "reportUrl",
  "aiFeedback",
  "sections",
  "submittedAt",
  "durationSeconds",
  "providerUpdatedAt",
  "createdAt",
  "updatedAt",
];

function attemptRow(i: number, jobId: string, at: string): unknown[] {
  const provider = PROVIDERS[i % PROVIDERS.length]!;
  // Most results are finished; about a third still waiting or in progress.
  const status = i % 3 === 0 ? ATTEMPT_STATUSES[i % 9 < 3 ? 0 : 2]! : "completed";
  const completed = status === "completed";
  const score = completed ? (i * 7919) % 101 : null;
  const proctoring = completed ? 50 + ((i * 31) % 51) : null;
  const violations = completed ? (i * 13) % 5 : null;
  return [
    `att_${String(i).padStart(8, "0")}`,
    provider,
    `key_${i}`,
    `asm_${provider}`,
    `cand_${i}`,
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
    completed ? JSON.stringify([{ name: "Logic", score, maxScore: 100, percentage: score }]) : null,
    completed ? at : null,
    completed ? 1_800 + (i % 1_800) : null,
    at,
    at,
    at,
  ];
}

function multiRowInsert(sqlite: Database.Database, table: string, columns: string[]) {
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const head = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `;
  const statements = new Map<number, Database.Statement>();
  return (rows: unknown[][]) => {
    let statement = statements.get(rows.length);
    if (!statement) {
      statement = sqlite.prepare(head + Array.from({ length: rows.length }, () => tuple).join(", "));
      statements.set(rows.length, statement);
    }
    statement.run(rows.flat());
  };
}

/** Drops the tables' own indexes (not the primary keys SQLite made) and returns the SQL that makes them again. */
function dropSecondaryIndexes(sqlite: Database.Database, tables: string[]): string[] {
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => "?").join(", ")})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  return indexes.map((index) => index.sql);
}
