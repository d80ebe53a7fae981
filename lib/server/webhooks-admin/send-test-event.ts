import "server-only";
// "Send test event": signs a sample delivery with the configured secret and posts it to this
// app's own endpoint at APP_URL, the way the provider would, then reports the HTTP answer and
// what became of the delivery. Marked as a test, it is translated but not applied to results.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { Settings } from "../../config/settings";
import type { Db } from "../db";
import { TEST_DELIVERY_HEADER } from "../ingestion/webhooks/handle-webhook";
import { log } from "../log";
import { webhookUrl, type PushEndpoint } from "../providers/descriptor";

export interface TestEventResult {
  ok: boolean;
  message: string;
  httpStatus: number | null;
  answer: string | null;
  deliveryStatus: string | null;
  deliveryError: string | null;
  /** The stored delivery, to open in the event log. */
  deliveryId: string | null;
}

const SEND_TIMEOUT_MS = 10_000;
/** Processing runs just after the answer; wait this long for it before reporting "pending". */
const SETTLE_WAIT_MS = 5_000;

export async function sendTestEvent(db: Db, settings: Settings, endpoint: PushEndpoint): Promise<TestEventResult> {
  if (!endpoint.sample) {
    return failure(`No sample delivery for this provider: send a test from the provider's own dashboard.`);
  }
  const secret = settings[endpoint.secretSetting];
  const url = webhookUrl(settings, endpoint);
  const messageId = `msg_hubtest_${randomBytes(9).toString("base64url")}`;
  const body = JSON.stringify(endpoint.sample(new Date()));
  const headers: Record<string, string> = { "content-type": "application/json", [TEST_DELIVERY_HEADER]: "1" };
  if (secret) {
    const now = new Date();
    const prefix = endpoint.headerNames;
    headers[`${prefix}-id`] = messageId;
    headers[`${prefix}-timestamp`] = String(Math.floor(now.getTime() / 1000));
    headers[`${prefix}-signature`] = new Webhook(secret).sign(messageId, now, body);
  }

  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
  } catch (error) {
    log.warn({ err: error, url }, "test event: could not reach the app's own webhook URL");
    return failure(
      `Could not reach ${url}: ${(error as Error).message}. Is APP_URL the address this server answers on?`,
    );
  }
  const answer = await response.text();
  const answerText = describeAnswer(answer);
  if (!secret) {
    return { ...failure(`HTTP ${response.status}: ${answerText}`), httpStatus: response.status, answer: answerText };
  }

  const delivery = await waitForProcessing(db, endpoint, messageId);
  const processed = delivery?.status === "processed";
  return {
    ok: response.ok && processed,
    message: `HTTP ${response.status}${answerText ? ` (${answerText})` : ""}; delivery ${delivery ? delivery.status : "not stored"}.`,
    httpStatus: response.status,
    answer: answerText,
    deliveryStatus: delivery?.status ?? null,
    deliveryError: delivery?.error ?? null,
    deliveryId: delivery?.id ?? null,
  };
}

async function waitForProcessing(db: Db, endpoint: PushEndpoint, externalId: string) {
  const deadline = Date.now() + SETTLE_WAIT_MS;
  for (;;) {
    const delivery = await db.delivery.findUnique({
      where: { provider_externalId: { provider: endpoint.provider, externalId } },
      select: { id: true, status: true, error: true },
    });
    if (!delivery || delivery.status !== "pending" || Date.now() > deadline) return delivery;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

function describeAnswer(text: string): string {
  try {
    const parsed = JSON.parse(text) as { status?: unknown; error?: unknown };
    if (typeof parsed.error === "string") return parsed.error;
    if (typeof parsed.status === "string") return parsed.status;
  } catch {
    // not JSON: show the start of it
  }
  return text.slice(0, 200);
}

function failure(message: string): TestEventResult {
  return {
    ok: false,
    message,
    httpStatus: null,
    answer: null,
    deliveryStatus: null,
    deliveryError: null,
    deliveryId: null,
  };
}
