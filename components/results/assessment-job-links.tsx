"use client";

import { useId, useState } from "react";
import { linkAssessmentAction, unlinkAssessmentAction } from "@/app/(app)/jobs/[id]/actions";
import { useServerAction } from "@/components/use-server-action";

interface LinkRow {
  id: string;
  name: string;
  provider: string;
  linkedByName: string | null;
}

/** On "Results not linked to a job": choose a job for each assessment; its results, past and future, follow. */
export function LinkAssessmentsToJobs({
  assessments,
  jobs,
}: {
  assessments: LinkRow[];
  jobs: { id: string; title: string }[];
}) {
  if (assessments.length === 0) return null;
  return (
    <section aria-labelledby="link-assessments" className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 id="link-assessments" className="text-sm font-semibold text-slate-700">
        Link an assessment to a job
      </h2>
      <p className="text-xs text-slate-500">
        These assessments name no job. Linking one moves its results there, and later ones follow; if its provider names
        a job later, the provider&apos;s job wins and you are told.
      </p>
      <ul className="mt-2 space-y-2">
        {assessments.map((assessment) => (
          <LinkRowForm key={assessment.id} assessment={assessment} jobs={jobs} />
        ))}
      </ul>
    </section>
  );
}

function LinkRowForm({ assessment, jobs }: { assessment: LinkRow; jobs: { id: string; title: string }[] }) {
  const selectId = useId();
  const [jobId, setJobId] = useState(jobs[0]?.id ?? "");
  const { run, pending, failure } = useServerAction(linkAssessmentAction);
  return (
    <li className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={selectId} className="min-w-48">
        {assessment.name} <span className="text-slate-500">({assessment.provider})</span>
      </label>
      {jobs.length === 0 ? (
        <span className="text-slate-500">No jobs yet to link to.</span>
      ) : (
        <>
          <select
            id={selectId}
            value={jobId}
            onChange={(event) => setJobId(event.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
          >
            {jobs.map((job) => (
              <option key={job.id} value={job.id}>
                {job.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={pending || !jobId}
            onClick={() => run({ assessmentId: assessment.id, jobId })}
            className="rounded-md bg-indigo-600 px-3 py-1 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            Link
          </button>
        </>
      )}
      {failure && (
        <p role="alert" className="w-full text-xs text-rose-700">
          {failure.message}
        </p>
      )}
    </li>
  );
}

/** On a job's page: assessments a person linked here, each with who linked it and Unlink. */
export function LinkedAssessments({ assessments }: { assessments: LinkRow[] }) {
  if (assessments.length === 0) return null;
  return (
    <ul aria-label="Linked by hand" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
      {assessments.map((assessment) => (
        <UnlinkRow key={assessment.id} assessment={assessment} />
      ))}
    </ul>
  );
}

function UnlinkRow({ assessment }: { assessment: LinkRow }) {
  const { run, pending, failure } = useServerAction(unlinkAssessmentAction);
  return (
    <li>
      {assessment.name} linked here by {assessment.linkedByName ?? "a former user"}{" "}
      <button
        type="button"
        disabled={pending}
        onClick={() => run({ assessmentId: assessment.id })}
        className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900 disabled:opacity-60"
      >
        Unlink
      </button>
      {failure && (
        <span role="alert" className="ml-2 text-xs text-rose-700">
          {failure.message}
        </span>
      )}
    </li>
  );
}
