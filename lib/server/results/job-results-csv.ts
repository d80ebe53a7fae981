import "server-only";
// The job results as CSV, streamed: rows are read in keyset batches and written as they
// come, so a 100,000-row export never sits in memory, and every row appears exactly once
// even while new results arrive (the keyset walks a stable order).
import type { Db } from "../db";
import { safeHttpUrl } from "../../shared/safe-url";
import { PROVIDER_LABELS, isProviderId } from "../../shared/vocabulary";
import { log } from "../log";
import { CSV_BOM, csvLine } from "./csv";
import { listJobResults, type JobResultRecord, type JobScope, type ResultsSelection } from "./job-results";
import type { ResultSortKey, SortDirection } from "../../shared/job-results-view";

const BATCH_SIZE = 500;

const HEADER = [
  "Candidate",
  "Email",
  "Assessment",
  "Provider",
  "Status",
  "Result",
  "Score",
  "Max score",
  "Pass mark",
  "Passed",
  "Integrity score",
  "Violations",
  "Integrity flagged",
  "Submitted at",
  "Duration (minutes)",
  "Report URL",
  "Recording URL",
] as const;

function toCsvLine(row: JobResultRecord): string {
  return csvLine([
    row.candidate.name,
    row.candidate.email,
    row.assessment.name,
    isProviderId(row.provider) ? PROVIDER_LABELS[row.provider] : row.provider,
    row.status.replace("_", " "),
    row.resultState,
    row.score,
    row.maxScore,
    row.passMark,
    row.passed,
    row.proctoringScore,
    row.violationCount,
    row.integrityFlagged,
    row.submittedAt,
    row.durationSeconds === null ? null : Math.round(row.durationSeconds / 6) / 10,
    // A spreadsheet turns cells into links: only web addresses leave the app.
    safeHttpUrl(row.reportUrl),
    safeHttpUrl(row.recordingUrl),
  ]);
}

export function jobResultsCsvStream(
  db: Db,
  jobId: JobScope,
  selection: ResultsSelection,
  order: { sort: ResultSortKey; dir: SortDirection },
  batchSize = BATCH_SIZE,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: string | undefined;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(HEADER)));
        return;
      }
      try {
        const page = await listJobResults(db, jobId, selection, { ...order, size: batchSize, after });
        if (page.rows.length > 0) controller.enqueue(encoder.encode(page.rows.map(toCsvLine).join("")));
        if (page.nextCursor) after = page.nextCursor;
        else controller.close();
      } catch (error) {
        log.error({ err: error, jobId }, "CSV export failed part-way");
        controller.error(error);
      }
    },
  });
}
