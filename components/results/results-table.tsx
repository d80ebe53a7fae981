"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { useTable, type SortingState, type Updater } from "@tanstack/react-table";
import type { ResultRow } from "@/lib/shared/result-row";
import {
  RESULT_SORT_KEYS,
  changeResultsView,
  hasFilters,
  resultsViewSearch,
  type ResultSortKey,
  type ResultsView,
} from "@/lib/shared/job-results-view";
import { resultsColumns, resultsTableFeatures } from "./results-columns";
import { CompareSelected } from "./compare-selected";
import { ResultsExport } from "./results-export";
import { ResultsPager } from "./results-pager";
import { stickyCellClass, stickyHeaderClass } from "./sticky-columns";
import { useJobSelection } from "./use-job-selection";

interface ResultsTableProps {
  /** The job's path segment (its id, or "unlinked"): links, export and the selection's key. */
  jobKey: string;
  jobTitle: string;
  rows: ResultRow[];
  view: ResultsView;
  total: number;
  nextCursor: string | null;
  previousCursor: string | null;
}

function isSortKey(id: string): id is ResultSortKey {
  return (RESULT_SORT_KEYS as readonly string[]).includes(id);
}

export function ResultsTable({ jobKey, jobTitle, rows, view, total, nextCursor, previousCursor }: ResultsTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startNavigation] = useTransition();
  const [rowSelection, setRowSelection] = useJobSelection(jobKey);
  const sorting: SortingState = [{ id: view.sort, desc: view.dir === "desc" }];

  function go(change: Partial<ResultsView>) {
    startNavigation(() =>
      router.push(`${pathname}${resultsViewSearch(changeResultsView(view, change))}`, { scroll: false }),
    );
  }

  function onSortingChange(updater: Updater<SortingState>) {
    const [next] = typeof updater === "function" ? updater(sorting) : updater;
    if (next && isSortKey(next.id)) go({ sort: next.id, dir: next.desc ? "desc" : "asc" });
  }

  const table = useTable({
    features: resultsTableFeatures,
    columns: resultsColumns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, rowSelection },
    onSortingChange,
    onRowSelectionChange: setRowSelection,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
  });

  const sortedBy = table.getColumn(view.sort)?.columnDef.header;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <ResultsExport
          jobKey={jobKey}
          view={view}
          total={total}
          selection={rowSelection}
          onClear={() => setRowSelection({})}
        />
        <CompareSelected jobKey={jobKey} selection={rowSelection} />
      </div>
      {/* relative: sr-only words in cells are placed inside this frame, not against the page, which
          they would widen past a phone's screen. */}
      <div
        className={`relative max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white transition-opacity ${navigating ? "opacity-60" : ""}`}
        aria-busy={navigating}
      >
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">
            Results for {jobTitle}, sorted by {typeof sortedBy === "string" ? sortedBy : view.sort},{" "}
            {view.dir === "desc" ? "highest or newest first" : "lowest or oldest first"}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={`whitespace-nowrap px-3 py-2 font-medium ${stickyHeaderClass(header.column.id)}`}
                      aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 rounded hover:text-slate-950"
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true" className={sorted ? "text-indigo-700" : "text-slate-300"}>
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-result-id={row.id}
                className={row.getIsSelected() ? "bg-indigo-50/60" : "hover:bg-slate-50"}
              >
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`px-3 py-2 align-top ${stickyCellClass(cell.column.id, row.getIsSelected())}`}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={resultsColumns.length} className="px-3 py-10 text-center text-slate-600">
                  {hasFilters(view)
                    ? "No results match this view. Clear the search or a filter above to see more."
                    : "No results for this job yet: they appear here as soon as a provider sends one."}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ResultsPager
        view={view}
        total={total}
        shown={rows.length}
        nextCursor={nextCursor}
        previousCursor={previousCursor}
        onSizeChange={(size) => go({ size })}
      />
    </div>
  );
}
