// The baselines for draining SmartAI's queue, each storing one normalised result row per
// event (the fields of the guide's Step 6 save function) and each clock stopped after the last
// acknowledgement — for them, acknowledged means visible:
//   (a) the guide's loop written with Prisma, as a user of this stack would write it;
//   (b) the same loop straight on better-sqlite3;
//   (c) a batched floor on the driver: 100 a call, one transaction a batch.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import type { QueueClient, SmartAiEvent } from "./smartai-emulator";

/** The guide's Step 6 save function's row: what a recruiter of such an app reads. */
export interface GuideRow {
  eventId: string;
  event: string;
  candidateEmail: string;
  candidateName: string | null;
  assessmentId: string;
  assessmentName: string | null;
  jobTitle: string | null;
  score: number | null;
  totalMarks: number | null;
  passMarks: number | null;
  passed: boolean | null;
  status: string;
  submittedAt: Date | null;
  durationMinutes: number | null;
  aiFeedback: string | null;
  reportUrl: string | null;
  proctoringScore: number | null;
  proctoringViolationCount: number | null;
  recordingUrl: string | null;
  storedAt: Date;
}

/** An invitation (assessment.sent) is kept as one row too, naming everyone it went to. */
export function normaliseGuideEvent(event: SmartAiEvent): GuideRow {
  const sent = event.event === "assessment.sent";
  return {
    eventId: event.eventId,
    event: event.event,
    candidateEmail: sent
      ? (event.candidates ?? []).map((candidate) => candidate.email).join(",")
      : (event.candidateEmail ?? ""),
    candidateName: sent ? null : (event.candidateName ?? null),
    assessmentId: event.assessmentId,
    assessmentName: event.assessmentName ?? null,
    jobTitle: event.jobTitle ?? null,
    score: event.score ?? null,
    totalMarks: event.totalMarks ?? null,
    passMarks: event.passMarks ?? null,
    passed: event.passed ?? null,
    status: sent ? "invited" : (event.status ?? "completed"),
    submittedAt: event.submittedAt ? new Date(event.submittedAt) : null,
    durationMinutes: event.durationMinutes ?? null,
    aiFeedback: event.aiFeedback ?? null,
    reportUrl: event.reportUrl ?? null,
    proctoringScore: event.proctoring?.score ?? (sent ? null : 100),
    proctoringViolationCount: event.proctoring?.violationCount ?? (sent ? null : 0),
    recordingUrl: event.recording?.url ?? null,
    storedAt: new Date(event.storedAt),
  };
}

/** The table behind bench/support/guide-prisma/schema.prisma, as Prisma would create it on SQLite. */
export const GUIDE_TABLE_DDL = `CREATE TABLE "AssessmentResult" (
  "eventId" TEXT NOT NULL PRIMARY KEY, "event" TEXT NOT NULL, "candidateEmail" TEXT NOT NULL,
  "candidateName" TEXT, "assessmentId" TEXT NOT NULL, "assessmentName" TEXT, "jobTitle" TEXT,
  "score" REAL, "totalMarks" REAL, "passMarks" REAL, "passed" BOOLEAN, "status" TEXT NOT NULL,
  "submittedAt" DATETIME, "durationMinutes" INTEGER, "aiFeedback" TEXT, "reportUrl" TEXT,
  "proctoringScore" REAL, "proctoringViolationCount" INTEGER, "recordingUrl" TEXT, "storedAt" DATETIME NOT NULL)`;

/** A fresh SQLite file with the guide's table, in WAL mode like the app's. */
export function createGuideDatabase(file: string): void {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.exec(GUIDE_TABLE_DDL);
  sqlite.close();
}

