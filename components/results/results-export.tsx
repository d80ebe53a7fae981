"use client";

import type { RowSelectionState } from "@tanstack/react-table";
import { resultsViewSearch, type ResultsView } from "@/lib/shared/job-results-view";
import { selectedIds } from "./use-job-selection";

interface ResultsExportProps {
  jobKey: string;
  view: ResultsView;
  total: number;
  selection: RowSelectionState;
  onClear: () => void;
}

const buttonClass =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";

/**
 * CSV of the whole filtered view (a link the server streams) or of the selected rows
 * (a POST, since a selection can be longer than a URL may be). The sort of the view applies.
 */
export function ResultsExport({ jobKey, view, total, selection, onClear }: ResultsExportProps) {
  const ids = selectedIds(selection);
  const exportPath = `/api/jobs/${encodeURIComponent(jobKey)}/export`;
  const viewQuery = resultsViewSearch({ ...view, after: undefined, before: undefined });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <a href={`${exportPath}${viewQuery}`} download className={buttonClass}>
        Export {total.toLocaleString("en")} as CSV
      </a>
      {ids.length > 0 && (
        <>
          <form method="post" action={`${exportPath}${resultsViewSearch({ sort: view.sort, dir: view.dir })}`}>
            {ids.map((id) => (
              <input key={id} type="hidden" name="ids" value={id} />
            ))}
            <button type="submit" className={`${buttonClass} border-indigo-300 text-indigo-800`}>
              Export {ids.length} selected
            </button>
          </form>
          <button type="button" onClick={onClear} className="text-slate-600 underline-offset-2 hover:underline">
            Clear selection
          </button>
        </>
      )}
      <span role="status" className="text-slate-600">
        {ids.length > 0 ? `${ids.length} selected` : ""}
      </span>
    </div>
  );
}
