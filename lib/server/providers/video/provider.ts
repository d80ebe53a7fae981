import "server-only";
// The AI video interview provider: recruiters create assessments and invite through its API
// (the client); it pushes invitation and result events back.
import { PROVIDER_LABELS } from "../../../shared/vocabulary";
import type { ProviderDescriptor } from "../descriptor";
import { videoAdapter } from "./adapter";
import type { VideoClient } from "./client";
import { videoClientFor } from "./configuration";
import { videoWebhook } from "./webhook";

export const videoProvider = {
  id: "video",
  label: PROVIDER_LABELS.video,
  adapter: videoAdapter,
  client: videoClientFor,
  webhook: videoWebhook,
  settingsPage: {
    href: "/settings/video",
    title: "AI video interviews",
    summary: "Provider connection for video assessments.",
  },
} satisfies ProviderDescriptor<VideoClient>;
