import Link from "next/link";
import { ATTEMPT_STATUSES, PROVIDERS } from "@/lib/shared/vocabulary";
import { changeResultsView, hasFilters, resultsViewSearch, type ResultsView } from "@/lib/shared/job-results-view";
import { providerLabel, statusLabel } from "@/components/format";
import { SearchForm } from "@/components/search-form";

interface ResultsFiltersProps {
  basePath: string;
  view: ResultsView;
}

function toggle<T>(values: T[], value: T): T[] {
  return values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
}

/** Search and filter chips. Each chip is a link to the filtered view: shareable, and the back button undoes it. */
export function ResultsFilters({ basePath, view }: ResultsFiltersProps) {
  const href = (change: Partial<ResultsView>) => `${basePath}${resultsViewSearch(changeResultsView(view, change))}`;
  // The search form keeps the rest of the view: every other parameter rides along hidden.
  const kept = new URLSearchParams(resultsViewSearch({ ...view, q: undefined, after: undefined, before: undefined }));
  return (
    <div className="space-y-3">
      <SearchForm
        action={basePath}
        inputId="results-search"
        label="Search candidates by name or email"
        placeholder="Search name or email"
        defaultValue={view.q ?? ""}
        hidden={[...kept.entries()]}
        className="flex max-w-xl gap-2"
      />

      <div className="flex flex-col gap-2 text-sm">
        <ChipGroup label="Status">
          {ATTEMPT_STATUSES.map((status) => (
            <Chip key={status} on={view.status.includes(status)} href={href({ status: toggle(view.status, status) })}>
              {statusLabel(status)}
            </Chip>
          ))}
        </ChipGroup>
        <ChipGroup label="Provider">
          {PROVIDERS.map((provider) => (
            <Chip
              key={provider}
              on={view.provider.includes(provider)}
              href={href({ provider: toggle(view.provider, provider) })}
            >
              {providerLabel(provider)}
            </Chip>
          ))}
        </ChipGroup>
        <ChipGroup label="Outcome">
          <Chip on={view.passed === "yes"} href={href({ passed: view.passed === "yes" ? undefined : "yes" })}>
            Passed
          </Chip>
          <Chip on={view.passed === "no"} href={href({ passed: view.passed === "no" ? undefined : "no" })}>
            Failed
          </Chip>
          <Chip on={view.flagged === "yes"} href={href({ flagged: view.flagged ? undefined : "yes" })}>
            Integrity flagged
          </Chip>
          <Chip on={view.withdrawn === "show"} href={href({ withdrawn: view.withdrawn ? undefined : "show" })}>
            Include withdrawn assessments
          </Chip>
          {hasFilters(view) && (
            <Link
              href={href({ q: undefined, status: [], provider: [], passed: undefined, flagged: undefined })}
              className="ml-1 text-slate-600 underline underline-offset-2 hover:text-slate-950"
            >
              Clear filters
            </Link>
          )}
        </ChipGroup>
      </div>
    </div>
  );
}

function ChipGroup({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-1.5">
      <span className="w-20 shrink-0 text-xs font-medium uppercase tracking-wide text-slate-500">{label}</span>
      {children}
    </div>
  );
}

function Chip({ on, href, children }: { on: boolean; href: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      scroll={false}
      aria-current={on ? "true" : undefined}
      className={`rounded-full border px-2.5 py-1 text-xs font-medium ${
        on
          ? "border-indigo-600 bg-indigo-600 text-white"
          : "border-slate-300 bg-white text-slate-700 hover:border-slate-400"
      }`}
    >
      {on && <span aria-hidden="true">✓ </span>}
      {children}
      {on && <span className="sr-only"> (filter on)</span>}
    </Link>
  );
}