export function countGuideRows(file: string): number {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare(`SELECT COUNT(*) AS n FROM "AssessmentResult"`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

interface GuidePrisma {
  assessmentResult: {
    upsert(args: { where: { eventId: string }; create: GuideRow; update: Record<string, never> }): Promise<unknown>;
  };
  $disconnect(): Promise<void>;
}

const GUIDE_SCHEMA = join("bench", "support", "guide-prisma", "schema.prisma");
const GUIDE_CLIENT = join("node_modules", ".cache", "bench-guide-prisma", "client.ts");

/** The guide's Prisma client, generated (in about 3 s) when missing or older than its schema. */
export async function guidePrismaClient(file: string): Promise<GuidePrisma> {
  if (!existsSync(GUIDE_CLIENT) || statSync(GUIDE_CLIENT).mtimeMs < statSync(GUIDE_SCHEMA).mtimeMs) {
    execFileSync("npx", ["prisma", "generate", "--no-hints", "--schema", GUIDE_SCHEMA], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  }
  // Generated outside the source tree, so typed here by the one call the loop makes.
  const { PrismaClient } = (await import(pathToFileURL(join(process.cwd(), GUIDE_CLIENT)).href)) as {
    PrismaClient: new (options: { adapter: unknown }) => GuidePrisma;
  };
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
}

/** (a) The guide's pollAssessmentResults() with Prisma: 50 a call, one upsert per event, acknowledge, again while pending. */
export async function prismaGuideLoop(client: QueueClient, prisma: GuidePrisma): Promise<void> {
  for (;;) {
    const { events, pendingCount } = await client.getWebhookEvents({ limit: 50 });
    if (events.length === 0) return;
    const processedIds: string[] = [];
    for (const event of events) {
      await prisma.assessmentResult.upsert({
        where: { eventId: event.eventId },
        create: normaliseGuideEvent(event),
        update: {},
      });
      processedIds.push(event.eventId);
    }
    await client.acknowledgeWebhookEvents(processedIds);
    if (pendingCount === 0) return;
  }
}

const INSERT_ROW = `INSERT INTO "AssessmentResult" VALUES (
  @eventId, @event, @candidateEmail, @candidateName, @assessmentId, @assessmentName, @jobTitle, @score, @totalMarks,
  @passMarks, @passed, @status, @submittedAt, @durationMinutes, @aiFeedback, @reportUrl, @proctoringScore,
  @proctoringViolationCount, @recordingUrl, @storedAt) ON CONFLICT ("eventId") DO NOTHING`;

function driverRow(row: GuideRow) {
  return {
    ...row,
    passed: row.passed === null ? null : row.passed ? 1 : 0,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    storedAt: row.storedAt.toISOString(),
  };
}

/** (b) The same loop on better-sqlite3: each upsert its own statement and its own commit. */
export async function driverGuideLoop(client: QueueClient, file: string): Promise<void> {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const insert = sqlite.prepare(INSERT_ROW);
  try {
    for (;;) {
      const { events, pendingCount } = await client.getWebhookEvents({ limit: 50 });
      if (events.length === 0) return;
      const processedIds: string[] = [];
      for (const event of events) {
        insert.run(driverRow(normaliseGuideEvent(event)));
        processedIds.push(event.eventId);
      }
      await client.acknowledgeWebhookEvents(processedIds);
      if (pendingCount === 0) return;
    }
  } finally {
    sqlite.close();
  }
}

/** (c) The floor: 100 a call, the whole batch in one transaction, then one acknowledgement. */
export async function batchedDriverFloor(client: QueueClient, file: string): Promise<void> {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const insert = sqlite.prepare(INSERT_ROW);
  const storeBatch = sqlite.transaction((events: SmartAiEvent[]) => {
    for (const event of events) insert.run(driverRow(normaliseGuideEvent(event)));
  });
  try {
    for (;;) {
      const { events, pendingCount } = await client.getWebhookEvents({ limit: 100 });
      if (events.length === 0) return;
      storeBatch(events);
      await client.acknowledgeWebhookEvents(events.map((event) => event.eventId));
      if (pendingCount === 0) return;
    }
  } finally {
    sqlite.close();
  }
}
