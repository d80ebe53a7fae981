import type { Metadata } from "next";
import Link from "next/link";
import { SettingsHeader } from "@/components/settings-header";
import { HeaderCells, TableShell } from "@/components/data-table";
import { requireAdmin } from "@/lib/server/auth/session";
import { formatDateTime, resolveTimeZone } from "@/lib/shared/date-time";
import { db } from "@/lib/server/db";
import { AUDIT_ACTIONS } from "@/lib/server/audit/record-audit";
import {
  auditQuerySchema,
  InvalidAuditCursorError,
  listAuditEntries,
  type AuditPage,
} from "@/lib/server/audit/list-audit";

export const metadata: Metadata = { title: "Audit log" };

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
type SearchParams = Record<string, string | string[] | undefined>;

function firstValues(params: SearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[key, first]];
    }),
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const timeZone = resolveTimeZone((await requireAdmin()).timeZone);
  const raw = firstValues(await searchParams);
  const query = auditQuerySchema.safeParse(raw);
  let page: AuditPage = { entries: [], nextCursor: null };
  let problem: string | null = null;
  if (!query.success) {
    problem = query.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  } else {
    try {
      page = await listAuditEntries(db(), query.data, { rawTo: raw.to });
    } catch (error) {
      if (!(error instanceof InvalidAuditCursorError)) throw error;
      problem = error.message;
    }
  }
  const nextHref = page.nextCursor
    ? `/settings/audit?${new URLSearchParams({ ...raw, cursor: page.nextCursor }).toString()}`
    : null;

  return (
    <section className="space-y-6">
      <SettingsHeader title="Audit log">
        Who viewed candidates, shared or exported results, changed users, tokens and sessions, replayed deliveries, ran
        backfills, erased people or downloaded their data. Entries are never edited; the retention purge removes them
        after RETENTION_DAYS.
      </SettingsHeader>

      <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-6">
        <label className="text-sm font-medium sm:col-span-2">
          Actor (email, token name or id)
          <input name="actor" defaultValue={raw.actor ?? ""} maxLength={320} className={FIELD} />
        </label>
        <label className="text-sm font-medium">
          Action
          <select name="action" defaultValue={raw.action ?? ""} className={FIELD}>
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Target id
          <input name="target" defaultValue={raw.target ?? ""} maxLength={320} className={FIELD} />
        </label>
        <label className="text-sm font-medium">
          From
          <input name="from" type="date" defaultValue={raw.from ?? ""} className={FIELD} />
        </label>
        <label className="text-sm font-medium">
          To
          <input name="to" type="date" defaultValue={raw.to ?? ""} className={FIELD} />
        </label>
        <div className="flex gap-3 sm:col-span-6">
          <button
            type="submit"
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
          >
            Filter
          </button>
          <Link href="/settings/audit" className="px-2 py-2 text-sm text-indigo-700 hover:underline">
            Clear
          </Link>
        </div>
      </form>

      {problem && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {problem}
        </p>
      )}

      <TableShell framed>
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <HeaderCells pad="px-3 py-2" columns={[`Time (${timeZone})`, "Actor", "Action", "Target", "Details"]} />
            </tr>
          </thead>
          <tbody>
            {page.entries.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-slate-600">
                  No entries match.
                </td>
              </tr>
            ) : (
              page.entries.map((entry) => (
                <tr key={entry.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    {/* The exact instant, to the second, stays in the title for whoever lines entries up with logs. */}
                    <time dateTime={entry.at.toISOString()} title={entry.at.toISOString()}>
                      {formatDateTime(entry.at, timeZone, { zone: false })}
                    </time>
                  </td>
                  <td className="px-3 py-2">
                    {entry.actorLabel ?? entry.actorId ?? entry.actorType}
                    <span className="block text-xs text-slate-500">{entry.actorType}</span>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{entry.action}</td>
                  <td className="px-3 py-2">
                    {entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}` : "—"}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs break-all">
                    {entry.details ? JSON.stringify(entry.details) : ""}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableShell>
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {raw.cursor && (
          <Link
            href={`/settings/audit?${new URLSearchParams({ ...raw, cursor: "" }).toString()}`}
            className="text-indigo-700 hover:underline"
          >
            First page
          </Link>
        )}
        {nextHref && (
          <Link href={nextHref} className="text-indigo-700 hover:underline">
            Older entries
          </Link>
        )}
      </nav>
    </section>
  );
}
