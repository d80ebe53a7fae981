import "server-only";
// SmartAI keeps its events in a queue that the app polls (docs/contract.md §3); it never pushes.
import { PROVIDER_LABELS } from "../../../shared/vocabulary";
import type { ProviderDescriptor } from "../descriptor";
import { smartAiAdapter } from "./adapter";
import type { SmartAiClient } from "./client";
import { smartAiClientFor } from "./configuration";
import { localSmartAiPoller } from "./poller/local-poller";

export const smartAiProvider = {
  id: "smartai",
  label: PROVIDER_LABELS.smartai,
  adapter: smartAiAdapter,
  client: smartAiClientFor,
  poller: {
    local() {
      const local = localSmartAiPoller();
      return local && { instanceId: local.instanceId, polling: local.poller !== null, offReason: local.offReason };
    },
  },
  settingsPage: {
    href: "/settings/smartai",
    title: PROVIDER_LABELS.smartai,
    summary: "Poll queue status, Sync now, sync history and backfill.",
  },
} satisfies ProviderDescriptor<SmartAiClient>;
