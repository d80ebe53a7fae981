import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/lib/server/auth/session";
import { resolveTimeZone } from "@/lib/shared/date-time";
import { db } from "@/lib/server/db";
import { UNLINKED_JOB_SEGMENT } from "@/lib/server/jobs/job-header";
import { listJobsOverview } from "@/lib/server/results/jobs-overview";
import { JOB_ORDERS, TREND_WEEKS, completionTrends, type JobOrder } from "@/lib/server/insights/job-trends";
import { countArchivedJobs } from "@/lib/server/insights/job-archive";
import { JobRow } from "@/components/results/job-row";
import { ArchiveJobButton } from "@/components/insights/archive-job-button";
import { Sparkline } from "@/components/insights/sparkline";
import { HeaderCell, HeaderCells, HiddenLabel, TableShell } from "@/components/data-table";
import { SearchForm } from "@/components/search-form";

export const metadata: Metadata = { title: "Jobs" };

const single = (raw: unknown) => (Array.isArray(raw) ? raw[0] : raw);
const jobsQuerySchema = z.object({
  q: z.preprocess(single, z.string().trim().max(200).optional()).catch(undefined),
  page: z.preprocess(single, z.coerce.number().int().min(1).max(10_000).optional()).catch(undefined),
  sort: z.preprocess(single, z.enum(JOB_ORDERS)).catch("activity"),
  dir: z.preprocess(single, z.enum(["asc", "desc"])).catch("desc"),
  show: z.preprocess(single, z.enum(["active", "archived"])).catch("active"),
});
type JobsQuery = z.infer<typeof jobsQuerySchema>;

