// Issue 15: candidate search goes through a trigram index (FTS5 on SQLite, pg_trgm on
// PostgreSQL) that keeps substring matching, falls back to a prefix for short queries, follows
// every change to a candidate, and keeps nothing of an erased one; the jobs overview's counts
// come from ResultTally, which triggers keep equal to the results themselves.
process.env.ERASURE_HMAC_KEY ??= "search-test-key-".padEnd(40, "x");

import Database from "better-sqlite3";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { sqliteFilePath } from "@/lib/db/create-client";
import type { Db } from "@/lib/server/db";
import { countJobResults, listJobResults } from "@/lib/server/results/job-results";
import { listJobsOverview } from "@/lib/server/results/jobs-overview";
import { erasePerson } from "@/lib/server/privacy/erase-person";
import { candidateIdsMatching, MATCHED_CANDIDATES_LIMIT } from "@/lib/server/results/text-search";
import { createTestDatabase, describeEachDatabase } from "../support/databases";

const NO_FILTERS = { status: [], provider: [] };
const PEOPLE = [
  { name: "Bikram Ghosh", email: "b.ghosh@example.com" },
  { name: "Abigail Stone", email: "abi@example.org" },
  { name: "Priya Sharma", email: "priya.s@example.com" },
  { name: "Ólafur Jónsson", email: "olafur@example.is" },
];

async function namesFound(db: Db, jobId: string, q: string): Promise<string[]> {
  const page = await listJobResults(db, jobId, { ...NO_FILTERS, q }, { sort: "score", dir: "desc", size: 50 });
  expect(await countJobResults(db, jobId, { ...NO_FILTERS, q })).toBe(page.rows.length);
  return page.rows.map((row) => row.candidate.name).sort();
}

/** A job with PEOPLE's results; `emailTag` makes their emails its own when a test changes them. */
async function seedJob(db: Db, emailTag?: string) {
  const job = await db.job.create({ data: { title: "Search job", titleKey: `search job ${Math.random()}` } });
  const assessment = await db.assessment.create({
    data: { provider: "testlify", externalId: `asm_${job.id}`, name: "Logic", jobId: job.id },
  });
  for (const [index, person] of PEOPLE.entries()) {
    const email = emailTag ? person.email.replace("@", `+${emailTag}@`) : person.email;
    const candidate = await db.candidate.create({ data: { ...person, email } });
    await db.attempt.create({
      data: {
        provider: "testlify",
        externalKey: `${job.id}_${index}`,
        assessmentId: assessment.id,
        candidateId: candidate.id,
        jobId: job.id,
        status: "completed",
        score: 40 + index * 10,
        maxScore: 100,
        passed: index >= 2,
      },
    });
  }
  return { jobId: job.id, assessmentId: assessment.id };
}

