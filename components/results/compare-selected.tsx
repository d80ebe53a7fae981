"use client";
// Opens the selected rows side by side. The comparison's address carries the ids, so the
// view survives a reload and can be sent on; the table's own selection stays as it was.
import Link from "next/link";
import type { RowSelectionState } from "@tanstack/react-table";
import { COMPARE_MAX, COMPARE_MIN, compareHref } from "@/lib/shared/compare/compare-view";
import { selectedIds } from "./use-job-selection";

export function CompareSelected({ jobKey, selection }: { jobKey: string; selection: RowSelectionState }) {
  const ids = selectedIds(selection);
  if (ids.length === 0) return null;
  if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) {
    return (
      <span className="text-sm text-slate-600">
        Select {COMPARE_MIN} to {COMPARE_MAX} candidates to compare them.
      </span>
    );
  }
  return (
    <Link
      href={compareHref(jobKey, ids)}
      className="inline-flex items-center rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
    >
      Compare {ids.length} selected
    </Link>
  );
}
