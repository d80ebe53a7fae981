// Column definitions of the job results table. Sorting and selection are TanStack Table
// features; the rows already come sorted and paged from the server.
import Link from "next/link";
import { createColumnHelper, rowSelectionFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import type { ResultRow } from "@/lib/shared/result-row";
import { DateTimeText, useTimeZone } from "@/components/time-zone";
import { formatDuration, formatNumber, formatScore, providerLabel } from "@/components/format";
import { StatusBadge, VerdictBadge } from "./status-badge";

export const resultsTableFeatures = tableFeatures({ rowSortingFeature, rowSelectionFeature });

const column = createColumnHelper<typeof resultsTableFeatures, ResultRow>();

export const resultsColumns = column.columns([
  column.display({
    id: "select",
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        className="size-4 accent-indigo-600"
        aria-label="Select every row on this page"
        checked={table.getIsAllRowsSelected()}
        ref={(input) => {
          if (input) input.indeterminate = !table.getIsAllRowsSelected() && table.getIsSomeRowsSelected();
        }}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        className="size-4 accent-indigo-600"
        aria-label={`Select ${row.original.candidateName}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  column.accessor("candidateName", {
    id: "candidate",
    header: "Candidate",
    sortDescFirst: false,
    cell: ({ row }) => (
      <Link
        href={`/candidates/${row.original.candidateId}#attempt-${row.original.id}`}
        className="whitespace-nowrap font-medium text-indigo-700 hover:underline"
      >
        {row.original.candidateName}
      </Link>
    ),
  }),
  column.accessor("candidateEmail", {
    id: "email",
    header: "Email",
    enableSorting: false,
    cell: (info) => <span className="whitespace-nowrap text-slate-600">{info.getValue()}</span>,
  }),
  column.accessor("assessmentName", {
    id: "assessment",
    header: "Assessment",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="block min-w-40">
        {row.original.assessmentName}
        {row.original.assessmentWithdrawn && (
          <span
            className="ml-1 rounded-full bg-slate-700 px-1.5 py-0.5 text-[10px] font-medium uppercase text-white"
            title="The provider withdrew this assessment; its results are kept."
          >
            withdrawn
          </span>
        )}
      </span>
    ),
  }),
  column.accessor("provider", {
    id: "provider",
    header: "Provider",
    enableSorting: false,
    cell: (info) => <span className="whitespace-nowrap">{providerLabel(info.getValue())}</span>,
  }),
  column.accessor("status", {
    id: "status",
    header: "Status",
    sortDescFirst: false,
    cell: ({ row }) => <StatusBadge status={row.original.status} resultState={row.original.resultState} />,
  }),
  column.accessor("score", {
    id: "score",
    header: "Score",
    sortDescFirst: true,
    cell: ({ row }) => (
      <span className="whitespace-nowrap tabular-nums">{formatScore(row.original.score, row.original.maxScore)}</span>
    ),
  }),
  column.accessor("passed", {
    id: "passed",
    header: "Passed",
    enableSorting: false,
    cell: (info) => <VerdictBadge passed={info.getValue()} />,
  }),
  column.accessor("proctoringScore", {
    id: "proctoringScore",
    header: "Integrity",
    sortDescFirst: true,
    cell: (info) => <span className="tabular-nums">{formatNumber(info.getValue())}</span>,
  }),
  column.accessor("violationCount", {
    id: "violationCount",
    header: "Violations",
    sortDescFirst: true,
    cell: ({ row }) => (
      <span className="inline-flex items-center gap-1 tabular-nums">
        {formatNumber(row.original.violationCount)}
        {row.original.integrityFlagged && (
          <span className="rounded bg-rose-100 px-1.5 text-xs font-medium text-rose-800" title="Integrity flagged">
            flagged
          </span>
        )}
      </span>
    ),
  }),
  column.accessor("submittedAt", {
    id: "submittedAt",
    header: () => <SubmittedHeader />,
    sortDescFirst: true,
    cell: (info) => (
      <span className="whitespace-nowrap">
        <DateTimeText value={info.getValue()} zone={false} />
      </span>
    ),
  }),
  column.accessor("durationSeconds", {
    id: "durationSeconds",
    header: "Duration",
    sortDescFirst: true,
    cell: (info) => <span className="whitespace-nowrap tabular-nums">{formatDuration(info.getValue())}</span>,
  }),
]);

/** The column's cells leave the zone out to stay narrow; the header names it once. */
function SubmittedHeader() {
  return <>Submitted ({useTimeZone()})</>;
}
