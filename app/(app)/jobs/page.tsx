import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { UNLINKED_JOB_SEGMENT } from "@/lib/server/jobs/job-header";
import { listJobsOverview } from "@/lib/server/results/jobs-overview";
import { JobRow } from "@/components/results/job-row";

export const metadata: Metadata = { title: "Jobs" };

const single = (raw: unknown) => (Array.isArray(raw) ? raw[0] : raw);
const jobsQuerySchema = z.object({
  q: z.preprocess(single, z.string().trim().max(200).optional()).catch(undefined),
  page: z.preprocess(single, z.coerce.number().int().min(1).max(10_000).optional()).catch(undefined),
});

export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const query = jobsQuerySchema.parse(await searchParams);
  const overview = await listJobsOverview(db(), { q: query.q || undefined, page: query.page });
  const nothingAtAll = overview.totalJobs === 0 && !overview.unlinked && !query.q;
  const pageHref = (page: number) =>
    `/jobs?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;

  return (
    <section className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Jobs</h1>
          <p className="text-sm text-slate-600">Every job with assessment results, most recent activity first.</p>
        </div>
        {!nothingAtAll && (
          <Form action="/jobs" role="search" className="flex w-full max-w-sm gap-2 sm:w-auto">
            <label htmlFor="jobs-search" className="sr-only">
              Search jobs by title
            </label>
            <input
              id="jobs-search"
              name="q"
              type="search"
              defaultValue={query.q ?? ""}
              placeholder="Search job titles"
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
            />
            <button
              type="submit"
              className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
            >
              Search
            </button>
          </Form>
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
          No job matches “{query.q}”.{" "}
          <Link href="/jobs" className="text-indigo-700 underline">
            Show every job
          </Link>
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Jobs with their results by status, average score and pass rate</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Job
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Results by status
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Average score
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Pass rate
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Last activity
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {overview.jobs.map((job) => (
                <JobRow key={job.id} job={job} href={`/jobs/${job.id}`} />
              ))}
              {overview.unlinked && <JobRow job={overview.unlinked} href={`/jobs/${UNLINKED_JOB_SEGMENT}`} muted />}
            </tbody>
          </table>
        </div>
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
