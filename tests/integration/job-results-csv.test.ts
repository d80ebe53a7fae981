import { beforeAll, expect, it } from "vitest";
import { jobResultsCsvStream } from "@/lib/server/results/job-results-csv";
import { describeEachDatabase } from "../support/databases";
import { applyAttempts, smartAiCompletedFacts } from "../support/result-events";
import { seedResultGrid } from "../support/result-grid";
import { fixture } from "../support/fixtures";
import { deliver } from "../support/fixture-deliveries";

/** A strict RFC 4180 reader, so the test checks what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += char;
  }
  expect(cell).toBe("");
  expect(row).toEqual([]);
  return rows;
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  let chunks = 0;
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks += 1;
    text += decoder.decode(next.value, { stream: true });
  }
  return { text, chunks };
}

describeEachDatabase("job results CSV export", (getDb) => {
  let grid: Awaited<ReturnType<typeof seedResultGrid>>;
  let trickyJobId: string;

  beforeAll(async () => {
    grid = await seedResultGrid(getDb(), { rows: 61 });
    await applyAttempts(getDb(), [
      {
        provider: "smartai",
        attemptKey: "tricky",
        candidate: { email: "mallory@example.com", name: '=HYPERLINK("http://evil.test","Click")' },
        assessment: { externalId: "tricky", name: 'Ops, "Support"\nand more', jobTitle: "Tricky Job" },
        occurredAt: new Date("2026-06-09T10:31:00Z"),
        facts: smartAiCompletedFacts({
          aiFeedback: "@evil",
          reportUrl: "javascript:alert(1)",
          recordingUrl: "https://cdn.example.com/r.mp4",
        }),
      },
    ]);
    trickyJobId = (await getDb().job.findUniqueOrThrow({ where: { titleKey: "tricky job" } })).id;
  });

  it("streams every row of the filtered set exactly once, in batches, in the view's order", async () => {
    const stream = jobResultsCsvStream(
      getDb(),
      grid.jobId,
      { status: ["completed"], provider: [] },
      { sort: "score", dir: "desc" },
      7,
    );
    const { text, chunks } = await readAll(stream);
    expect(text.startsWith("\uFEFFCandidate,Email,Assessment,Provider,Status")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    const emailColumn = header!.indexOf("Email");
    const emails = rows.map((row) => row[emailColumn]);
    const completed = grid.rows.filter((row) => row.status === "completed");
    expect(emails.length).toBe(completed.length);
    expect(new Set(emails)).toEqual(new Set(completed.map((row) => row.candidateEmail)));
    expect(chunks).toBeGreaterThan(Math.ceil(completed.length / 7));
    const scores = rows.map((row) => Number(row[header!.indexOf("Score")]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
  });

  it("exports only the selected rows", async () => {
    const picked = [grid.rows[1]!, grid.rows[4]!];
    const { text } = await readAll(
      jobResultsCsvStream(
        getDb(),
        grid.jobId,
        { status: [], provider: [], ids: picked.map((row) => row.id) },
        { sort: "candidate", dir: "asc" },
      ),
    );
    const [, ...rows] = parseCsv(text.slice(1));
    expect(rows.map((row) => row[1]).sort()).toEqual(picked.map((row) => row.candidateEmail).sort());
  });

  it("keeps provider text intact but defused: quotes, commas, line breaks, formulas and non-web links", async () => {
    const { text } = await readAll(
      jobResultsCsvStream(getDb(), trickyJobId, { status: [], provider: [] }, { sort: "score", dir: "desc" }),
    );
    const [header, row] = parseCsv(text.slice(1));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell("Candidate")).toBe('\'=HYPERLINK("http://evil.test","Click")');
    expect(cell("Assessment")).toBe('Ops, "Support"\nand more');
    expect(cell("Report URL")).toBe("");
    expect(cell("Recording URL")).toBe("https://cdn.example.com/r.mp4");
    expect(cell("Score")).toBe("78");
    expect(cell("Passed")).toBe("yes");
    expect(cell("Provider")).toBe("SmartAI");
    expect(cell("Integrity flags")).toBe("2 violations");
  });

  it("adds the grading band, a column per section, the flagged observations and the invite link (Testlify's sample)", async () => {
    const db = getDb();
    await deliver(db, "testlify", [
      { body: fixture("testlify-assessment-created.json") },
      { body: fixture("testlify-invited.json") },
      { body: fixture("testlify-completed.json") },
    ]);
    const job = await db.job.findUniqueOrThrow({ where: { titleKey: "job analysis specialist" } });
    const { text } = await readAll(
      jobResultsCsvStream(db, job.id, { status: [], provider: [] }, { sort: "score", dir: "desc" }),
    );
    const [header, row, ...rest] = parseCsv(text.slice(1));
    expect(rest).toEqual([]);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(header).toEqual(expect.arrayContaining(["Section: Communication", "Section: bikram", "Other sections"]));
    expect(row).toHaveLength(header!.length);
    expect(cell("Grading band")).toBe("NOT_SUITABLE");
    expect(cell("Section: Communication")).toBe("30");
    expect(cell("Section: bikram")).toBe("50");
    expect(cell("Integrity flags")).toContain("Left the assessment screen: 17 times");
    expect(cell("Invite URL")).toMatch(/^https:\/\/candidate\.testlify\.com\/candidate\/assessment\/invite\?key=/);
    expect(cell("Report URL")).toBe(
      "https://cdn-global.net/reports/pdf/assessment-candidate-report/660bad6c1faf955408b86f74.pdf",
    );
  });
});
