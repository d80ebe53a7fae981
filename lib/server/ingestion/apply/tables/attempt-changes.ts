import "server-only";
// AttemptChange rows (the attempt timeline) for the set-based apply: which deliveries an
// attempt's timeline names, and a batch's new lines in one INSERT.
import type { SqlRunner } from "../runner";
import { chunked, columnTypes, newRowId, quoteColumns, Statement } from "../sql";
import type { BatchState } from "../state";

/** Delivery ids on each attempt's timeline; null for an attempt with a line from outside the inbox. */
export async function loadTimelines(run: SqlRunner, attemptIds: string[]): Promise<Map<string, string[] | null>> {
  const timelines = new Map<string, string[] | null>(attemptIds.map((id) => [id, []]));
  if (attemptIds.length === 0) return timelines;
  const lines = await new Statement(run.dialect)
    .sql(`SELECT "attemptId", "deliveryId" FROM "AttemptChange" WHERE "attemptId" IN (`)
    .list(attemptIds)
    .sql(")")
    .query<{ attemptId: string; deliveryId: string | null }>(run);
  for (const line of lines) {
    const known = timelines.get(line.attemptId);
    if (known === null) continue;
    if (line.deliveryId === null) timelines.set(line.attemptId, null);
    else known?.push(line.deliveryId);
  }
  return timelines;
}

const COLUMNS = [
  "id",
  "attemptId",
  "deliveryId",
  "provider",
  "outcome",
  "summary",
  "changes",
  "occurredAt",
  "recordedAt",
];
const CHANGE_TYPES = columnTypes(COLUMNS, { changes: "jsonb", occurredAt: "timestamp(3)", recordedAt: "timestamp(3)" });

/** Recorded times increase within the process, so an attempt's lines list in the order they were decided. */
let lastRecordedAt = 0;

export async function insertTimeline(run: SqlRunner, state: BatchState): Promise<void> {
  if (state.timeline.length === 0) return;
  const base = Math.max(state.now.getTime(), lastRecordedAt + 1);
  const linesSoFar = new Map<string, number>();
  const rows = state.timeline.map((line) => {
    const index = linesSoFar.get(line.attemptId) ?? 0;
    linesSoFar.set(line.attemptId, index + 1);
    lastRecordedAt = Math.max(lastRecordedAt, base + index);
    return [
      newRowId("h"),
      line.attemptId,
      line.deliveryId,
      line.provider,
      line.outcome,
      line.summary,
      line.changes,
      line.occurredAt,
      new Date(base + index),
    ];
  });
  for (const chunk of chunked(rows, COLUMNS.length)) {
    await new Statement(run.dialect)
      .sql(`INSERT INTO "AttemptChange" (${quoteColumns(COLUMNS)}) `)
      .values(CHANGE_TYPES, chunk)
      .execute(run);
  }
}
