import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import {
  countJobResults,
  listJobResults,
  type JobScope,
  type ResultsSelection,
} from "@/lib/server/results/job-results";
import { RESULT_SORT_KEYS, type ResultSortKey, type SortDirection } from "@/lib/shared/job-results-view";
import { describeEachDatabase } from "../support/databases";
import { seedResultGrid, type GridRow } from "../support/result-grid";

const NO_FILTERS: ResultsSelection = { status: [], provider: [] };

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

  describe.each(RESULT_SORT_KEYS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => [sort, dir] as const)))(
    "sorted by %s %s",
    (sort, dir) => {
      it("walks every row exactly once, in order, forwards and back", async () => {
        const db = getDb();
        const { pages, lastPage } = await walkForward(db, grid.jobId, NO_FILTERS, sort, dir, 7);
        const walked = pages.flat();
        expect(walked).toEqual(expectedOrder(grid.rows, sort, dir));
        expect(new Set(walked).size).toBe(grid.rows.length);
        expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);

        const backwards: string[][] = [pages.at(-1)!];
        let before = lastPage.previousCursor;
        while (before) {
          const page = await listJobResults(db, grid.jobId, NO_FILTERS, { sort, dir, size: 7, before });
          backwards.unshift(page.rows.map((row) => row.id));
          before = page.previousCursor ?? null;
        }
        expect(backwards).toEqual(pages);
      });
    },
  );

  it("filters by status, provider, passed and integrity flag, and counts the same rows", async () => {
    const db = getDb();
    const cases: [ResultsSelection, (row: GridRow) => boolean][] = [
      [{ ...NO_FILTERS, status: ["completed"] }, (row) => row.status === "completed"],
      [
        { ...NO_FILTERS, status: ["invited", "in_progress"] },
        (row) => row.status === "invited" || row.status === "in_progress",
      ],
      [{ ...NO_FILTERS, provider: ["testlify"] }, (row) => row.provider === "testlify"],
      [{ ...NO_FILTERS, passed: "yes" }, (row) => row.passed === true],
      [{ ...NO_FILTERS, passed: "no" }, (row) => row.passed === false],
      [{ ...NO_FILTERS, flagged: "yes" }, (row) => row.integrityFlagged],
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
