import "server-only";
// The conditions an admin is alerted to, each read from the database with a few indexed
// queries, so every instance can check them cheaply and sees the same answer.
import { smartAiConfigurationProblem, type Settings } from "../../config/settings";
import type { Db } from "../db";
import { PUSH_PROVIDERS } from "../providers/registry";
import { recentTallies } from "../metrics/tallies";

export interface Condition {
  key: string;
  /** True while the condition holds. */
  active: boolean;
  /** What an admin reads (banner, webhook post) while it holds. */
  message: string;
}

export const FAILING_FOR_MS = 5 * 60_000;
export const BACKLOG_WINDOW_MS = 10 * 60_000;
export const BACKLOG_MIN_WAIT_MS = 5 * 60_000;
export const REFUSAL_WINDOW_MS = 60 * 60_000;
/** One stray request (a scanner, a test by hand) is not an endpoint "refusing everything". */
export const MIN_REFUSALS = 3;
export const POLLER_STALLED_INTERVALS = 3;

export async function checkConditions(db: Db, settings: Settings, now: Date): Promise<Condition[]> {
  return Promise.all([
    deliveriesFailing(db, now),
    pollerStalled(db, settings, now),
    backlogGrowing(db, now),
    ...PUSH_PROVIDERS.filter((provider) => settings[provider.webhook.secretSetting]).map((provider) =>
      onlyRefusals(db, provider.id, provider.label, now),
    ),
  ]).then((conditions) => conditions.filter((condition): condition is Condition => condition !== null));
}

/**
 * Deliveries have been failing for five minutes: every delivery settled since the first
 * failure five or more minutes ago failed, and one failed in the last five minutes.
 */
async function deliveriesFailing(db: Db, now: Date): Promise<Condition> {
  const key = "deliveries-failing";
  const since = new Date(now.getTime() - FAILING_FOR_MS);
  const lastProcessed = await db.delivery.findFirst({
    where: { status: "processed" },
    orderBy: { processedAt: "desc" },
    select: { processedAt: true },
  });
  const after = lastProcessed?.processedAt ?? new Date(0);
  const [firstFailure, lastFailure, failures] = await Promise.all([
    db.delivery.findFirst({
      where: { status: "failed", processedAt: { gt: after } },
      orderBy: { processedAt: "asc" },
      select: { processedAt: true },
    }),
    db.delivery.findFirst({
      where: { status: "failed" },
      orderBy: { processedAt: "desc" },
      select: { processedAt: true },
    }),
    db.delivery.count({ where: { status: "failed", processedAt: { gt: after } } }),
  ]);
  const active =
    firstFailure?.processedAt != null &&
    firstFailure.processedAt <= since &&
    lastFailure?.processedAt != null &&
    lastFailure.processedAt > since;
  return {
    key,
    active,
    message: `Deliveries have been failing for ${minutesSince(firstFailure?.processedAt ?? now, now)} minutes: ${failures} failed and none was processed since. The event log (Settings → Events) shows why; replay them once fixed.`,
  };
}

/** The SmartAI poller has not finished a cycle successfully for three poll intervals. */
async function pollerStalled(db: Db, settings: Settings, now: Date): Promise<Condition | null> {
  // Whether this instance polls does not matter: the lease may be with any instance.
  if (smartAiConfigurationProblem(settings) !== null) return null;
  const provider = "smartai";
  const [lastSuccess, firstRun] = await Promise.all([
    db.syncRun.findFirst({
      where: { provider, status: "succeeded" },
      orderBy: { startedAt: "desc" },
      select: { finishedAt: true, startedAt: true },
    }),
    db.syncRun.findFirst({ where: { provider }, orderBy: { startedAt: "asc" }, select: { startedAt: true } }),
  ]);
  // Before the first run ever there is nothing to measure from.
  const since = lastSuccess?.finishedAt ?? lastSuccess?.startedAt ?? firstRun?.startedAt ?? null;
  const limitMs = POLLER_STALLED_INTERVALS * settings.ASSESSMENT_POLL_INTERVAL_MS;
  const active = since !== null && now.getTime() - since.getTime() > limitMs;
  return {
    key: `poller-stalled:${provider}`,
    active,
    message: `The SmartAI poller has not completed a poll successfully for ${minutesSince(since ?? now, now)} minutes (over ${POLLER_STALLED_INTERVALS} poll intervals). Settings → SmartAI shows its last error.`,
  };
}

/** More deliveries arrived than were settled over ten minutes, and the oldest has waited five or more. */
async function backlogGrowing(db: Db, now: Date): Promise<Condition> {
  const since = new Date(now.getTime() - BACKLOG_WINDOW_MS);
  const [received, settled, oldest, pending] = await Promise.all([
    db.delivery.count({ where: { receivedAt: { gt: since } } }),
    db.delivery.count({
      where: { status: { in: ["processed", "failed", "unrecognised"] }, processedAt: { gt: since } },
    }),
    db.delivery.findFirst({
      where: { status: "pending" },
      orderBy: { receivedAt: "asc" },
      select: { receivedAt: true },
    }),
    db.delivery.count({ where: { status: "pending" } }),
  ]);
  const waitedMs = oldest ? now.getTime() - oldest.receivedAt.getTime() : 0;
  const grew = received - settled;
  return {
    key: "backlog-growing",
    active: grew > 0 && waitedMs >= BACKLOG_MIN_WAIT_MS,
    message: `The inbox backlog keeps growing: ${pending} deliveries wait (${grew} more than ten minutes ago), the oldest for ${Math.floor(waitedMs / 60_000)} minutes. Check that the app's instances are running and the database keeps up.`,
  };
}

/** A configured push endpoint refused every delivery of the last hour (wrong secret on one side). */
async function onlyRefusals(db: Db, provider: string, name: string, now: Date): Promise<Condition> {
  const since = new Date(now.getTime() - REFUSAL_WINDOW_MS);
  const [tallies, accepted] = await Promise.all([
    recentTallies(db, since),
    db.delivery.count({ where: { provider, receivedAt: { gte: since }, source: { in: ["webhook", "test"] } } }),
  ]);
  const count = (outcome: string) =>
    tallies.find((tally) => tally.provider === provider && tally.outcome === outcome)?.count ?? 0;
  const refused = count("refused");
  return {
    key: `webhook-refusals:${provider}`,
    active: refused >= MIN_REFUSALS && accepted === 0 && count("duplicate") === 0,
    message: `${name}'s webhook endpoint refused all ${refused} deliveries of the last hour (401: bad signature or token). The secret set in ${name} and the app's setting probably differ.`,
  };
}

function minutesSince(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
}
