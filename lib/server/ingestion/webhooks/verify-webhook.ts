import "server-only";
// Authenticates a push delivery (docs/contract.md §4): Standard Webhooks signatures under the
// webhook-* or svix-* header names (Testlify delivers through Svix), or `?token=<secret>` where
// the provider's descriptor accepts it.
//
// The HMAC is computed here over the bytes received. The standardwebhooks package decodes a
// Buffer to text first, so two bodies whose invalid UTF-8 decodes to the same U+FFFD would share
// one signature; its signer is still what the tests and "Send test event" sign with.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { PushEndpoint } from "../../providers/descriptor";
import { constantTimeEqual } from "../../auth/secrets";

/** What is read of a delivery's headers: a Fetch `Headers`, or the app's server's view of Node's (lowercase names). */
export type WebhookHeaders = Pick<Headers, "get" | "has">;

export type Verification =
  { ok: true; deliveryId: string | null; method: "signature" | "token" } | { ok: false; reason: string };

/** How far a signature's timestamp may be from this server's clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const HEADER_SETS = [
  { id: "webhook-id", timestamp: "webhook-timestamp", signature: "webhook-signature" },
  { id: "svix-id", timestamp: "svix-timestamp", signature: "svix-signature" },
] as const;

export function verifyWebhook(input: {
  secret: string;
  body: Uint8Array;
  headers: WebhookHeaders;
  url: URL;
  urlToken: PushEndpoint["urlToken"];
  now?: Date;
}): Verification {
  const token = input.url.searchParams.get("token");
  if (token !== null) {
    if (input.urlToken === "refused") {
      return {
        ok: false,
        reason:
          "this endpoint does not take ?token=: sign deliveries with webhook-id/webhook-timestamp/webhook-signature, and remove the secret from the URL",
      };
    }
    return constantTimeEqual(token, input.secret)
      ? { ok: true, deliveryId: deliveryIdHeader(input.headers), method: "token" }
      : { ok: false, reason: "the ?token= on the URL does not match the configured secret" };
  }

  const names = HEADER_SETS.find((set) => input.headers.has(set.signature));
  if (!names) {
    const expected = "expected webhook-id/webhook-timestamp/webhook-signature (or svix-*) headers";
    return { ok: false, reason: `no signature: ${expected}${input.urlToken === "accepted" ? ", or ?token=" : ""}` };
  }
  const id = input.headers.get(names.id);
  const timestamp = input.headers.get(names.timestamp);
  if (!id || !timestamp) return { ok: false, reason: `missing ${names.id} or ${names.timestamp} header` };

  const problem =
    timestampProblem(timestamp, input.now ?? new Date()) ??
    signatureProblem(input.secret, id, timestamp, input.body, input.headers.get(names.signature) ?? "");
  if (problem) {
    return {
      ok: false,
      reason: `${names.signature} rejected: ${problem} (timestamps must be within ${SIGNATURE_TOLERANCE_SECONDS} s)`,
    };
  }
  return { ok: true, deliveryId: id, method: "signature" };
}

function timestampProblem(timestamp: string, now: Date): string | null {
  if (!/^\d{1,12}$/.test(timestamp)) return "the timestamp is not unix seconds";
  const skew = Number(timestamp) - Math.floor(now.getTime() / 1000);
  if (skew < -SIGNATURE_TOLERANCE_SECONDS) return "message timestamp too old";
  if (skew > SIGNATURE_TOLERANCE_SECONDS) return "message timestamp too new";
  return null;
}

/** Standard Webhooks: base64 HMAC-SHA256 of `id.timestamp.body`; any one `v1,` entry may match. */
function signatureProblem(
  secret: string,
  id: string,
  timestamp: string,
  body: Uint8Array,
  header: string,
): string | null {
  const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest();
  const offered = header
    .split(" ")
    .flatMap((entry) => (entry.startsWith("v1,") ? [Buffer.from(entry.slice(3), "base64")] : []));
  if (offered.length === 0) return "no v1 signature in the header";
  const matches = offered.some(
    (signature) => signature.length === expected.length && timingSafeEqual(signature, expected),
  );
  return matches ? null : "no matching signature found";
}

function deliveryIdHeader(headers: WebhookHeaders): string | null {
  return headers.get("webhook-id") ?? headers.get("svix-id");
}
