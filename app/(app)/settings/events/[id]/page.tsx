import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { providerLabel } from "@/components/format";
import { formatDateTime, resolveTimeZone } from "@/lib/shared/date-time";
import { requireAdmin } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { deliveryDetail } from "@/lib/server/event-log/delivery-detail";
import { isReplayable } from "@/lib/server/event-log/list-deliveries";
import { DeliveryStatusBadge } from "../delivery-status-badge";
import { ReplayForm } from "../replay-form";

export const metadata: Metadata = { title: "Delivery" };

const OUTCOMES: Record<string, string> = {
  applied: "Applied",
  skipped_older: "Skipped: older",
  duplicate: "No change",
};

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const timeZone = resolveTimeZone((await requireAdmin()).timeZone);
  const delivery = await deliveryDetail(db(), (await params).id);
  if (!delivery) notFound();

  const facts: [string, string][] = [
    ["Provider", providerLabel(delivery.provider)],
    ["Event", delivery.eventType ?? "—"],
    ["Delivery id", delivery.externalId],
    ["Source", delivery.source],
    ["Received", formatDateTime(delivery.receivedAt, timeZone)],
    ["Provider time", formatDateTime(delivery.providerTimestamp, timeZone)],
    ["Processed", formatDateTime(delivery.processedAt, timeZone)],
    ["Processing runs", String(delivery.attempts)],
    ["Candidate", delivery.candidateEmail ?? "—"],
  ];

  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/settings/events" className="text-indigo-700 hover:underline">
            Event log
          </Link>
        </p>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          Delivery <DeliveryStatusBadge status={delivery.status} />
        </h1>
      </div>

      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>

      {delivery.error && (
        <div>
          <h2 className="text-lg font-semibold">Error</h2>
          <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-red-50 p-3 text-sm text-red-800">
            {delivery.error}
          </pre>
        </div>
      )}

      {isReplayable(delivery.status) && (
        <ReplayForm label="Replay this delivery" selectAll={false}>
          <input type="hidden" name="deliveryId" value={delivery.id} />
        </ReplayForm>
      )}

      {delivery.changes.length > 0 && (
        <div>
          <h2 className="text-lg font-semibold">What it changed</h2>
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {delivery.changes.map((change) => (
              <li key={change.id} className="px-4 py-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/candidates/${change.attempt.candidate.id}`}
                    className="font-medium text-indigo-700 hover:underline"
                  >
                    {change.attempt.candidate.name}
                  </Link>
                  <span className="text-slate-600">{change.attempt.assessment.name}</span>
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                    {OUTCOMES[change.outcome] ?? change.outcome}
                  </span>
                </p>
                <p className="mt-1 text-slate-800">{change.summary}</p>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div>
        <h2 className="text-lg font-semibold">Headers kept</h2>
        <pre className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
          {JSON.stringify(delivery.headers ?? {}, null, 2)}
        </pre>
      </div>
      <div>
        <h2 className="text-lg font-semibold">Raw body</h2>
        <p className="text-sm text-slate-600">
          As received ({new TextEncoder().encode(delivery.body).length.toLocaleString("en-GB")} bytes), indented when it
          is JSON.
        </p>
        <pre
          data-testid="raw-body"
          className="mt-2 max-h-[40rem] overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
        >
          {delivery.prettyBody}
        </pre>
      </div>
    </section>
  );
}
