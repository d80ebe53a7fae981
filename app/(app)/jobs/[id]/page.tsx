import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { isFollowingJob } from "@/lib/server/jobs/job-followers";
import { UNLINKED_JOB_SEGMENT, findJobHeader } from "@/lib/server/jobs/job-header";
import { countJobResults, hiddenAssessmentIds, listJobResults } from "@/lib/server/results/job-results";
import { jobInsights } from "@/lib/server/insights/job-insights";
import { JobInsightsPanel } from "@/components/insights/job-insights";
import { changeResultsView, parseResultsView, resultsViewSearch } from "@/lib/shared/job-results-view";
import { isWithdrawn } from "@/lib/shared/answer-state";
import { toResultRow } from "@/lib/server/results/result-row";
import { FollowJobButton } from "@/components/results/follow-job-button";
import { LinkAssessmentsToJobs, LinkedAssessments } from "@/components/results/assessment-job-links";
import { linkableAssessments } from "@/lib/server/jobs/assessment-links";
import { ResultsFilters } from "@/components/results/results-filters";
import { ResultsTable } from "@/components/results/results-table";

export const metadata: Metadata = { title: "Job results" };

interface JobPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function JobResultsPage({ params, searchParams }: JobPageProps) {
  const user = await requireUser();
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const view = parseResultsView(search);
  const jobId = id === UNLINKED_JOB_SEGMENT ? null : id;
  const database = db();
  const [job, total, page, following, insights, linkable, jobChoices] = await Promise.all([
    findJobHeader(database, id),
    countJobResults(database, jobId, view),
    listJobResults(database, jobId, view, view),
    jobId ? isFollowingJob(database, jobId, user.id) : false,
    hiddenAssessmentIds(database, jobId, view).then((hidden) => jobInsights(database, jobId, view, hidden)),
    linkableAssessments(database, jobId),
    jobId ? [] : database.job.findMany({ orderBy: { title: "asc" }, take: 500, select: { id: true, title: true } }),
  ]);
  if (!job) notFound();
  const withdrawnCount = job.assessments.filter((assessment) => isWithdrawn(assessment.lifecycle)).length;

  return (
    <section className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm">
            <Link href="/jobs" className="text-indigo-700 hover:underline">
              Jobs
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">{job.title}</h1>
          {job.assessments.length > 0 && (
            <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600" aria-label="Assessments">
              {job.assessments.map((assessment, index) => (
                <li key={`${assessment.name}-${index}`}>
                  {assessment.name} ({assessment.provider})
                  {isWithdrawn(assessment.lifecycle) && (
                    <span className="ml-1 rounded-full bg-slate-700 px-1.5 py-0.5 text-xs text-white">
                      {assessment.lifecycle}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {withdrawnCount > 0 && view.withdrawn !== "show" && (
            <p className="mt-1 text-sm text-slate-600" data-testid="withdrawn-hidden">
              Results of {withdrawnCount} withdrawn {withdrawnCount === 1 ? "assessment are" : "assessments are"}{" "}
              hidden, and left out of this job&apos;s figures.{" "}
              <Link
                href={`/jobs/${encodeURIComponent(id)}${resultsViewSearch(changeResultsView(view, { withdrawn: "show" }))}`}
                className="text-indigo-700 hover:underline"
              >
                Show them
              </Link>
            </p>
          )}
        </div>
        {job.id && (
          <div className="flex items-center gap-4">
            <Link href={`/jobs/${job.id}/video`} className="text-sm font-medium text-indigo-700 hover:underline">
              Video interviews
            </Link>
            <FollowJobButton jobId={job.id} following={following} />
          </div>
        )}
      </div>
      {jobId === null ? (
        <LinkAssessmentsToJobs assessments={linkable} jobs={jobChoices} />
      ) : (
        <LinkedAssessments assessments={linkable} />
      )}
      <ResultsFilters basePath={`/jobs/${encodeURIComponent(id)}`} view={view} />
      <JobInsightsPanel
        insights={insights}
        filtered={Boolean(view.status.length || view.provider.length || view.passed || view.flagged)}
      />
      <ResultsTable
        jobKey={id}
        jobTitle={job.title}
        rows={page.rows.map(toResultRow)}
        view={view}
        total={total}
        nextCursor={page.nextCursor}
        previousCursor={page.previousCursor}
      />
    </section>
  );
}
