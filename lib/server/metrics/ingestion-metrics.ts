import "server-only";
// The ingestion figures of /api/metrics, read from the database at scrape time, so every
// instance answers the same whichever one a scrape reaches: deliveries by provider and outcome
// (Delivery rows by status, plus the duplicate and refused tallies), the inbox backlog, and
// when each polling provider last polled successfully.
import { Counter, Gauge, Registry } from "prom-client";
import type { Db } from "../db";
import { inboxBacklog } from "../ingestion-status/backlog";
import { tallyTotals } from "./tallies";

/** Delivery statuses that are outcomes (pending is not one yet: it is the inbox_pending gauge). */
const SETTLED_STATUSES = ["processed", "failed", "unrecognised"];
export const DELIVERY_OUTCOMES = [...SETTLED_STATUSES, "duplicate", "refused"] as const;

export interface IngestionMetricsOptions {
  /** Polling providers whose last success is reported even before they ever succeeded (0 then). */
  pollingProviders: string[];
  now?: Date;
}

export async function ingestionMetricsText(db: Db, options: IngestionMetricsOptions): Promise<string> {
  const now = options.now ?? new Date();
  const [byStatus, tallies, backlog, lastSuccesses] = await Promise.all([
    db.delivery.groupBy({
      by: ["provider", "status"],
      where: { status: { in: SETTLED_STATUSES } },
      _count: { _all: true },
    }),
    tallyTotals(db),
    inboxBacklog(db, now),
    lastPollSuccesses(db, options.pollingProviders),
  ]);

  const registry = new Registry();
  const deliveries = new Counter({
    name: "assessment_hub_deliveries_total",
    help: "Deliveries received, by provider and outcome: processed, failed, unrecognised (stored rows by status), duplicate (redelivered, nothing changed) and refused (webhook authentication failed, nothing stored). The same on every instance.",
    labelNames: ["provider", "outcome"] as const,
    registers: [registry],
  });
  for (const group of byStatus) deliveries.inc({ provider: group.provider, outcome: group.status }, group._count._all);
  for (const tally of tallies) deliveries.inc({ provider: tally.provider, outcome: tally.outcome }, tally.count);

  new Gauge({
    name: "assessment_hub_inbox_pending",
    help: "Stored deliveries still waiting to be applied.",
    registers: [registry],
  }).set(backlog.pending);
  new Gauge({
    name: "assessment_hub_apply_lag_seconds",
    help: "How long the oldest pending delivery has waited, in seconds (0 when none waits).",
    registers: [registry],
  }).set(backlog.oldestPendingAgeSeconds ?? 0);

  const lastSuccess = new Gauge({
    name: "assessment_hub_poller_last_success_timestamp_seconds",
    help: "Unix time a polling provider's last poll cycle succeeded (0: never, or longer ago than its runs are kept).",
    labelNames: ["provider"] as const,
    registers: [registry],
  });
  for (const [provider, at] of lastSuccesses) lastSuccess.set({ provider }, at ? at.getTime() / 1000 : 0);

  return registry.metrics();
}

/** Each provider's newest successful poll cycle: the configured ones, and any that ever succeeded. */
async function lastPollSuccesses(db: Db, configured: string[]): Promise<Map<string, Date | null>> {
  const rows = await db.syncRun.groupBy({
    by: ["provider"],
    where: { status: "succeeded" },
    _max: { finishedAt: true },
  });
  const successes = new Map<string, Date | null>(configured.map((provider) => [provider, null]));
  for (const row of rows) successes.set(row.provider, row._max.finishedAt);
  return successes;
}
