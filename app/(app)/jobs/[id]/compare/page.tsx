import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { UNLINKED_JOB_SEGMENT, findJobHeader } from "@/lib/server/jobs/job-header";
import { loadComparison } from "@/lib/server/insights/compare";
import { COMPARE_MAX, COMPARE_MIN, buildCompareView, compareIdsSchema } from "@/lib/shared/compare/compare-view";
import { CompareTable } from "@/components/compare/compare-table";

export const metadata: Metadata = { title: "Compare candidates" };

interface ComparePageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ComparePage({ params, searchParams }: ComparePageProps) {
  await requireUser();
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const jobPath = `/jobs/${encodeURIComponent(id)}`;
  const database = db();
  const job = await findJobHeader(database, id);
  if (!job) notFound();

  const ids = compareIdsSchema.safeParse(search.ids ?? "");
  const comparison = ids.success
    ? await loadComparison(database, id === UNLINKED_JOB_SEGMENT ? null : id, ids.data)
    : null;
  const view = comparison && comparison.results.length >= COMPARE_MIN ? buildCompareView(comparison.results) : null;

  return (
    <section className="space-y-4">
      <div>
        <p className="text-sm">
          <Link href={jobPath} className="text-indigo-700 hover:underline">
            {job.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Compare candidates</h1>
        <p className="mt-1 text-sm text-slate-600">
          Scores are shown in percent of each assessment&apos;s maximum. This page&apos;s address keeps the selection:
          reload it or send it to a colleague.
        </p>
      </div>
      {comparison && comparison.missing > 0 && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {comparison.missing === 1 ? "One selected result is" : `${comparison.missing} selected results are`} no longer
          available for this job (erased, or from another job) and {comparison.missing === 1 ? "is" : "are"} left out.
        </p>
      )}
      {view ? (
        <>
          {view.mixedAssessments && (
            <p className="text-sm text-slate-700">
              These results come from different assessments: their percentages compare each candidate&apos;s standing,
              not answers to the same questions.
            </p>
          )}
          <CompareTable view={view} jobKey={id} />
        </>
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          <p className="font-medium">Nothing to compare yet.</p>
          <p className="mt-1 text-sm">
            {ids.success
              ? `Fewer than ${COMPARE_MIN} of the selected results are still available.`
              : `Choose ${COMPARE_MIN} to ${COMPARE_MAX} candidates with the checkboxes in the job's table, then press “Compare”.`}{" "}
            <Link href={jobPath} className="text-indigo-700 underline">
              Back to {job.title}
            </Link>
          </p>
        </div>
      )}
    </section>
  );
}
