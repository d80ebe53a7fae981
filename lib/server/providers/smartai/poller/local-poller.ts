import "server-only";
// Which poller this process runs, kept on globalThis so a second register() or a dev reload
// does not start another. Apart from start.ts so the provider descriptor can report it without
// importing the poller itself: the poller reaches the applier, which reaches the registry, which
// lists this descriptor — a cycle that left the descriptor uninitialised at import.
import type { SmartAiPoller } from "./poller";

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

export function setLocalSmartAiPoller(local: LocalPoller | undefined): void {
  holder.__assessmentHubSmartAiPoller = local;
}