describeEachDatabase("candidate search", (getDb) => {
  let jobId: string;
  beforeAll(async () => {
    ({ jobId } = await seedJob(getDb()));
  });

  it("finds any substring of three characters or more in a name or an email, whatever its case", async () => {
    const db = getDb();
    expect(await namesFound(db, jobId, "ikram")).toEqual(["Bikram Ghosh"]);
    expect(await namesFound(db, jobId, "IKRAM gho")).toEqual(["Bikram Ghosh"]);
    expect(await namesFound(db, jobId, "ghosh@exa")).toEqual(["Bikram Ghosh"]);
    expect(await namesFound(db, jobId, "example.com")).toEqual(["Bikram Ghosh", "Priya Sharma"]);
    expect(await namesFound(db, jobId, "jóns")).toEqual(["Ólafur Jónsson"]);
    expect(await namesFound(db, jobId, "nobody")).toEqual([]);
  });

  it("matches a query under three characters as the start of a name or an email", async () => {
    const db = getDb();
    expect(await namesFound(db, jobId, "bi")).toEqual(["Bikram Ghosh"]);
    expect(await namesFound(db, jobId, "AB")).toEqual(["Abigail Stone"]);
    expect(await namesFound(db, jobId, "pr")).toEqual(["Priya Sharma"]);
    expect(await namesFound(db, jobId, "ra")).toEqual([]);
  });

  it("finds the same results when a search matches too many people for a list of ids (search-results.ts joins them in SQL)", async () => {
    const db = getDb();
    const many = MATCHED_CANDIDATES_LIMIT + 1;
    await db.candidate.createMany({
      data: Array.from({ length: many }, (_, i) => ({ name: `Wide Xylophone ${i}`, email: `wide${i}@example.net` })),
    });
    expect(await candidateIdsMatching(db, "xyloph")).toBeNull();
    expect(await candidateIdsMatching(db, "xylophone 12")).toHaveLength(11);
    const [inJob] = await db.candidate.findMany({ where: { email: "wide424@example.net" } });
    const assessment = await db.assessment.findFirstOrThrow({ where: { jobId } });
    await db.attempt.create({
      data: {
        provider: "testlify",
        externalKey: `${jobId}_wide`,
        assessmentId: assessment.id,
        candidateId: inJob!.id,
        jobId,
        status: "completed",
      },
    });
    expect(await namesFound(db, jobId, "xyloph")).toEqual(["Wide Xylophone 424"]);
    expect(await namesFound(db, jobId, "XYLOPHONE 424")).toEqual(["Wide Xylophone 424"]);
    expect(await namesFound(db, jobId, "wi")).toEqual(["Wide Xylophone 424"]);
  });

  it("follows a renamed, re-addressed or deleted candidate", async () => {
    const db = getDb();
    // A job and people of its own: the other tests search the shared job's unchanged people.
    const { jobId } = await seedJob(db, "follows");
    const priya = await db.candidate.findUniqueOrThrow({ where: { email: "priya.s+follows@example.com" } });
    await db.candidate.update({ where: { id: priya.id }, data: { name: "Priya Venkatesan", email: "pv@example.net" } });
    expect(await namesFound(db, jobId, "sharma")).toEqual([]);
    expect(await namesFound(db, jobId, "venkat")).toEqual(["Priya Venkatesan"]);
    expect(await namesFound(db, jobId, "pv@exa")).toEqual(["Priya Venkatesan"]);
    expect(await namesFound(db, jobId, "priya.s")).toEqual([]);

    await db.attempt.deleteMany({ where: { candidateId: priya.id } });
    await db.candidate.delete({ where: { id: priya.id } });
    expect(await namesFound(db, jobId, "venkat")).toEqual([]);
  });
});

describeEachDatabase("result tally", (getDb) => {
  // Each test counts a job of its own, seeded with people of its own.
  let jobId: string;
  let assessmentId: string;
  beforeEach(async (context) => {
    ({ jobId, assessmentId } = await seedJob(getDb(), context.task.id));
  });

  /** The overview's figures for the job, and the same figures counted from the results themselves. */
  async function overviewAndTruth(db: Db) {
    const overview = (await listJobsOverview(db, {})).jobs.find((job) => job.id === jobId)!;
    const attempts = await db.attempt.findMany({ where: { jobId } });
    const byStatus: Record<string, number> = {};
    for (const attempt of attempts) byStatus[attempt.status] = (byStatus[attempt.status] ?? 0) + 1;
    const decided = attempts.filter((attempt) => attempt.passed !== null);
    const scored = attempts.filter((attempt) => attempt.score !== null && (attempt.maxScore ?? 0) > 0);
    return {
      overview: {
        results: overview.results,
        byStatus: overview.byStatus,
        passRate: overview.passRate,
        averagePercent: overview.averagePercent,
      },
      truth: {
        results: attempts.length,
        byStatus,
        passRate: decided.length ? (decided.filter((a) => a.passed).length / decided.length) * 100 : null,
        averagePercent: scored.length
          ? scored.reduce((sum, a) => sum + (a.score! / a.maxScore!) * 100, 0) / scored.length
          : null,
      },
    };
  }

  function expectSame({ overview, truth }: Awaited<ReturnType<typeof overviewAndTruth>>) {
    expect(overview.results).toBe(truth.results);
    expect(overview.byStatus).toEqual(truth.byStatus);
    expect(overview.passRate).toBeCloseTo(truth.passRate ?? Number.NaN, 9);
    if (truth.averagePercent === null) expect(overview.averagePercent).toBeNull();
    else expect(overview.averagePercent).toBeCloseTo(truth.averagePercent, 9);
  }

  it("counts what is inserted", async () => {
    const counted = await overviewAndTruth(getDb());
    expect(counted.overview.results).toBe(PEOPLE.length);
    expectSame(counted);
  });

  it("moves a result between cells when its status, score, verdict or job changes, and drops it when deleted", async () => {
    const db = getDb();
    const [first, second, third] = await db.attempt.findMany({ where: { jobId }, orderBy: { externalKey: "asc" } });
    await db.attempt.update({ where: { id: first!.id }, data: { status: "in_progress", score: null, passed: null } });
    await db.attempt.update({ where: { id: second!.id }, data: { score: 95, maxScore: 120, passed: true } });
    await db.attempt.updateMany({ where: { jobId }, data: { integrityFlagged: true } });
    expectSame(await overviewAndTruth(db));

    await db.attempt.delete({ where: { id: third!.id } });
    expectSame(await overviewAndTruth(db));

    const other = await db.job.create({ data: { title: "Other", titleKey: `other ${jobId}` } });
    await db.attempt.update({ where: { id: second!.id }, data: { jobId: other.id } });
    expectSame(await overviewAndTruth(db));
    const moved = (await listJobsOverview(db, {})).jobs.find((job) => job.id === other.id)!;
    expect(moved.results).toBe(1);
    expect(moved.passRate).toBe(100);

    // Deleting the job unlinks its results (SetNull): they move to the unlinked row.
    await db.job.delete({ where: { id: other.id } });
    const unlinked = (await listJobsOverview(db, {})).unlinked;
    expect(unlinked?.results).toBe(1);
    // A shard may go below zero (a result counted on one connection, moved on another); a cell never does.
    const cells = await db.resultTally.groupBy({
      by: ["jobKey", "status", "verdict", "flagged"],
      where: { assessmentId },
      _sum: { results: true },
    });
    expect(cells.filter((cell) => (cell._sum.results ?? 0) < 0)).toEqual([]);
  });
});

