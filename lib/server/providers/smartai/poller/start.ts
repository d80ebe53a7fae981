import "server-only";
// Starts this process's SmartAI poller at boot, once (kept on globalThis, so a second
// register() or a dev reload does not start another), or records why it stays off.
import { smartAiConfigurationProblem, type Settings } from "../../../../config/settings";
import type { Db } from "../../../db";
import { log } from "../../../log";
import { smartAiClientFor } from "../configuration";
import { pollerInstanceId } from "../../../ingestion/polling/instance-id";
import { SmartAiPoller } from "./poller";

export interface LocalPoller {
  instanceId: string;
  /** Null when the poller is off on this instance; `offReason` says why. */
  poller: SmartAiPoller | null;
  offReason: string | null;
}

const holder = globalThis as typeof globalThis & { __assessmentHubSmartAiPoller?: LocalPoller };

export function localSmartAiPoller(): LocalPoller | null {
  return holder.__assessmentHubSmartAiPoller ?? null;
}

/** Why this instance would not poll, or null when it can. */
export function pollerOffReason(settings: Settings): string | null {
  if (!settings.POLLER_ENABLED) return "the poller is switched off on this instance (POLLER_ENABLED=false)";
  return smartAiConfigurationProblem(settings);
}

export async function startSmartAiPoller(settings: Settings, database: Db): Promise<void> {
  if (holder.__assessmentHubSmartAiPoller) return;
  const instanceId = pollerInstanceId();
  const offReason = pollerOffReason(settings);
  if (offReason) {
    holder.__assessmentHubSmartAiPoller = { instanceId, poller: null, offReason };
    log.warn({ instanceId }, `SmartAI poller is off: ${offReason}`);
    return;
  }
  const poller = new SmartAiPoller({
    db: database,
    client: smartAiClientFor(settings),
    instanceId,
    intervalMs: settings.ASSESSMENT_POLL_INTERVAL_MS,
  });
  holder.__assessmentHubSmartAiPoller = { instanceId, poller, offReason: null };
  poller.start();
  log.info({ instanceId, intervalMs: settings.ASSESSMENT_POLL_INTERVAL_MS }, "SmartAI poller started");
}

/** Stops this process's poller and gives its lease up (tests, and a clean shutdown). */
export async function stopSmartAiPoller(): Promise<void> {
  const local = holder.__assessmentHubSmartAiPoller;
  holder.__assessmentHubSmartAiPoller = undefined;
  await local?.poller?.stop();
}
