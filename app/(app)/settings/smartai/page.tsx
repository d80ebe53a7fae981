import type { Metadata } from "next";
import { SettingsHeader } from "@/components/settings-header";
import { formatNumber } from "@/components/format";
import { requireAdmin } from "@/lib/server/auth/session";
import { resolveTimeZone } from "@/lib/shared/date-time";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { smartAiOverview, type SmartAiOverview } from "@/lib/server/providers/smartai/poller/overview";
import { smartAiProvider } from "@/lib/server/providers/smartai/provider";
import { BackfillForm } from "./backfill-form";
import { RefreshWhileActive } from "./refresh-while-active";
import { formatRunTime, SyncHistory, SyncStatusBadge, triggerLabel } from "./sync-history";
import { SyncNowButton } from "./sync-now-button";

export const metadata: Metadata = { title: smartAiProvider.label };

export default async function SmartAiSettingsPage() {
  const timeZone = resolveTimeZone((await requireAdmin()).timeZone);
  const overview = await smartAiOverview(db(), env());
  const { connection, thisInstance, lease, activeRun } = overview;
  const someonePolls = thisInstance.polling || Boolean(lease?.live);
  // The admin's last request ("Sync now" or a backfill), followed until it finishes.
  const requestedRun = overview.runs.find((run) => run.trigger !== "schedule") ?? null;
  return (
    <section className="space-y-8">
      <RefreshWhileActive active={activeRun !== null} />
      <SettingsHeader title={smartAiProvider.label}>
        SmartAI keeps results in a queue that this app polls. Each event is stored before it is acknowledged, so nothing
        is lost if an instance stops mid-way; with several instances, the one holding the lease polls.
      </SettingsHeader>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Connection">
          {connection.problem ? (
            <p role="alert" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {connection.problem}
            </p>
          ) : (
            <p className="mb-3 text-sm font-medium text-green-800">Configured</p>
          )}
          <Facts
            rows={[
              [
                "API URL",
                connection.apiUrl
                  ? `${connection.apiUrl}${connection.apiUrlIsDemoDefault ? " (built-in emulator)" : ""}`
                  : "not set",
              ],
              ["API key", connection.apiKeyMasked ?? "not set"],
              ["Secret key", connection.secretKeySet ? "set (never shown)" : "not set"],
              ["Poll interval", `every ${formatNumber(connection.intervalMs / 1000)} s`],
            ]}
          />
        </Panel>
        <Panel title="Poller">
          <Facts
            rows={[
              ["This instance", thisInstanceText(thisInstance)],
              ["Polling instance", leaseHolderText(lease, timeZone)],
              ["Last run", formatRunTime(lease?.lastRunAt, timeZone)],
              [
                "Next run",
                lease?.nextRunAt
                  ? formatRunTime(lease.nextRunAt, timeZone)
                  : someonePolls
                    ? "after the current run"
                    : "—",
              ],
            ]}
          />
          {lease?.lastError && (
            <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              Last error: {lease.lastError}
            </p>
          )}
        </Panel>
      </div>

      <Panel title="Sync now">
        <p className="mb-3 text-sm text-slate-600">
          Polls the queue at once (never sooner than 5 s after the previous poll began) and drains it.
        </p>
        <SyncNowButton disabled={Boolean(connection.problem)} />
        {requestedRun && (
          <RunSummary run={requestedRun} holder={lease?.live ? lease.holderId : null} timeZone={timeZone} />
        )}
      </Panel>

      <Panel title="Backfill">
        <p className="text-sm text-slate-600">
          Fetches only the queued events SmartAI stored in this window, through the same store, acknowledge and process
          path. Events after “Until” stay queued for the regular poll.
        </p>
        <BackfillForm disabled={Boolean(connection.problem)} />
      </Panel>

      <div>
        <h2 className="text-lg font-semibold">Sync history</h2>
        <SyncHistory runs={overview.runs} timeZone={timeZone} />
      </div>
    </section>
  );
}

function thisInstanceText(instance: SmartAiOverview["thisInstance"]): string {
  const id = instance.id ?? "this instance";
  return instance.polling ? `${id} (poller on)` : `${id}: poller off — ${instance.offReason ?? "not started"}`;
}

function leaseHolderText(lease: SmartAiOverview["lease"], timeZone: string): string {
  if (!lease || !lease.live) return "none: no instance holds the lease";
  return `${lease.holderId}${lease.isThisInstance ? " (this instance)" : ""} since ${formatRunTime(lease.acquiredAt, timeZone)}`;
}

function RunSummary({
  run,
  holder,
  timeZone,
}: {
  run: SmartAiOverview["runs"][number];
  holder: string | null;
  timeZone: string;
}) {
  const counts = `fetched ${formatNumber(run.fetched)}, stored ${formatNumber(run.stored)}, acknowledged ${formatNumber(run.acknowledged)}, failed ${formatNumber(run.failed)}`;
  return (
    <div
      role="status"
      aria-live="polite"
      data-latest-sync-run={run.id}
      className="mt-4 rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm"
    >
      <p className="flex items-center gap-2 font-medium">
        Last requested: {triggerLabel(run.trigger)} <SyncStatusBadge status={run.status} />
      </p>
      {run.status === "queued" && (
        <p className="mt-1 text-slate-700">Waiting for {holder ?? "an instance holding the lease"} to pick it up…</p>
      )}
      {run.status === "running" && (
        <p className="mt-1 tabular-nums text-slate-700">
          Running since {formatRunTime(run.startedAt, timeZone)}: {counts} so far…
        </p>
      )}
      {(run.status === "succeeded" || run.status === "failed") && (
        <p className="mt-1 tabular-nums text-slate-700">
          Finished {formatRunTime(run.finishedAt, timeZone)}: {counts}.{run.error ? ` ${run.error}` : ""}
        </p>
      )}
    </div>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </div>
  );
}

function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