it("leaves no trace of an erased candidate in the search index's shadow tables (SQLite)", async () => {
  const database = await createTestDatabase("sqlite");
  try {
    const db = database.db;
    const { jobId } = await seedJob(db);
    const distinctive = { name: "Zyxwoqa Quervink", email: "zyxwoqa.quervink@example.com" };
    const candidate = await db.candidate.create({ data: distinctive });
    expect(await db.candidate.count({ where: { search: { is: { text: { contains: "woqa" } } } } })).toBe(1);
    // Lowered trigrams found only in this person's name and email.
    const trigrams = ["zyx", "yxw", "xwo", "woq", "oqa", "que", "uer", "erv", "rvi", "vin", "ink"];

    const sqlite = new Database(sqliteFilePath(database.url), { readonly: true });
    const indexed = () => {
      const vocabulary = new Set(
        (sqlite.prepare(`SELECT term FROM "CandidateSearch_terms"`).all() as { term: string }[]).map((row) => row.term),
      );
      const blobs = (sqlite.prepare(`SELECT block FROM "CandidateSearch_data"`).all() as { block: Buffer | null }[])
        .map((row) => row.block?.toString("latin1") ?? "")
        .join("\n");
      return trigrams.filter((trigram) => vocabulary.has(trigram) || blobs.includes(trigram));
    };
    sqlite.exec(`CREATE VIRTUAL TABLE temp."CandidateSearch_terms" USING fts5vocab(main, "CandidateSearch", row)`);
    expect(indexed()).toEqual(trigrams);

    const erased = await erasePerson(
      db,
      { candidateId: candidate.id },
      { kind: "user", id: "u_admin", label: "admin@example.com" },
    );
    expect(erased.erased).toBe(true);
    expect(indexed()).toEqual([]);
    const otherShadowText = ["CandidateSearch_idx", "CandidateSearch_docsize", "CandidateSearch_config"].flatMap(
      (table) =>
        (sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).flatMap((row) =>
          Object.values(row).map((value) => (Buffer.isBuffer(value) ? value.toString("latin1") : String(value ?? ""))),
        ),
    );
    expect(otherShadowText.filter((text) => /zyxwoqa|quervink/i.test(text))).toEqual([]);
    sqlite.close();
    // Everyone else is still found.
    expect(await namesFound(db, jobId, "ikram")).toEqual(["Bikram Ghosh"]);
  } finally {
    await database.drop();
  }
});
