// "Visible" means what a recruiter or an API client can read: the read API's results, with
// the status each one should end in. The expected figures come from what was sent, worked out
// independently of the app; the probe asks GET /api/v1/results (API_TOKEN, includeTotal=true)
// until every figure matches.
import { createDb, type Db } from "../../lib/db/create-client";
import { sleep } from "./processes";
import type { SmartAiEvent } from "./smartai-emulator";

export interface ExpectedResults {
  total: number;
  byStatus: Record<string, number>;
}

/** One result per assessment and (case-folded) email; it ends in the completion's status, else invited. */
export function expectedFromSmartAiEvents(events: SmartAiEvent[]): ExpectedResults {
  const statuses = new Map<string, string>();
  for (const event of events) {
    if (event.event === "assessment.sent") {
      for (const candidate of event.candidates ?? []) {
        const key = `${event.assessmentId}:${candidate.email.trim().toLowerCase()}`;
        if (!statuses.has(key)) statuses.set(key, "invited");
      }
    } else if (event.event === "assessment.completed" && event.candidateEmail) {
      statuses.set(`${event.assessmentId}:${event.candidateEmail.trim().toLowerCase()}`, event.status ?? "completed");
    }
  }
  return tally([...statuses.values()]);
}

export function expectedFromStatuses(finalStatuses: string[]): ExpectedResults {
  return tally(finalStatuses);
}

function tally(statuses: string[]): ExpectedResults {
  const byStatus: Record<string, number> = {};
  for (const status of statuses) byStatus[status] = (byStatus[status] ?? 0) + 1;
  return { total: statuses.length, byStatus };
}

export interface VisibleCounts extends ExpectedResults {
  at: number;
}

export function describeCounts(counts: ExpectedResults): string {
  const parts = Object.entries(counts.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status} ${count}`);
  return `${counts.total} results (${parts.join(", ")})`;
}

/**
 * Counts results through the read API. Until the API answers `total` (docs/contract.md §5 includeTotal),
 * it counts the same table in the app's database instead, and says so in `source`.
 */
export class ReadApiProbe {
  source = "read API (GET /api/v1/results?includeTotal=true)";
  private fallback: Db | null = null;
  requests = 0;

  constructor(
    private readonly appUrl: () => string,
    private readonly databaseUrl: string,
    private readonly token: string,
  ) {}

  async count(status?: string): Promise<number> {
    if (this.fallback) return this.fallback.attempt.count({ where: { status } });
    const query = new URLSearchParams({ includeTotal: "true", limit: "1" });
    if (status) query.set("status", status);
    for (;;) {
      this.requests += 1;
      const response = await fetch(`${this.appUrl()}/api/v1/results?${query}`, {
        headers: { authorization: `Bearer ${this.token}` },
        signal: AbortSignal.timeout(10_000),
      });
      if (response.status === 429) {
        await sleep(1_000 * Number(response.headers.get("retry-after") ?? 1));
        continue;
      }
      if (!response.ok) throw new Error(`the read API answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { total?: unknown };
      if (typeof body.total === "number") return body.total;
      this.fallback = createDb(this.databaseUrl);
      this.source = "the app's database (the read API does not answer includeTotal yet)";
      return this.count(status);
    }
  }

  async counts(statuses: string[], totalOnly: boolean): Promise<VisibleCounts> {
    const total = await this.count();
    const byStatus: Record<string, number> = {};
    if (!totalOnly) for (const status of statuses) byStatus[status] = await this.count(status);
    return { total, byStatus, at: performance.now() };
  }

  /** Pause between probes: over HTTP, stay under the read API's 600 requests a minute per token. */
  pauseAfter(requests: number): number {
    return this.fallback ? 100 : Math.max(150, requests * 110);
  }

  async close(): Promise<void> {
    await this.fallback?.$disconnect();
  }
}

export interface VisibilityOutcome {
  /** performance.now() of the first probe that saw every expected figure, or null by the deadline. */
  visibleAt: number | null;
  last: VisibleCounts;
}

