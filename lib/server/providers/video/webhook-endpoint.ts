import "server-only";
import type { WebhookEndpoint } from "../../ingestion/webhooks/handle-webhook";

/** POST /api/webhooks/video: Standard Webhooks signed with VIDEO_WEBHOOK_SECRET; the event is the body's `type`. */
export function videoWebhookEndpoint(secret: string | undefined): WebhookEndpoint {
  return {
    provider: "video",
    secretSetting: "VIDEO_WEBHOOK_SECRET",
    secret,
    eventTypeOf: (body) => {
      const type = (body as { type?: unknown } | null)?.type;
      return typeof type === "string" ? type.slice(0, 100) : null;
    },
  };
}
