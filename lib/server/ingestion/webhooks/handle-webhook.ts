import "server-only";
// The one path every push provider's delivery takes (docs/contract.md §4):
//   503 not configured → 413 too big → 401 bad signature (nothing stored) → 400 not JSON
//   → store and apply, durably, in one commit with the deliveries arriving meanwhile
//   (store-and-apply.ts) → 200 duplicate | 202 unrecognised (kept) | 200 accepted. A delivery
//   whose apply fails is stored pending all the same, and the applier takes it after the answer.
// It sees a delivery through IncomingWebhook, not a Request: Next's route handler and the app's
// own server (direct-intake.ts, which answers webhooks without Next's request handling) each
// adapt theirs to it, so both run exactly this code.
import { after } from "next/server";
import type { Db } from "../../db";
import { log } from "../../log";
import type { WebhookEndpoint } from "../../providers/descriptor";
import { deliveryIdForBody } from "../inbox";
import { storeAndApplyOne } from "../store-and-apply";
import { applierFor } from "../applier";
import { MAX_WEBHOOK_BODY_BYTES, readBodyWithLimit, utf8Text } from "./read-body";
import { verifyWebhook, type WebhookHeaders } from "./verify-webhook";
import { countDeliveries } from "../../metrics/tallies";

/**
 * Set by the admin's "Send test event": such a delivery goes the whole way (signature, inbox,
 * translation) but is not applied to results. Only honoured on an authenticated delivery.
 */
export const TEST_DELIVERY_HEADER = "x-assessment-hub-test";

/** Headers worth keeping with the raw delivery (never cookies, auth, or the URL token). */
const KEPT_HEADERS = [
  "content-type",
  "user-agent",
  "webhook-id",
  "webhook-timestamp",
  "svix-id",
  "svix-timestamp",
  "x-event-type",
  TEST_DELIVERY_HEADER,
];

/** A delivery as the handler reads it, whichever server received it. */
export interface IncomingWebhook {
  /** Only the query is read (`?token=`). */
  url: URL;
  headers: WebhookHeaders;
  /** The raw body, or null as soon as it passes `maxBytes` (a lying Content-Length included). */
  readBody(maxBytes: number): Promise<Buffer | null>;
}

/** The answer, sent as JSON with `Cache-Control: no-store` by whichever server received the delivery. */
export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Runs work after the answer has been sent (Next's `after`; the app's server: once the response closed). */
export type AfterAnswer = (task: () => Promise<unknown>) => void;

export function webhookFromRequest(request: Request): IncomingWebhook {
  return {
    url: new URL(request.url),
    headers: request.headers,
    readBody: (maxBytes) => readBodyWithLimit(request, maxBytes),
  };
}

export function webhookResponse(answer: WebhookAnswer): Response {
  return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store" } });
}

/** Next's route handler: the Request in, a Response out. */
export async function handleWebhook(
  request: Request,
  endpoint: WebhookEndpoint,
  db: Db,
  // Processing runs after the answer; tests pass their own scheduler to await it.
  schedule: AfterAnswer = after,
): Promise<Response> {
  return webhookResponse(await answerWebhook(webhookFromRequest(request), endpoint, db, schedule));
}

export async function answerWebhook(
  request: IncomingWebhook,
  endpoint: WebhookEndpoint,
  db: Db,
  schedule: AfterAnswer,
): Promise<WebhookAnswer> {
  const { provider } = endpoint;
  if (!endpoint.secret) {
    log.warn({ provider }, `webhook refused: ${endpoint.secretSetting} is not set`);
    return json(503, { error: `not configured: set ${endpoint.secretSetting} to enable this endpoint` });
  }

  const bytes = await request.readBody(MAX_WEBHOOK_BODY_BYTES);
  if (bytes === null) {
    log.warn({ provider }, "webhook refused: body over 1 MiB");
    return json(413, { error: "body too large: the limit is 1 MiB" });
  }

  const verification = verifyWebhook({
    secret: endpoint.secret,
    body: bytes,
    headers: request.headers,
    url: request.url,
    urlToken: endpoint.urlToken,
  });
  if (!verification.ok) {
    log.warn({ provider, reason: verification.reason }, "webhook refused: authentication failed");
    return json(401, { error: verification.reason });
  }

  // JSON is UTF-8 (RFC 8259): bytes that are not are refused, never stored with replacements.
  const body = utf8Text(bytes);
  if (body === null) {
    log.warn({ provider }, "webhook refused: body is not valid UTF-8");
    return json(400, { error: "body is not JSON: it is not valid UTF-8" });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    log.warn({ provider, reason: (error as Error).message }, "webhook refused: body is not JSON");
    return json(400, { error: "body is not JSON" });
  }
  const contentType = request.headers.get("content-type");
  if (!contentType?.toLowerCase().includes("json")) {
    // The body decides (it parsed as JSON); the sender's header is only worth a note.
    log.warn(
      { provider, contentType },
      "webhook content-type is not application/json; the body is JSON, so it is kept",
    );
  }

  const eventType = endpoint.eventTypeOf(parsed, request.headers);
  const headers = Object.fromEntries(
    KEPT_HEADERS.flatMap((name) => {
      const value = request.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  const externalId = verification.deliveryId ?? deliveryIdForBody(body);
  const stored = await storeAndApplyOne(db, provider, {
    externalId,
    source: request.headers.get(TEST_DELIVERY_HEADER) === "1" ? "test" : "webhook",
    eventType,
    headers,
    body,
    parsedBody: parsed,
  });
  if (!stored) {
    countDeliveries(provider, "duplicate");
    log.info({ provider, externalId }, "webhook redelivered: already in the inbox, nothing changed");
    return json(200, { status: "duplicate", deliveryId: externalId });
  }
  // Kept, but not something we can read: the sender learns it at once.
  if (stored.status === "unrecognised") {
    return json(202, { status: "unrecognised", deliveryId: externalId, reason: stored.error ?? "" });
  }
  // Stored but not applied with its store (the apply failed): the applier's, after the answer.
  if (stored.status === "pending") schedule(() => applierFor(db).settle(stored.id));
  return json(200, { status: "accepted", deliveryId: externalId });
}

function json(status: number, body: Record<string, unknown>): WebhookAnswer {
  return { status, body };
}
