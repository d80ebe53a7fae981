import "server-only";
// Authenticates a push delivery (CONTRACT §4): Standard Webhooks signatures under the
// webhook-* or svix-* header names (Testlify delivers through Svix), or `?token=<secret>`
// for providers that can only be given a URL.
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { constantTimeEqual } from "../../auth/secrets";

export type Verification =
  { ok: true; deliveryId: string | null; method: "signature" | "token" } | { ok: false; reason: string };

const HEADER_SETS = [
  { id: "webhook-id", timestamp: "webhook-timestamp", signature: "webhook-signature" },
  { id: "svix-id", timestamp: "svix-timestamp", signature: "svix-signature" },
] as const;

export function verifyWebhook(input: { secret: string; body: string; headers: Headers; url: URL }): Verification {
  const token = input.url.searchParams.get("token");
  if (token !== null) {
    return constantTimeEqual(token, input.secret)
      ? { ok: true, deliveryId: deliveryIdHeader(input.headers), method: "token" }
      : { ok: false, reason: "the ?token= on the URL does not match the configured secret" };
  }

  const names = HEADER_SETS.find((set) => input.headers.has(set.signature));
  if (!names) {
    return {
      ok: false,
      reason: "no signature: expected webhook-id/webhook-timestamp/webhook-signature (or svix-*) headers, or ?token=",
    };
  }
  const id = input.headers.get(names.id);
  const timestamp = input.headers.get(names.timestamp);
  if (!id || !timestamp) return { ok: false, reason: `missing ${names.id} or ${names.timestamp} header` };

  try {
    new Webhook(input.secret).verify(
      input.body,
      { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": input.headers.get(names.signature)! },
      { jsonParse: false },
    );
    return { ok: true, deliveryId: id, method: "signature" };
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      return {
        ok: false,
        reason: `${names.signature} rejected: ${error.message.toLowerCase()} (timestamps must be within 300 s)`,
      };
    }
    throw error;
  }
}

function deliveryIdHeader(headers: Headers): string | null {
  return headers.get("webhook-id") ?? headers.get("svix-id");
}
