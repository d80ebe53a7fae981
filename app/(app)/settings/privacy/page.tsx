import type { Metadata } from "next";
import { SettingsHeader } from "@/components/settings-header";
import { requireAdmin } from "@/lib/server/auth/session";
import { formatDateTime, resolveTimeZone } from "@/lib/shared/date-time";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { findCandidate, providerHoldings } from "@/lib/server/privacy/person-records";
import { providerLabel } from "@/lib/server/privacy/provider-contacts";
import { suppressionOverview } from "@/lib/server/privacy/suppression";
import { purgeStatus } from "@/lib/server/retention/purge-schedule";
import { ErasePersonForm } from "./erase-person-form";
import { LiftErasureForm } from "./lift-erasure-form";

export const metadata: Metadata = { title: "Data protection" };

const CARD = "rounded-lg border border-slate-200 bg-white p-4";
const BUTTON =
  "rounded-md border border-indigo-600 px-4 py-2 font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-60";
const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ candidate?: string }> }) {
  const timeZone = resolveTimeZone((await requireAdmin()).timeZone);
  const { candidate: candidateId } = await searchParams;
  const database = db();
  const settings = env();
  const [candidate, overview, purge] = await Promise.all([
    candidateId ? findCandidate(database, { candidateId: candidateId.slice(0, 64) }) : null,
    suppressionOverview(database),
    purgeStatus(database),
  ]);

  return (
    <section className="space-y-6">
      <SettingsHeader title="Data protection">
        Erase a person on request, hand over everything held about them, and see what the retention purge removed.
      </SettingsHeader>

      {candidateId && (
        // Rendered whether or not the candidate is still held, so the erasure's answer (what was
        // deleted, which providers still hold data) stays on screen after the page refreshes.
        <section aria-labelledby="this-person" className={CARD}>
          {candidate ? (
            <>
              <h2 id="this-person" className="font-medium">
                {candidate.name} ({candidate.email})
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                {candidate.attempts.length} results, {candidate.invitations.length} invitations. Providers that also
                hold their data:{" "}
                {providerHoldings(candidate)
                  .map((holding) => providerLabel(holding.provider))
                  .join(", ") || "none linked"}
                .
              </p>
              <form method="post" action="/settings/privacy/access-request" className="mt-3">
                <input type="hidden" name="candidateId" value={candidate.id} />
                <button type="submit" className={BUTTON}>
                  Download their data (JSON)
                </button>
              </form>
            </>
          ) : (
            <h2 id="this-person" className="font-medium">
              Nothing is held about this candidate any more.
            </h2>
          )}
          <ErasePersonForm candidateId={candidateId.slice(0, 64)} />
        </section>
      )}

      <section aria-labelledby="erase" className={CARD}>
        <h2 id="erase" className="font-medium">
          Erase a person by email
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Deletes their results, invitations, timelines, notifications and share links, and cuts them out of stored
          deliveries. Later deliveries about them are withheld until the erasure is lifted.
        </p>
        <ErasePersonForm />
      </section>

      <section aria-labelledby="access" className={CARD}>
        <h2 id="access" className="font-medium">
          Access request
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Everything held about one person, as one JSON file. The download is audited.
        </p>
        <form method="post" action="/settings/privacy/access-request" className="mt-4 space-y-4">
          <label className="block text-sm font-medium">
            Email address
            <input name="email" type="email" required maxLength={320} autoComplete="off" className={FIELD} />
          </label>
          <button type="submit" className={BUTTON}>
            Download their data (JSON)
          </button>
        </form>
      </section>

      <section aria-labelledby="erased" className={CARD}>
        <h2 id="erased" className="font-medium">
          Erased people
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {overview.suppressed} erased {overview.suppressed === 1 ? "person is" : "people are"} kept as a keyed hash of
          their email, never the email itself. {overview.withheldEvents} events in {overview.withheldDeliveries}{" "}
          deliveries about them were withheld.
        </p>
        {overview.madeWithAnotherKey > 0 && (
          <p role="alert" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {overview.madeWithAnotherKey} of these were made with another key (ERASURE_HMAC_KEY or AUTH_SECRET changed):
            deliveries about those people are no longer recognised. Restore the old key.
          </p>
        )}
        <LiftErasureForm />
      </section>

      <section aria-labelledby="retention" className={CARD}>
        <h2 id="retention" className="font-medium">
          Retention
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Results are kept {settings.RETENTION_DAYS} days after their last update (RETENTION_DAYS); raw delivery bodies{" "}
          {settings.RAW_RETENTION_DAYS} days after processing (RAW_RETENTION_DAYS). One instance purges once a day.
        </p>
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">Last run</dt>
            <dd>{purge.lastStartedAt ? formatDateTime(purge.lastStartedAt, timeZone) : "not yet"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Next run after</dt>
            <dd>{purge.nextRunAfter ? formatDateTime(purge.nextRunAfter, timeZone) : "within minutes of start"}</dd>
          </div>
        </dl>
        {purge.lastError && (
          <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            The last run failed: {purge.lastError}
          </p>
        )}
        {purge.lastCounts && (
          <ul className="mt-3 grid gap-1 text-sm sm:grid-cols-4">
            {Object.entries(purge.lastCounts).map(([what, count]) => (
              <li key={what}>
                <span className="font-semibold tabular-nums">{count}</span> {what}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
