import "server-only";
import { webhookPath, type PushEndpoint } from "../descriptor";

/** POST /api/webhooks/video (docs/video-provider-api.md § Webhooks): Standard Webhooks signatures only. */
export const videoWebhook: PushEndpoint = {
  provider: "video",
  path: webhookPath("video"),
  secretSetting: "VIDEO_WEBHOOK_SECRET",
  urlToken: "refused",
  authentication: "Signed Standard Webhooks style with the secret the provider shows you.",
  headerNames: "webhook",
  // The event is the body's `type`.
  eventTypeOf: (body) => {
    const type = (body as { type?: unknown } | null)?.type;
    return typeof type === "string" ? type.slice(0, 100) : null;
  },
  // The provider's dashboard sends its own test events.
  sample: null,
};
