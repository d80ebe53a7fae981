import "server-only";
// Starts this process's SmartAI poller at boot, once, or records why it stays off.
import { smartAiConfigurationProblem, type Settings } from "../../../../config/settings";
import type { Db } from "../../../db";
import { log } from "../../../log";
import { smartAiClientFor } from "../configuration";
import { pollerInstanceId } from "../../../ingestion/polling/instance-id";
import { localSmartAiPoller, setLocalSmartAiPoller } from "./local-poller";
import { SmartAiPoller } from "./poller";

/** Why this instance would not poll, or null when it can. */
export function pollerOffReason(settings: Settings): string | null {
  if (!settings.POLLER_ENABLED) return "the poller is switched off on this instance (POLLER_ENABLED=false)";
  return smartAiConfigurationProblem(settings);
}

export async function startSmartAiPoller(settings: Settings, database: Db): Promise<void> {
  if (localSmartAiPoller()) return;
  const instanceId = pollerInstanceId();
  const offReason = pollerOffReason(settings);
  if (offReason) {
    setLocalSmartAiPoller({ instanceId, poller: null, offReason });
    log.warn({ instanceId }, `SmartAI poller is off: ${offReason}`);
    return;
  }
  const poller = new SmartAiPoller({
    db: database,
    client: smartAiClientFor(settings),
    instanceId,
    intervalMs: settings.ASSESSMENT_POLL_INTERVAL_MS,
  });
  setLocalSmartAiPoller({ instanceId, poller, offReason: null });
  poller.start();
  log.info({ instanceId, intervalMs: settings.ASSESSMENT_POLL_INTERVAL_MS }, "SmartAI poller started");
}

/** Stops this process's poller and gives its lease up (tests, and a clean shutdown). */
export async function stopSmartAiPoller(): Promise<void> {
  const local = localSmartAiPoller();
  setLocalSmartAiPoller(undefined);
  await local?.poller?.stop();
}
