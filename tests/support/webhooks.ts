// Signed webhook requests for tests, and a scheduler that lets a test await the processing a
// route would run after its answer.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.from("assessment-hub-test-webhook-secret").toString("base64")}`;

export interface SignOptions {
  secret?: string;
  id?: string;
  /** When it was signed; now by default. */
  at?: Date;
  /** Standard Webhooks names (webhook-*) or Svix's (svix-*). */
  names?: "webhook" | "svix";
  headers?: Record<string, string>;
}

export function signedRequest(url: string, body: string, options: SignOptions = {}): Request {
  const id = options.id ?? `msg_${randomBytes(8).toString("hex")}`;
  const at = options.at ?? new Date();
  const signature = new Webhook(options.secret ?? TEST_WEBHOOK_SECRET).sign(id, at, body);
  const prefix = options.names ?? "webhook";
  return new Request(url, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      [`${prefix}-id`]: id,
      [`${prefix}-timestamp`]: String(Math.floor(at.getTime() / 1000)),
      [`${prefix}-signature`]: signature,
      ...options.headers,
    },
  });
}

/** Runs what a route schedules with after(), and lets the test wait for it. */
export function awaitableScheduler() {
  const running: Promise<unknown>[] = [];
  return {
    schedule: (task: () => Promise<unknown>) => {
      running.push(task());
    },
    async settled() {
      await Promise.all(running.splice(0));
    },
  };
}
