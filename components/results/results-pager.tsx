"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { PAGE_SIZES, changeResultsView, resultsViewSearch, type ResultsView } from "@/lib/shared/job-results-view";

interface ResultsPagerProps {
  view: ResultsView;
  total: number;
  shown: number;
  nextCursor: string | null;
  previousCursor: string | null;
  onSizeChange: (size: number) => void;
}

const linkClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50";

/** Keyset paging: first, previous and next, each a plain link the back button understands. */
export function ResultsPager({ view, total, shown, nextCursor, previousCursor, onSizeChange }: ResultsPagerProps) {
  const pathname = usePathname();
  const sizeId = useId();
  const href = (change: Partial<ResultsView>) => `${pathname}${resultsViewSearch(changeResultsView(view, change))}`;
  const onFirstPage = !previousCursor;
  return (
    <nav aria-label="Result pages" className="flex flex-wrap items-center gap-3 text-sm">
      <p className="text-slate-600">
        {total.toLocaleString("en")} {total === 1 ? "result" : "results"}
        {total > shown && ` · showing ${shown} per page`}
      </p>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <label htmlFor={sizeId} className="text-slate-600">
          Rows per page
        </label>
        <select
          id={sizeId}
          value={view.size}
          onChange={(event) => onSizeChange(Number(event.target.value))}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        {!onFirstPage && (
          <Link href={href({ after: undefined, before: undefined })} className={linkClass} scroll={false}>
            First page
          </Link>
        )}
        {previousCursor && (
          <Link
            href={href({ before: previousCursor, after: undefined })}
            className={linkClass}
            scroll={false}
            rel="prev"
          >
            Previous
          </Link>
        )}
        {nextCursor && (
          <Link href={href({ after: nextCursor, before: undefined })} className={linkClass} scroll={false} rel="next">
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}