/** The /jobs address for a query, leaving defaults out so links stay short. */
function jobsHref(query: JobsQuery, change: Partial<JobsQuery>): string {
  const next = { ...query, page: undefined, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.sort !== "activity") params.set("sort", next.sort);
  if (next.dir !== "desc") params.set("dir", next.dir);
  if (next.show !== "active") params.set("show", next.show);
  if (next.page && next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/jobs?${search}` : "/jobs";
}

const HEAD_PAD = "px-4 py-2";
const SORT_LABELS: Record<JobOrder, string> = {
  activity: "last activity",
  trend: `completions in the last ${TREND_WEEKS} weeks`,
  passRate: "pass rate",
};

/** A column header that sorts the list by a link: works without script and keeps the address shareable. */
function SortHeader({ query, order, children }: { query: JobsQuery; order: JobOrder; children: React.ReactNode }) {
  const active = query.sort === order;
  const dir = active && query.dir === "desc" ? "asc" : "desc";
  return (
    <Link href={jobsHref(query, { sort: order, dir })} className="inline-flex items-center gap-1 hover:text-slate-950">
      {children}
      <span aria-hidden="true" className={active ? "text-indigo-700" : "text-slate-400"}>
        {active ? (query.dir === "desc" ? "▼" : "▲") : "↕"}
      </span>
      <span className="sr-only">
        {active
          ? `, sorted ${query.dir === "desc" ? "highest first" : "lowest first"}; sort ${dir === "desc" ? "highest" : "lowest"} first`
          : `, sort by ${SORT_LABELS[order]}`}
      </span>
    </Link>
  );
}

export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const query = jobsQuerySchema.parse(await searchParams);
  const database = db();
  const now = new Date();
  const [overview, archivedCount] = await Promise.all([
    listJobsOverview(database, {
      q: query.q || undefined,
      page: query.page,
      archive: { userId: user.id, show: query.show },
      order: query.sort,
      direction: query.dir,
      now,
    }),
    countArchivedJobs(database, user.id),
  ]);
  const trends = await completionTrends(
    database,
    overview.jobs.flatMap((job) => (job.id ? [job.id] : [])),
    now,
  );
  const showingArchived = query.show === "archived";
  const nothingAtAll =
    overview.totalJobs === 0 && !overview.unlinked && !query.q && !showingArchived && archivedCount === 0;
  const pageHref = (page: number) => jobsHref(query, { page });
  const trendCell = (jobId: string) => {
    const counts = trends.byJob.get(jobId) ?? [];
    const total = counts.reduce((sum, count) => sum + count, 0);
    const label = `${total.toLocaleString("en")} completions in the last ${TREND_WEEKS} weeks; ${counts.at(-1) ?? 0} this week. Weekly: ${counts.join(", ")}.`;
    return (
      <span className="inline-flex items-center gap-2">
        <Sparkline counts={counts} label={label} />
        <span className="tabular-nums text-slate-700" aria-hidden="true">
          {total.toLocaleString("en")}
        </span>
      </span>
    );
  };

  return (
    <section className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Jobs</h1>
          <p className="text-sm text-slate-600">
            {showingArchived ? "Jobs you archived" : "Every job with assessment results"}, sorted by{" "}
            {SORT_LABELS[query.sort]}
            {query.sort === "activity"
              ? ", most recent first"
              : query.dir === "desc"
                ? ", highest first"
                : ", lowest first"}
            .
          </p>
          <nav aria-label="Which jobs" className="mt-2 flex gap-3 text-sm">
            <Link
              href={jobsHref(query, { show: "active" })}
              aria-current={showingArchived ? undefined : "page"}
              className={showingArchived ? "text-indigo-700 hover:underline" : "font-semibold text-slate-900"}
            >
              Current jobs
            </Link>
            <Link
              href={jobsHref(query, { show: "archived" })}
              aria-current={showingArchived ? "page" : undefined}
              className={showingArchived ? "font-semibold text-slate-900" : "text-indigo-700 hover:underline"}
            >
              Archived by you ({archivedCount.toLocaleString("en")})
            </Link>
          </nav>
        </div>
        {!nothingAtAll && (
          <SearchForm
            action="/jobs"
            inputId="jobs-search"
            label="Search jobs by title"
            placeholder="Search job titles"
            defaultValue={query.q ?? ""}
            hidden={[
              ...(query.sort !== "activity" ? [["sort", query.sort] as [string, string]] : []),
              ...(query.dir !== "desc" ? [["dir", query.dir] as [string, string]] : []),
              ...(showingArchived ? [["show", "archived"] as [string, string]] : []),
            ]}
            className="flex w-full max-w-sm gap-2 sm:w-auto"
          />
        )}
      </div>

      {nothingAtAll ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-slate-600">
          <p className="font-medium text-slate-800">No assessment results yet.</p>
          <p className="mt-1">
            {user.role === "admin" ? (
              <>
                Connect a provider on the{" "}
                <Link href="/settings" className="text-indigo-700 underline">
                  settings page
                </Link>
                : results appear here as soon as they arrive.
              </>
            ) : (
              "Ask an admin to connect an assessment provider: results appear here as soon as they arrive."
            )}
          </p>
        </div>
      ) : overview.jobs.length === 0 && !overview.unlinked ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">
          {query.q
            ? `No ${showingArchived ? "archived " : ""}job matches “${query.q}”. `
            : showingArchived
              ? "You have not archived any job. Archive a job from the list of current jobs to put it away here. "
              : "Every job is archived in your list. "}
          <Link
            href={jobsHref(query, { q: undefined, show: showingArchived ? "active" : "archived" })}
            className="text-indigo-700 underline"
          >
            {showingArchived ? "Show current jobs" : "Show archived jobs"}
          </Link>
        </p>
      ) : (
        <TableShell framed>
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">
              Jobs with their results by status, average score, pass rate and completions per week, sorted by{" "}
              {SORT_LABELS[query.sort]}
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
              <tr>
                <HeaderCells
                  pad={HEAD_PAD}
                  columns={["Job", "Results by status", { label: "Average score", align: "right" }]}
                />
                <HeaderCell
                  pad={HEAD_PAD}
                  align="right"
                  aria-sort={
                    query.sort === "passRate" ? (query.dir === "desc" ? "descending" : "ascending") : undefined
                  }
                >
                  <SortHeader query={query} order="passRate">
                    Pass rate
                  </SortHeader>
                </HeaderCell>
                <HeaderCell
                  pad={HEAD_PAD}
                  aria-sort={query.sort === "trend" ? (query.dir === "desc" ? "descending" : "ascending") : undefined}
                >
                  <SortHeader query={query} order="trend">
                    Completions, {TREND_WEEKS} weeks
                  </SortHeader>
                </HeaderCell>
                <HeaderCell pad={HEAD_PAD} aria-sort={query.sort === "activity" ? "descending" : undefined}>
                  {query.sort === "activity" ? (
                    "Last activity"
                  ) : (
                    <Link href={jobsHref(query, { sort: "activity", dir: "desc" })} className="hover:text-slate-950">
                      Last activity<span className="sr-only">, sort by last activity</span>
                    </Link>
                  )}
                </HeaderCell>
                <HeaderCell pad={HEAD_PAD}>
                  <HiddenLabel>Your list</HiddenLabel>
                </HeaderCell>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {overview.jobs.map((job) => (
                <JobRow
                  key={job.id}
                  job={job}
                  href={`/jobs/${job.id}`}
                  timeZone={resolveTimeZone(user.timeZone)}
                  trend={job.id ? trendCell(job.id) : null}
                  action={
                    job.id ? <ArchiveJobButton jobId={job.id} jobTitle={job.title} archived={showingArchived} /> : null
                  }
                />
              ))}
              {overview.unlinked && (
                <JobRow
                  job={overview.unlinked}
                  href={`/jobs/${UNLINKED_JOB_SEGMENT}`}
                  timeZone={resolveTimeZone(user.timeZone)}
                  muted
                  trend={<span className="text-xs text-slate-500">not charted</span>}
                  action={null}
                />
              )}
            </tbody>
          </table>
        </TableShell>
      )}

      {overview.pageCount > 1 && (
        <nav aria-label="Job pages" className="flex items-center gap-3 text-sm">
          {overview.page > 1 && (
            <Link
              href={pageHref(overview.page - 1)}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5"
              rel="prev"
            >
              Previous
            </Link>
          )}
          <span className="text-slate-600">
            Page {overview.page} of {overview.pageCount}
          </span>
          {overview.page < overview.pageCount && (
            <Link
              href={pageHref(overview.page + 1)}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5"
              rel="next"
            >
              Next
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
