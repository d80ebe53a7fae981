import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { recordAudit, userActor } from "@/lib/server/audit/record-audit";
import { requireUser } from "@/lib/server/auth/session";
import { resolveTimeZone } from "@/lib/shared/date-time";
import { db } from "@/lib/server/db";
import { loadCandidateDetail } from "@/lib/server/results/candidate-detail";
import { AttemptSection } from "@/components/candidate/attempt-section";
import { AttemptSharing } from "@/components/share/attempt-sharing";
import { formatScore, providerLabel, statusLabel } from "@/components/format";

export const metadata: Metadata = { title: "Candidate" };

export default async function CandidatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const candidate = await loadCandidateDetail(db(), id);
  if (!candidate) notFound();
  // Live updates re-render this page while results arrive: one entry per person per quarter hour.
  await recordAudit(db(), {
    actor: userActor(user),
    action: "candidate.viewed",
    target: { type: "candidate", id },
    unlessRecordedWithinMs: 15 * 60_000,
  });

  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href="/jobs" className="text-indigo-700 underline underline-offset-2">
            Jobs
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{candidate.name}</h1>
        <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
          <a href={`mailto:${candidate.email}`} className="text-indigo-700 underline underline-offset-2">
            {candidate.email}
          </a>
          {candidate.phone && <span>{candidate.phone}</span>}
          {candidate.country && <span>{candidate.country}</span>}
          {candidate.providers.length > 0 && <span>Known to {candidate.providers.map(providerLabel).join(", ")}</span>}
        </p>
      </header>

      {candidate.attempts.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-slate-600">
          No assessments for this candidate yet.
        </p>
      ) : (
        <>
          <nav aria-label="Assessments" className="rounded-lg border border-slate-200 bg-white p-3">
            <h2 className="text-sm font-semibold text-slate-700">
              {candidate.attempts.length} {candidate.attempts.length === 1 ? "assessment" : "assessments"}
            </h2>
            <ul className="mt-1 space-y-1 text-sm">
              {candidate.attempts.map((attempt) => (
                <li key={attempt.id}>
                  <a href={`#attempt-${attempt.id}`} className="text-indigo-700 underline underline-offset-2">
                    {attempt.assessmentName}
                  </a>
                  <span className="text-slate-600">
                    {" "}
                    · {providerLabel(attempt.provider)} · {statusLabel(attempt.status)} ·{" "}
                    {formatScore(attempt.score, attempt.maxScore)}
                  </span>
                </li>
              ))}
            </ul>
          </nav>
          {candidate.attempts.map((attempt) => (
            <AttemptSection
              key={attempt.id}
              attempt={attempt}
              timeZone={resolveTimeZone(user.timeZone)}
              share={<AttemptSharing attemptId={attempt.id} candidateName={candidate.name} />}
            />
          ))}
        </>
      )}

      {user.role === "admin" && (
        <section aria-labelledby="data-protection" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="data-protection" className="font-medium">
            Data protection
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Download everything held about this person, or erase them on request.{" "}
            <Link
              href={`/settings/privacy?candidate=${encodeURIComponent(id)}`}
              className="text-indigo-700 underline underline-offset-2"
            >
              Access request or erasure
            </Link>
          </p>
        </section>
      )}
    </article>
  );
}
