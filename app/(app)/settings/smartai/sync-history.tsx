import { HeaderCells, TableShell } from "@/components/data-table";
import { formatNumber } from "@/components/format";
import { formatDateTime } from "@/lib/shared/date-time";
import type { SmartAiOverview } from "@/lib/server/providers/smartai/poller/overview";

// Seconds matter here: cycles can be 5 s apart.

export function formatRunTime(value: Date | string | null | undefined, timeZone: string): string {
  return formatDateTime(value, timeZone, { seconds: true });
}

const TRIGGER_LABELS: Record<string, string> = { schedule: "Scheduled", manual: "Sync now", backfill: "Backfill" };
const STATUS_STYLES: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-indigo-50 text-indigo-800",
  succeeded: "bg-green-50 text-green-800",
  failed: "bg-red-50 text-red-700",
};

export function SyncStatusBadge({ status }: { status: string }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[status] ?? "bg-slate-100"}`}>
      {status.charAt(0).toUpperCase() + status.slice(1)}
    </span>
  );
}

export function triggerLabel(trigger: string): string {
  return TRIGGER_LABELS[trigger] ?? trigger;
}

export function SyncHistory({ runs, timeZone }: { runs: SmartAiOverview["runs"]; timeZone: string }) {
  if (runs.length === 0) {
    return <p className="mt-3 text-sm text-slate-600">No sync has run yet.</p>;
  }
  return (
    <TableShell framed className="mt-3">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
          <tr>
            <HeaderCells
              pad="px-3 py-2"
              columns={[
                "Run",
                "Status",
                "Started",
                "Finished",
                { label: "Fetched", align: "right" },
                { label: "Stored", align: "right" },
                { label: "Acknowledged", align: "right" },
                { label: "Failed", align: "right" },
                "Error",
              ]}
            />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id} data-sync-run={run.id} className="align-top">
              <td className="px-3 py-2">
                <span className="font-medium">{triggerLabel(run.trigger)}</span>
                {run.trigger === "backfill" && (
                  <span className="block text-xs text-slate-500">
                    {formatRunTime(run.since, timeZone)} → {run.until ? formatRunTime(run.until, timeZone) : "now"}
                  </span>
                )}
                <span className="block text-xs text-slate-500" title="Instance">
                  {run.instanceId}
                </span>
              </td>
              <td className="px-3 py-2">
                <SyncStatusBadge status={run.status} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {run.status === "queued" ? "—" : formatRunTime(run.startedAt, timeZone)}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatRunTime(run.finishedAt, timeZone)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(run.fetched)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(run.stored)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(run.acknowledged)}</td>
              <td className={`px-3 py-2 text-right tabular-nums ${run.failed > 0 ? "font-medium text-red-700" : ""}`}>
                {formatNumber(run.failed)}
              </td>
              <td className="max-w-xs px-3 py-2 text-red-700">{run.error ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableShell>
  );
}
