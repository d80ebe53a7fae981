import "server-only";
// Whether the app can talk to the video interview provider, and the client when it can.
import type { Settings } from "../../../config/settings";
import { webhookUrl } from "../descriptor";
import { VideoClient } from "./client";
import { notConfigured } from "./errors";
import { videoWebhook } from "./webhook";

/** The settings still missing before recruiters can create and invite; empty when none. */
export function missingVideoSettings(settings: Settings): string[] {
  return [...(settings.VIDEO_API_URL ? [] : ["VIDEO_API_URL"]), ...(settings.VIDEO_API_KEY ? [] : ["VIDEO_API_KEY"])];
}

/** Throws a not-configured VideoProviderError naming the missing settings. */
export function videoClientFor(settings: Settings): VideoClient {
  const missing = missingVideoSettings(settings);
  if (missing.length > 0 || !settings.VIDEO_API_URL || !settings.VIDEO_API_KEY) throw notConfigured(missing);
  return new VideoClient({ apiUrl: settings.VIDEO_API_URL, apiKey: settings.VIDEO_API_KEY });
}

export function videoWebhookUrl(settings: Settings): string {
  return webhookUrl(settings, videoWebhook);
}
