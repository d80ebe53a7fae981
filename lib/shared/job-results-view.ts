// The state of the /jobs/[id] results view (search, filters, sort, page) as it lives in the
// URL, so a view can be shared and the back button works. Pure, without "server-only":
// the client table writes its links with the same rules the page reads them by.
import "./zod-in-browser";
import { z } from "zod";
import { ATTEMPT_STATUSES, PROVIDERS } from "./vocabulary";

export const RESULT_SORT_KEYS = [
  "submittedAt",
  "score",
  "proctoringScore",
  "violationCount",
  "durationSeconds",
  "updatedAt",
  "candidate",
  "status",
] as const;
export type ResultSortKey = (typeof RESULT_SORT_KEYS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;
export type SortDirection = "asc" | "desc";

export const DEFAULT_RESULTS_VIEW = {
  sort: "submittedAt",
  dir: "desc",
  size: 50,
} as const satisfies { sort: ResultSortKey; dir: SortDirection; size: number };

/** "completed,timeout" or repeated params → the known values; unknown ones are dropped, not fatal. */
function listOf<const T extends readonly [string, ...string[]]>(values: T) {
  const known = new Set<string>(values);
  return z
    .unknown()
    .optional()
    .transform((raw) => {
      const parts = (Array.isArray(raw) ? raw : [raw])
        .filter((part): part is string => typeof part === "string")
        .flatMap((part) => part.split(","))
        .map((part) => part.trim());
      return [...new Set(parts.filter((part) => known.has(part)))] as T[number][];
    });
}

function single(raw: unknown): unknown {
  return Array.isArray(raw) ? raw[0] : raw;
}

// A bad or stale parameter falls back to its default: a shared link never breaks the page.
export const resultsViewSchema = z.object({
  q: z
    .preprocess(single, z.string().trim().max(200).optional())
    .catch(undefined)
    .transform((value) => value || undefined),
  status: listOf(ATTEMPT_STATUSES),
  provider: listOf(PROVIDERS),
  passed: z.preprocess(single, z.enum(["yes", "no"]).optional()).catch(undefined),
  flagged: z.preprocess(single, z.enum(["yes"]).optional()).catch(undefined),
  /** Results of withdrawn (archived or deleted) assessments are hidden unless this asks for them. */
  withdrawn: z.preprocess(single, z.enum(["show"]).optional()).catch(undefined),
  sort: z.preprocess(single, z.enum(RESULT_SORT_KEYS)).catch(DEFAULT_RESULTS_VIEW.sort),
  dir: z.preprocess(single, z.enum(["asc", "desc"])).catch(DEFAULT_RESULTS_VIEW.dir),
  size: z
    .preprocess(
      single,
      z.coerce.number().refine((size) => (PAGE_SIZES as readonly number[]).includes(size)),
    )
    .catch(DEFAULT_RESULTS_VIEW.size),
  after: z.preprocess(single, z.string().max(1_000).optional()).catch(undefined),
  before: z.preprocess(single, z.string().max(1_000).optional()).catch(undefined),
});

export type ResultsView = z.infer<typeof resultsViewSchema>;
export interface ResultsFilters {
  q?: string;
  status: ResultsView["status"];
  provider: ResultsView["provider"];
  passed?: ResultsView["passed"];
  flagged?: ResultsView["flagged"];
  withdrawn?: ResultsView["withdrawn"];
}

export function parseResultsView(params: Record<string, string | string[] | undefined> | URLSearchParams): ResultsView {
  const record =
    params instanceof URLSearchParams
      ? Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)]))
      : params;
  return resultsViewSchema.parse(record);
}

/** The query string for a view, leaving out defaults so links stay short: "?sort=score&status=completed". */
export function resultsViewSearch(view: Partial<ResultsView>): string {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.status?.length) params.set("status", view.status.join(","));
  if (view.provider?.length) params.set("provider", view.provider.join(","));
  if (view.passed) params.set("passed", view.passed);
  if (view.flagged) params.set("flagged", view.flagged);
  if (view.withdrawn) params.set("withdrawn", view.withdrawn);
  if (view.sort && view.sort !== DEFAULT_RESULTS_VIEW.sort) params.set("sort", view.sort);
  if (view.dir && view.dir !== DEFAULT_RESULTS_VIEW.dir) params.set("dir", view.dir);
  if (view.size && view.size !== DEFAULT_RESULTS_VIEW.size) params.set("size", String(view.size));
  if (view.after) params.set("after", view.after);
  else if (view.before) params.set("before", view.before);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The same view with some parts changed; a change of filter or sort starts again at the first page. */
export function changeResultsView(view: ResultsView, change: Partial<ResultsView>): ResultsView {
  const keepsPage = Object.keys(change).every((key) => key === "after" || key === "before");
  const next = { ...view, ...change };
  if (!keepsPage) {
    next.after = undefined;
    next.before = undefined;
  }
  return next;
}

export function hasFilters(view: ResultsFilters): boolean {
  return Boolean(view.q || view.status.length || view.provider.length || view.passed || view.flagged);
}
