import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateVideoInterviewForm } from "@/components/video/create-video-interview-form";
import { VideoInterviewCard } from "@/components/video/video-interview-card";
import { requireUser } from "@/lib/server/auth/session";
import { resolveTimeZone } from "@/lib/shared/date-time";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { missingVideoSettings } from "@/lib/server/providers/video/configuration";
import { loadJobVideoOverview } from "@/lib/server/providers/video/interviews/job-video-overview";

export const metadata: Metadata = { title: "Video interviews" };

export default async function JobVideoInterviewsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const overview = await loadJobVideoOverview(db(), id);
  if (!overview) notFound();
  const missing = missingVideoSettings(env());
  const configured = missing.length === 0;

  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/jobs" className="text-indigo-700 hover:underline">
            Jobs
          </Link>
          {" / "}
          <Link href={`/jobs/${overview.job.id}`} className="text-indigo-700 hover:underline">
            {overview.job.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Video interviews</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Candidates record their answers on the AI video interview provider&apos;s site; scores, personality insights,
          transcripts and recordings arrive here as the provider finishes each one.
        </p>
      </div>

      {!configured && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The AI video interview provider is not connected ({missing.join(" and ")} not set), so interviews cannot be
          created or sent.{" "}
          {user.role === "admin" ? (
            <Link href="/settings/video" className="underline">
              Open the video settings
            </Link>
          ) : (
            "Ask an admin to connect it."
          )}
        </p>
      )}

      <section aria-labelledby="new-video-interview" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="new-video-interview" className="text-lg font-semibold">
          New video interview
        </h2>
        <p className="mb-4 text-sm text-slate-600">For the job “{overview.job.title}”.</p>
        <div className="max-w-2xl">
          <CreateVideoInterviewForm jobId={overview.job.id} disabled={!configured} />
        </div>
      </section>

      {overview.assessments.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-slate-600">
          No video interviews for this job yet.
        </p>
      ) : (
        overview.assessments.map((interview) => (
          <VideoInterviewCard
            key={interview.id}
            interview={interview}
            canCallProvider={configured}
            timeZone={resolveTimeZone(user.timeZone)}
          />
        ))
      )}
    </section>
  );
}
