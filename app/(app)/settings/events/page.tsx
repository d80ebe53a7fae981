import type { Metadata } from "next";
import Link from "next/link";
import { SettingsHeader } from "@/components/settings-header";
import { providerLabel } from "@/components/format";
import { formatDateTime, resolveTimeZone } from "@/lib/shared/date-time";
import { requireAdmin } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { DELIVERY_STATUSES, PROVIDERS } from "@/lib/shared/vocabulary";
import {
  eventLogQuerySchema,
  isReplayable,
  listDeliveries,
  type EventLogQuery,
} from "@/lib/server/event-log/list-deliveries";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { ReplayForm } from "./replay-form";
import { HeaderCells, HiddenLabel, TableShell } from "@/components/data-table";

export const metadata: Metadata = { title: "Event log" };

const PAD = "px-3 py-2";
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EventLogPage({ searchParams }: { searchParams: SearchParams }) {
  const timeZone = resolveTimeZone((await requireAdmin()).timeZone);
  const params = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = eventLogQuerySchema.safeParse(params);
  const query: EventLogQuery = parsed.success ? parsed.data : {};
  const page = await listDeliveries(db(), query);
  const filtered = Boolean(query.provider || query.status || query.from || query.to || query.email);

  return (
    <section className="space-y-6">
      <SettingsHeader title="Event log">
        Every delivery from every provider, stored as received before anything else happens to it. A delivery that
        failed or was not recognised stays here; replay it once the cause is fixed. Times are UTC.
      </SettingsHeader>

      <Filters params={params} />
      {!parsed.success && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Some filters were not understood and are ignored:{" "}
          {parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}.
        </p>
      )}
      {page.cursorIgnored && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          That page link is not valid any more: showing the newest deliveries.
        </p>
      )}

      {page.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-slate-600">
          {filtered
            ? "No delivery matches these filters."
            : "No deliveries yet. They appear here as providers send them."}
        </p>
      ) : (
        <ReplayForm>
          <TableShell framed>
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
                <tr>
                  <HeaderCells
                    pad={PAD}
                    columns={[
                      <HiddenLabel key="select">Select</HiddenLabel>,
                      "Received",
                      "Provider",
                      "Event",
                      "Status",
                      "Candidate",
                      "Provider time",
                      <HiddenLabel key="details">Details</HiddenLabel>,
                    ]}
                  />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {page.rows.map((row) => (
                  <tr key={row.id} className="align-top" data-delivery-id={row.id}>
                    <td className="px-3 py-2">
                      {isReplayable(row.status) && (
                        <input
                          type="checkbox"
                          name="deliveryId"
                          value={row.id}
                          aria-label={`Select ${row.eventType ?? "delivery"} received ${formatDateTime(row.receivedAt, timeZone)}`}
                        />
                      )}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                      {formatDateTime(row.receivedAt, timeZone)}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {providerLabel(row.provider)}
                      {row.source !== "webhook" && <span className="ml-1 text-xs text-slate-500">({row.source})</span>}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">{row.eventType ?? "—"}</td>
                    <td className="px-3 py-2">
                      <DeliveryStatusBadge status={row.status} />
                      {row.error && (
                        <p className="mt-1 max-w-md break-words text-xs text-slate-600">{truncate(row.error, 160)}</p>
                      )}
                    </td>
                    <td className="px-3 py-2 break-all">{row.candidateEmail ?? "—"}</td>
                    <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                      {formatDateTime(row.providerTimestamp, timeZone)}
                    </td>
                    <td className="px-3 py-2">
                      <Link href={`/settings/events/${row.id}`} className="text-indigo-700 hover:underline">
                        Open
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableShell>
        </ReplayForm>
      )}

      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {query.cursor && (
          <Link href={pageHref(params, null)} className="text-indigo-700 hover:underline">
            ← Newest
          </Link>
        )}
        {page.nextCursor && (
          <Link href={pageHref(params, page.nextCursor)} className="text-indigo-700 hover:underline">
            Older →
          </Link>
        )}
      </nav>
    </section>
  );
}

function Filters({ params }: { params: Record<string, string | undefined> }) {
  const field = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form
      method="get"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-label="Filter deliveries"
    >
      <label className="text-sm">
        Provider
        <select name="provider" defaultValue={params.provider ?? ""} className={field}>
          <option value="">All</option>
          {PROVIDERS.map((provider) => (
            <option key={provider} value={provider}>
              {providerLabel(provider)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Status
        <select name="status" defaultValue={params.status ?? ""} className={field}>
          <option value="">All</option>
          {DELIVERY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Received from (UTC)
        <input type="datetime-local" name="from" defaultValue={params.from ?? ""} className={field} />
      </label>
      <label className="text-sm">
        to (UTC)
        <input type="datetime-local" name="to" defaultValue={params.to ?? ""} className={field} />
      </label>
      <label className="text-sm">
        Candidate email
        <input
          type="email"
          name="email"
          defaultValue={params.email ?? ""}
          placeholder="exact address"
          className={field}
        />
      </label>
      <button
        type="submit"
        className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900"
      >
        Filter
      </button>
      <Link href="/settings/events" className="py-2 text-sm text-indigo-700 hover:underline">
        Clear
      </Link>
    </form>
  );
}

function pageHref(params: Record<string, string | undefined>, cursor: string | null): string {
  const search = new URLSearchParams();
  for (const key of ["provider", "status", "from", "to", "email"]) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  if (cursor) search.set("cursor", cursor);
  const text = search.toString();
  return text ? `/settings/events?${text}` : "/settings/events";
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
