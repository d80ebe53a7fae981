import "server-only";
// What the SmartAI settings page shows: configuration (secrets masked), who polls, the
// schedule, and recent sync runs. Plain data: the page renders it.
import {
  MIN_POLL_INTERVAL_MS,
  smartAiApiUrl,
  smartAiConfigurationProblem,
  type Settings,
} from "../../../../config/settings";
import { maskSecret } from "../../../auth/secrets";
import type { Db } from "../../../db";
import { localSmartAiPoller } from "./local-poller";
import { pollerOffReason } from "./start";
import { recentRuns } from "../../../ingestion/polling/sync-runs";

export async function smartAiOverview(db: Db, settings: Settings, now = new Date()) {
  const [lease, runs] = await Promise.all([
    db.pollerLease.findUnique({ where: { provider: "smartai" } }),
    recentRuns(db, "smartai", 25),
  ]);
  const local = localSmartAiPoller();
  const leaseIsLive = lease !== null && lease.expiresAt > now;
  const thisInstanceId = local?.instanceId ?? null;
  return {
    connection: {
      problem: smartAiConfigurationProblem(settings),
      apiUrl: smartAiApiUrl(settings),
      apiUrlIsDemoDefault: !settings.ASSESSMENT_API_URL && settings.DEMO_MODE,
      apiKeyMasked: settings.ASSESSMENT_API_KEY ? maskSecret(settings.ASSESSMENT_API_KEY) : null,
      secretKeySet: Boolean(settings.ASSESSMENT_SECRET_KEY),
      intervalMs: settings.ASSESSMENT_POLL_INTERVAL_MS,
      minIntervalMs: MIN_POLL_INTERVAL_MS,
    },
    thisInstance: {
      id: thisInstanceId,
      polling: Boolean(local?.poller),
      offReason: local ? local.offReason : pollerOffReason(settings),
    },
    lease: lease && {
      holderId: lease.holderId,
      live: leaseIsLive,
      isThisInstance: lease.holderId === thisInstanceId,
      acquiredAt: lease.acquiredAt,
      expiresAt: lease.expiresAt,
      lastRunAt: lease.lastRunAt,
      nextRunAt: leaseIsLive ? lease.nextRunAt : null,
      lastError: lease.lastError,
      requestedAt: lease.requestedAt,
    },
    activeRun: runs.find((run) => run.status === "queued" || run.status === "running") ?? null,
    runs,
  };
}

export type SmartAiOverview = Awaited<ReturnType<typeof smartAiOverview>>;
