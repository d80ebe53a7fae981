import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import {
  countJobResults,
  listJobResults,
  type JobScope,
  type ResultsSelection,
} from "@/lib/server/results/job-results";
import { candidateIdsMatching, MATCHED_CANDIDATES_LIMIT } from "@/lib/server/results/text-search";
import { RESULT_SORT_KEYS, type ResultSortKey, type SortDirection } from "@/lib/shared/job-results-view";
import { describeEachDatabase } from "../support/databases";
import { seedResultGrid, type GridRow } from "../support/result-grid";

const NO_FILTERS: ResultsSelection = { status: [], provider: [] };

type FilterCase = [ResultsSelection, (row: GridRow) => boolean];
/** Each filter but status on its own, with the rows it keeps. */
const EACH_OTHER_FILTER: FilterCase[] = [
  [{ ...NO_FILTERS, provider: ["testlify"] }, (row) => row.provider === "testlify"],
  [{ ...NO_FILTERS, passed: "yes" }, (row) => row.passed === true],
  [{ ...NO_FILTERS, passed: "no" }, (row) => row.passed === false],
  [{ ...NO_FILTERS, flagged: "yes" }, (row) => row.integrityFlagged],
];

async function walkForward(
  db: Db,
  jobId: JobScope,
  filters: ResultsSelection,
  sort: ResultSortKey,
  dir: SortDirection,
  size: number,
) {
  const pages: string[][] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 1_000; guard += 1) {
    const page = await listJobResults(db, jobId, filters, { sort, dir, size, after });
    pages.push(page.rows.map((row) => row.id));
    if (!page.nextCursor) return { pages, lastPage: page };
    after = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

/** The pages before the last one, walked back from it by each page's previous cursor. */
async function walkBackward(
  db: Db,
  jobId: JobScope,
  filters: ResultsSelection,
  sort: ResultSortKey,
  dir: SortDirection,
  size: number,
  walked: Awaited<ReturnType<typeof walkForward>>,
) {
  const backwards: string[][] = [walked.pages.at(-1)!];
  let before = walked.lastPage.previousCursor;
  while (before) {
    const page = await listJobResults(db, jobId, filters, { sort, dir, size, before });
    backwards.unshift(page.rows.map((row) => row.id));
    before = page.previousCursor ?? null;
  }
  return backwards;
}

const SORTS_BOTH_WAYS = RESULT_SORT_KEYS.flatMap((sort) =>
  (["asc", "desc"] as const).map((dir) => [sort, dir] as const),
);

/** The order the view promises: filled values by (value, id) in the direction, then empty ones by id. */
function expectedOrder(rows: GridRow[], sort: ResultSortKey, dir: SortDirection): string[] {
  const sign = dir === "asc" ? 1 : -1;
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const filled = rows.filter((row) => row.sortValues[sort] !== null);
  const empty = rows.filter((row) => row.sortValues[sort] === null);
  filled.sort((a, b) => sign * (compare(a.sortValues[sort]!, b.sortValues[sort]!) || compare(a.id, b.id)));
  empty.sort((a, b) => sign * compare(a.id, b.id));
  return [...filled, ...empty].map((row) => row.id);
}

describeEachDatabase("job results: filters, sorting and keyset pages", (getDb) => {
  let grid: Awaited<ReturnType<typeof seedResultGrid>>;

  beforeAll(async () => {
    grid = await seedResultGrid(getDb(), { rows: 61 });
  });

  describe.each(SORTS_BOTH_WAYS)("sorted by %s %s", (sort, dir) => {
    it("walks every row exactly once, in order, forwards and back", async () => {
      const db = getDb();
      const forward = await walkForward(db, grid.jobId, NO_FILTERS, sort, dir, 7);
      const walked = forward.pages.flat();
      expect(walked).toEqual(expectedOrder(grid.rows, sort, dir));
      expect(new Set(walked).size).toBe(grid.rows.length);
      expect(forward.pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
      expect(await walkBackward(db, grid.jobId, NO_FILTERS, sort, dir, 7, forward)).toEqual(forward.pages);
    });
  });

  it("filters by status, provider, passed and integrity flag, and counts the same rows", async () => {
    const db = getDb();
    const cases: FilterCase[] = [
      [{ ...NO_FILTERS, status: ["completed"] }, (row) => row.status === "completed"],
      [
        { ...NO_FILTERS, status: ["invited", "in_progress"] },
        (row) => row.status === "invited" || row.status === "in_progress",
      ],
      ...EACH_OTHER_FILTER,
      [
        { ...NO_FILTERS, status: ["completed"], provider: ["smartai"], flagged: "yes" },
        (row) => row.status === "completed" && row.provider === "smartai" && row.integrityFlagged,
      ],
    ];
    for (const [filters, matches] of cases) {
      const expected = expectedOrder(grid.rows.filter(matches), "score", "desc");
      expect(expected.length).toBeGreaterThan(0);
      const { pages } = await walkForward(db, grid.jobId, filters, "score", "desc", 10);
      expect(pages.flat()).toEqual(expected);
      expect(await countJobResults(db, grid.jobId, filters)).toBe(expected.length);
    }
  });

  it("searches candidate names regardless of case, and emails", async () => {
    const db = getDb();
    const target = grid.rows[5]!;
    const byName = await listJobResults(
      db,
      grid.jobId,
      { ...NO_FILTERS, q: target.candidateName.toUpperCase() },
      { sort: "score", dir: "desc", size: 50 },
    );
    expect(byName.rows.map((row) => row.id)).toContain(target.id);
    expect(
      byName.rows.every((row) => row.candidate.name.toLowerCase().includes(target.candidateName.toLowerCase())),
    ).toBe(true);

    const byEmail = await listJobResults(
      db,
      grid.jobId,
      { ...NO_FILTERS, q: target.candidateEmail },
      { sort: "score", dir: "desc", size: 50 },
    );
    expect(byEmail.rows.map((row) => row.id)).toEqual([target.id]);
    expect(await countJobResults(db, grid.jobId, { ...NO_FILTERS, q: "nobody-by-this-name" })).toBe(0);
  });

  it("keeps to the job: another job's results and unlinked results stay out, and unlinked ones have their own scope", async () => {
    const db = getDb();
    expect(await countJobResults(db, grid.jobId, NO_FILTERS)).toBe(grid.rows.length);
    expect(await countJobResults(db, grid.otherJobId, NO_FILTERS)).toBe(1);
    const unlinked = await listJobResults(db, null, NO_FILTERS, { sort: "submittedAt", dir: "desc", size: 50 });
    expect(unlinked.rows.map((row) => row.candidate.email)).toEqual(["unlinked@example.com"]);
  });

  it("treats a cursor it did not make as the first page", async () => {
    const db = getDb();
    const first = await listJobResults(db, grid.jobId, NO_FILTERS, { sort: "score", dir: "desc", size: 5 });
    for (const cursor of ["garbage", Buffer.from('{"v":"text","i":"x"}').toString("base64url")]) {
      const page = await listJobResults(db, grid.jobId, NO_FILTERS, {
        sort: "score",
        dir: "desc",
        size: 5,
        after: cursor,
      });
      expect(page.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
      expect(page.previousCursor).toBeNull();
    }
  });

  it("exports only the selected rows when a selection is given", async () => {
    const db = getDb();
    const ids = [grid.rows[0]!.id, grid.rows[9]!.id, grid.rows[20]!.id];
    const page = await listJobResults(db, grid.jobId, { ...NO_FILTERS, ids }, { sort: "score", dir: "desc", size: 50 });
    expect(page.rows.map((row) => row.id).sort()).toEqual([...ids].sort());
  });
});

describeEachDatabase("job results: a search matching more people than a list of ids holds", (getDb) => {
  let grid: Awaited<ReturnType<typeof seedResultGrid>>;
  /** One result far down the job's newest-first order, whose email only people outside the job share. */
  let deep: GridRow;
  const isGrace = (row: GridRow) => row.candidateName.startsWith("Grace ");

  beforeAll(async () => {
    const db = getDb();
    // More results than a small page's walk reads (search-results.ts), so a sparse match is found past it.
    grid = await seedResultGrid(db, { rows: 200 });
    const newestFirst = expectedOrder(grid.rows, "updatedAt", "desc");
    deep = grid.rows.find((row) => row.id === newestFirst[150])!;
    const deepLocalPart = deep.candidateEmail.split("@")[0]!;
    // People without a result in the job whom the searches below match too: more than a list of
    // ids holds, so search-results.ts's own SQL answers them (walking the job's sort index where
    // one gives the order, else starting from the matched people).
    await db.candidate.createMany({
      data: Array.from({ length: MATCHED_CANDIDATES_LIMIT + 100 }, (_, i) => ({
        name: `Grace Tester Person ${i}`,
        email: `${deepLocalPart}.elsewhere${i}@example.net`,
      })),
    });
  });

  it("is the broad search it means to test", async () => {
    for (const q of ["grace test", "GRACE TEST", "gr", "pe", "person", deep.candidateEmail.split("@")[0]!])
      expect(await candidateIdsMatching(getDb(), q)).toBeNull();
  });

  describe.each(SORTS_BOTH_WAYS)("sorted by %s %s", (sort, dir) => {
    it("walks the matching rows exactly once, in order, forwards and back", async () => {
      const db = getDb();
      for (const [q, matches, size] of [
        ["grace test", isGrace, 9],
        ["pe", () => true, 40],
      ] as const) {
        const filters = { ...NO_FILTERS, q };
        const forward = await walkForward(db, grid.jobId, filters, sort, dir, size);
        expect(forward.pages.flat()).toEqual(expectedOrder(grid.rows.filter(matches), sort, dir));
        expect(await walkBackward(db, grid.jobId, filters, sort, dir, size, forward)).toEqual(forward.pages);
      }
    });
  });

  it("matches as a narrow search does: any substring whatever its case, or under three characters a prefix of the name or the email", async () => {
    const db = getDb();
    for (const [q, matches] of [
      ["grace test", isGrace],
      ["GRACE TEST", isGrace],
      ["gr", isGrace],
      ["pe", () => true],
      ["person", () => true],
    ] as const) {
      const filters = { ...NO_FILTERS, q };
      const expected = expectedOrder(grid.rows.filter(matches), "score", "desc");
      expect((await walkForward(db, grid.jobId, filters, "score", "desc", 50)).pages.flat()).toEqual(expected);
      expect(await countJobResults(db, grid.jobId, filters)).toBe(expected.length);
    }
  });

  it("finds a match the job's sort index has far down, past what a page's walk reads", async () => {
    const db = getDb();
    const filters = { ...NO_FILTERS, q: deep.candidateEmail.split("@")[0]! };
    expect(await countJobResults(db, grid.jobId, filters)).toBe(1);
    for (const sort of ["updatedAt", "submittedAt", "score"] as const)
      for (const dir of ["asc", "desc"] as const)
        expect((await walkForward(db, grid.jobId, filters, sort, dir, 1)).pages.flat()).toEqual([deep.id]);
  });

  it("applies every filter, the row selection and the job's scope as the narrow search does", async () => {
    const db = getDb();
    const selected = grid.rows.filter((_, index) => index % 5 === 0).map((row) => row.id);
    const cases: FilterCase[] = [
      [
        { ...NO_FILTERS, status: ["completed", "timeout"] },
        (row) => row.status === "completed" || row.status === "timeout",
      ],
      ...EACH_OTHER_FILTER,
      [{ ...NO_FILTERS, ids: selected }, (row) => selected.includes(row.id)],
    ];
    for (const [filters, matches] of cases) {
      const searched = { ...filters, q: "grace test" };
      const expected = expectedOrder(
        grid.rows.filter((row) => isGrace(row) && matches(row)),
        "submittedAt",
        "desc",
      );
      expect(expected.length).toBeGreaterThan(0);
      const { pages } = await walkForward(db, grid.jobId, searched, "submittedAt", "desc", 3);
      expect(pages.flat()).toEqual(expected);
      expect(await countJobResults(db, grid.jobId, searched)).toBe(expected.length);
    }
    // Another job's results and unlinked ones are other scopes.
    const person = { ...NO_FILTERS, q: "person" };
    expect(await countJobResults(db, grid.otherJobId, person)).toBe(1);
    const unlinked = await listJobResults(db, null, person, { sort: "score", dir: "desc", size: 50 });
    expect(unlinked.rows.map((row) => row.candidate.email)).toEqual(["unlinked@example.com"]);
    expect(await countJobResults(db, null, person)).toBe(1);
  });

  it("hides a withdrawn assessment's results unless asked to show them", async () => {
    const db = getDb();
    const testlify = await db.assessment.findFirstOrThrow({ where: { externalId: "grid-testlify" } });
    await db.assessment.update({ where: { id: testlify.id }, data: { lifecycle: "archived" } });
    try {
      const filters = { ...NO_FILTERS, q: "grace test" };
      const kept = expectedOrder(
        grid.rows.filter((row) => isGrace(row) && row.provider !== "testlify"),
        "score",
        "asc",
      );
      expect((await walkForward(db, grid.jobId, filters, "score", "asc", 50)).pages.flat()).toEqual(kept);
      expect(await countJobResults(db, grid.jobId, filters)).toBe(kept.length);
      const shown = { ...filters, withdrawn: "show" as const };
      expect(await countJobResults(db, grid.jobId, shown)).toBe(grid.rows.filter(isGrace).length);
    } finally {
      await db.assessment.update({ where: { id: testlify.id }, data: { lifecycle: testlify.lifecycle } });
    }
  });
});
