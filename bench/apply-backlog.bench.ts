// Applying a backlog: 20,000 stored, pending deliveries (SmartAI and Testlify, shaped from the
// providers' samples in tests/fixtures) turned into results, timed from the first claim until
// every delivery is processed and every result is readable. Run on SQLite and on PostgreSQL
// (TEST_DATABASE_URL, or postgresql://postgres@127.0.0.1:5432/test: a scratch database is
// created beside it and dropped after). Exits non-zero when a target is missed.
//   npm run bench -- apply            (BENCH_DELIVERIES=5000 for a quicker run)
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, type Db } from "../lib/db/create-client";
import { applyMigrations } from "../lib/db/migrations";
import { storeDeliveries, type IncomingDelivery } from "../lib/server/ingestion/inbox";
import { processPendingDeliveries } from "../lib/server/ingestion/process-delivery";
import type { ProviderId } from "../lib/shared/vocabulary";

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 20_000);
const TARGETS = { sqlite: 5_000, postgresql: 2_500 } as const;

type Json = Record<string, unknown>;
const sample = (name: string) => JSON.parse(readFileSync(`tests/fixtures/providers/${name}.json`, "utf8")) as Json;

/**
 * A quarter each: SmartAI invitations and completions, Testlify invitations and completions —
 * each candidate invited, then finished, a few arriving older than what is stored, across 40
 * assessments and jobs.
 */
function backlog(count: number): { provider: ProviderId; deliveries: IncomingDelivery[] }[] {
  const smartSent = sample("smartai-assessment-sent");
  const smartDone = sample("smartai-assessment-completed");
  const testlifyInvited = sample("testlify-invited");
  const testlifyDone = sample("testlify-completed");
  const people = Math.floor(count / 4);
  const smartai: IncomingDelivery[] = [];
  const testlify: IncomingDelivery[] = [];
  for (let person = 0; person < people; person += 1) {
    const assessment = person % 40;
    const email = `bench-${person}@example.com`;
    const sent = {
      ...smartSent,
      eventId: `sent-${person}`,
      assessmentId: `asmt_bench_${assessment}`,
      jobTitle: `Bench role ${assessment}`,
      candidates: [{ id: `cand_${person}`, name: `Person ${person}`, email }],
    };
    const done = {
      ...smartDone,
      eventId: `done-${person}`,
      assessmentId: `asmt_bench_${assessment}`,
      jobTitle: `Bench role ${assessment}`,
      candidateId: `cand_${person}`,
      candidateEmail: email,
      candidateName: `Person ${person}`,
      score: 40 + (person % 60),
    };
    // Every tenth completion is stored before its invitation: the invitation arrives older.
    const pair = person % 10 === 0 ? [done, sent] : [sent, done];
    for (const event of pair) {
      smartai.push({
        externalId: String(event.eventId),
        source: "poll",
        eventType: String((event as Json).event),
        body: JSON.stringify(event),
      });
    }
    for (const [name, body] of [
      ["invited", testlifyInvited],
      ["done", testlifyDone],
    ] as const) {
      const data = { ...(body.data as Json), email: `tl-${email}`, assessmentId: `tl-assessment-${assessment}` };
      const event = { ...body, data };
      testlify.push({
        externalId: `tl-${name}-${person}`,
        source: "webhook",
        eventType: String(body.event),
        body: JSON.stringify(event),
      });
    }
  }
  return [
    { provider: "smartai", deliveries: smartai },
    { provider: "testlify", deliveries: testlify },
  ];
}

async function seed(db: Db) {
  let stored = 0;
  for (const { provider, deliveries } of backlog(DELIVERIES)) {
    for (let start = 0; start < deliveries.length; start += 1_000) {
      stored += (await storeDeliveries(db, provider, deliveries.slice(start, start + 1_000))).created.length;
    }
  }
  return stored;
}

async function measure(kind: "sqlite" | "postgresql", db: Db): Promise<boolean> {
  const stored = await seed(db);
  const started = performance.now();
  const counts = await processPendingDeliveries(db);
  const seconds = (performance.now() - started) / 1000;
  const pending = await db.delivery.count({ where: { status: "pending" } });
  const attempts = await db.attempt.count({ where: { status: "completed" } });
  const rate = stored / seconds;
  const target = TARGETS[kind];
  const ok = pending === 0 && counts.failed === 0 && attempts === stored / 2 && rate >= target;
  console.log(
    `${kind.padEnd(10)} ${stored} deliveries in ${seconds.toFixed(2)} s = ${Math.round(rate)} deliveries/s ` +
      `(target ≥ ${target}/s) · ${counts.processed} processed, ${counts.failed} failed, ${pending} pending, ` +
      `${attempts} completed results readable · ${ok ? "ok" : "MISSED"}`,
  );
  return ok;
}

async function onSqlite(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), "hub-bench-apply-"));
  const url = `file:${join(dir, "bench.db")}`;
  await applyMigrations(url);
  const db = createDb(url);
  try {
    return await measure("sqlite", db);
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<boolean> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const name = `hub_bench_apply_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`postgresql skipped: cannot reach ${adminUrl} (${(error as Error).message}) · MISSED`);
    return false;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString());
  try {
    await applyMigrations(url.toString());
    return await measure("postgresql", db);
  } finally {
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  const only = process.env.BENCH_DATABASE;
  const results: boolean[] = [];
  if (!only || only === "sqlite") results.push(await onSqlite());
  if (!only || only === "postgresql") results.push(await onPostgres());
  process.exit(results.every(Boolean) ? 0 : 1);
}

void main();
