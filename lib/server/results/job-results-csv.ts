import "server-only";
// The job results as CSV, streamed: rows are read in keyset batches and written as they
// come, so a 100,000-row export never sits in memory, and every row appears exactly once
// even while new results arrive (the keyset walks a stable order). Besides the list's
// columns: the grading band, one column per section (so a spreadsheet sorts by it), the
// proctoring observations that were flagged, and the invite and report links.
import type { Db } from "../db";
import { safeHttpUrl } from "../../shared/safe-url";
import { PROVIDER_LABELS, isProviderId } from "../../shared/vocabulary";
import { log } from "../log";
import { CSV_BOM, csvLine } from "./csv";
import {
  listJobResults,
  type JobResultRecord,
  type JobResultsPage,
  type JobScope,
  type ResultsSelection,
} from "./job-results";
import { readProctoringDetails, readSections } from "./result-details";
import type { ResultSortKey, SortDirection } from "../../shared/job-results-view";

const BATCH_SIZE = 500;
/** Section columns at most: a job mixing many assessments still gives a sheet one can read. */
const MAX_SECTION_COLUMNS = 30;

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
  "Grading band",
  "Integrity score",
  "Violations",
  "Integrity flagged",
  "Integrity flags",
  "Submitted at",
  "Duration (minutes)",
  "Report URL",
  "Recording URL",
  "Invite URL",
] as const;

type Invites = Map<string, string | null>;
const inviteKey = (assessmentId: string, candidateId: string) => `${assessmentId}|${candidateId}`;

/** A section's figure for a sheet: its share of marks when known (comparable across scales), else its score or level. */
function sectionCell(section: ReturnType<typeof readSections>[number]): string | number | null {
  return section.percentage ?? section.score ?? section.label ?? null;
}

function toCsvLine(row: JobResultRecord, sectionNames: string[], invites: Invites): string {
  const sections = readSections(row.sections);
  const byName = new Map(sections.map((section) => [section.name, section]));
  const others = sections.filter((section) => !sectionNames.includes(section.name));
  const flags = readProctoringDetails(row.proctoringDetails)
    .filter((detail) => detail.flagged)
    .map((detail) => `${detail.label}: ${detail.value}`);
  // A provider that only counts: the count is the flag.
  if (flags.length === 0 && row.violationCount) flags.push(`${row.violationCount} violations`);
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
    row.gradingBand,
    row.proctoringScore,
    row.violationCount,
    row.integrityFlagged,
    flags.join("; ") || null,
    row.submittedAt,
    row.durationSeconds === null ? null : Math.round(row.durationSeconds / 6) / 10,
    // A spreadsheet turns cells into links: only web addresses leave the app.
    safeHttpUrl(row.reportUrl),
    safeHttpUrl(row.recordingUrl),
    safeHttpUrl(invites.get(inviteKey(row.assessmentId, row.candidate.id)) ?? null),
    ...sectionNames.map((name) => {
      const section = byName.get(name);
      return section ? sectionCell(section) : null;
    }),
    others.map((section) => `${section.name}: ${sectionCell(section) ?? "—"}`).join("; ") || null,
  ]);
}

/** Section names for the columns: what the job's assessments define, then what the first rows carry. */
async function sectionColumns(db: Db, jobId: JobScope, firstRows: JobResultRecord[]): Promise<string[]> {
  const assessments = await db.assessment.findMany({ where: { jobId }, select: { sections: true }, take: 50 });
  const names = new Set<string>();
  for (const assessment of assessments) {
    for (const section of readSections(assessment.sections)) names.add(section.name);
  }
  for (const row of firstRows) for (const section of readSections(row.sections)) names.add(section.name);
  return [...names].slice(0, MAX_SECTION_COLUMNS);
}

async function invitesFor(db: Db, rows: JobResultRecord[]): Promise<Invites> {
  if (rows.length === 0) return new Map();
  const invitations = await db.invitation.findMany({
    where: {
      candidateId: { in: [...new Set(rows.map((row) => row.candidate.id))] },
      assessmentId: { in: [...new Set(rows.map((row) => row.assessmentId))] },
    },
    select: { assessmentId: true, candidateId: true, inviteUrl: true },
  });
  return new Map(
    invitations.map((invitation) => [inviteKey(invitation.assessmentId, invitation.candidateId), invitation.inviteUrl]),
  );
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
  let sectionNames: string[] | null = null;
  let held: JobResultsPage | null = null;
  const nextPage = () => listJobResults(db, jobId, selection, { ...order, size: batchSize, after });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (sectionNames === null) {
          // The first page decides the section columns; it is written on the next pull.
          held = await nextPage();
          sectionNames = await sectionColumns(db, jobId, held.rows);
          // Sections beyond the columns (another assessment's, or past the cap) share the last one.
          const sectionHeader = [...sectionNames.map((name) => `Section: ${name}`), "Other sections"];
          controller.enqueue(encoder.encode(CSV_BOM + csvLine([...HEADER, ...sectionHeader])));
          return;
        }
        const page = held ?? (await nextPage());
        held = null;
        const invites = await invitesFor(db, page.rows);
        const names = sectionNames;
        if (page.rows.length > 0)
          controller.enqueue(encoder.encode(page.rows.map((row) => toCsvLine(row, names, invites)).join("")));
        if (page.nextCursor) after = page.nextCursor;
        else controller.close();
      } catch (error) {
        log.error({ err: error, jobId }, "CSV export failed part-way");
        controller.error(error);
      }
    },
  });
}