export function matches(counts: ExpectedResults, expected: ExpectedResults): boolean {
  return (
    counts.total === expected.total &&
    Object.entries(expected.byStatus).every(([status, count]) => counts.byStatus[status] === count)
  );
}

/** Probes until every expected figure is readable, or until `deadline` (performance.now()). */
export async function waitUntilVisible(
  probe: ReadApiProbe,
  expected: ExpectedResults,
  deadline: number,
): Promise<VisibilityOutcome> {
  const statuses = Object.keys(expected.byStatus);
  for (;;) {
    const before = probe.requests;
    // The total alone until it is reached, so probing costs the app little while it catches up.
    const total = await probe.counts(statuses, true);
    const counts = total.total === expected.total ? await probe.counts(statuses, false) : total;
    if (matches(counts, expected)) return { visibleAt: counts.at, last: counts };
    if (performance.now() > deadline) return { visibleAt: null, last: counts };
    await sleep(probe.pauseAfter(probe.requests - before));
  }
}

export interface DuplicateReport {
  results: number;
  distinctResults: number;
  applied: number;
  distinctApplied: number;
  readApiItems: number;
  distinctReadApiItems: number;
}

/**
 * None twice: results against distinct result keys, applied timeline rows against distinct
 * (delivery, result) pairs, and every page of the read API against distinct ids and keys.
 */
export async function duplicateReport(databaseUrl: string, appUrl: string, token: string): Promise<DuplicateReport> {
  const db = createDb(databaseUrl);
  try {
    const number = (rows: unknown) => Number(Object.values((rows as Record<string, unknown>[])[0]!)[0]);
    const results = number(await db.$queryRawUnsafe(`SELECT COUNT(*) AS n FROM "Attempt"`));
    const distinctResults = number(
      await db.$queryRawUnsafe(`SELECT COUNT(*) AS n FROM (SELECT DISTINCT provider, "externalKey" FROM "Attempt") k`),
    );
    const applied = number(
      await db.$queryRawUnsafe(`SELECT COUNT(*) AS n FROM "AttemptChange" WHERE outcome = 'applied'`),
    );
    const distinctApplied = number(
      await db.$queryRawUnsafe(
        `SELECT COUNT(*) AS n FROM (SELECT DISTINCT "deliveryId", "attemptId" FROM "AttemptChange" WHERE outcome = 'applied') k`,
      ),
    );
    const items = await readEveryResult(appUrl, token);
    const keys = new Set(items.map((item) => `${item.provider}|${item.candidate.email}|${item.assessmentName}`));
    const ids = new Set(items.map((item) => item.id));
    return {
      results,
      distinctResults,
      applied,
      distinctApplied,
      readApiItems: items.length,
      distinctReadApiItems: Math.min(keys.size, ids.size),
    };
  } finally {
    await db.$disconnect();
  }
}

export function describeDuplicates(report: DuplicateReport): string {
  return (
    `results ${report.results} / distinct keys ${report.distinctResults}; ` +
    `applied timeline rows ${report.applied} / distinct (delivery, result) ${report.distinctApplied}; ` +
    `read API items ${report.readApiItems} / distinct ${report.distinctReadApiItems}`
  );
}

export function noDuplicates(report: DuplicateReport): boolean {
  return (
    report.results === report.distinctResults &&
    report.applied === report.distinctApplied &&
    report.readApiItems === report.distinctReadApiItems
  );
}

interface ResultItem {
  id: string;
  provider: string;
  candidate: { email: string };
  assessmentName: string;
}

async function readEveryResult(appUrl: string, token: string): Promise<ResultItem[]> {
  const items: ResultItem[] = [];
  let cursor: string | null = null;
  for (;;) {
    const query = new URLSearchParams({ limit: "100" });
    if (cursor) query.set("cursor", cursor);
    const response = await fetch(`${appUrl}/api/v1/results?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status === 429) {
      await sleep(1_000 * Number(response.headers.get("retry-after") ?? 1));
      continue;
    }
    if (!response.ok) throw new Error(`the read API answered ${response.status} while paging`);
    const page = (await response.json()) as { items: ResultItem[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return items;
  }
}
