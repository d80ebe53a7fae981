import "server-only";
// The app's own SmartAI client (the SDK is not on the registry): the same two methods as the
// SDK, speaking docs/contract.md §3. Each call signs afresh, times out, waits as a 429 asks, and backs
// off on 5xx and dropped connections before giving up with a typed error.
import { setTimeout as delay } from "node:timers/promises";
import { z } from "zod";
import {
  SmartAiAuthError,
  SmartAiError,
  SmartAiNetworkError,
  SmartAiProtocolError,
  SmartAiRateLimitedError,
  SmartAiServerError,
} from "./errors";
import { describeQueuedEvent, type QueuedEvent } from "./queued-event";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, parseRetryAfterMs, type RetryPolicy } from "./retry-policy";
import { signedHeaders } from "./signing";
import { exchange, type HttpAnswer } from "./transport";

export const SMARTAI_MAX_LIMIT = 100;
export const SMARTAI_DEFAULT_LIMIT = 50;

export interface SmartAiClientOptions {
  apiUrl: string;
  apiKey: string;
  secretKey: string;
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injectable for tests: the signing clock, the waits between tries, and the jitter. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface WebhookEventsPage {
  events: QueuedEvent[];
  /** How many stay queued after this batch. */
  pendingCount: number;
}

const eventsResponseSchema = z.object({
  events: z.array(z.unknown()),
  pendingCount: z.number().int().nonnegative(),
});
const acknowledgeResponseSchema = z.object({ acknowledged: z.number().int().nonnegative() });

export class SmartAiClient {
  private readonly baseUrl: URL;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: SmartAiClientOptions) {
    // A trailing slash keeps a base path (https://host/api) when the v1 path is appended.
    this.baseUrl = new URL(options.apiUrl.endsWith("/") ? options.apiUrl : `${options.apiUrl}/`);
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.requestTimeoutMs ?? 15_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
    this.random = options.random ?? Math.random;
  }

  /** Oldest queued events first. `limit` is capped at 100; `since` (ms) keeps only events stored after it. */
  async getWebhookEvents(
    options: { limit?: number; since?: number | Date; signal?: AbortSignal } = {},
  ): Promise<WebhookEventsPage> {
    const limit = Math.min(SMARTAI_MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? SMARTAI_DEFAULT_LIMIT)));
    const query = new URLSearchParams({ limit: String(limit) });
    if (options.since !== undefined) query.set("since", String(new Date(options.since).getTime()));
    const answer = await this.call("GET", `v1/webhook-events?${query}`, "", options.signal);
    const page = parse(eventsResponseSchema, answer, "GET /v1/webhook-events");
    return { events: page.events.map(describeQueuedEvent), pendingCount: page.pendingCount };
  }

  /** Removes the events from the queue; answers how many were removed (unknown ids do not count). */
  async acknowledgeWebhookEvents(eventIds: string[], options: { signal?: AbortSignal } = {}): Promise<number> {
    if (eventIds.length === 0) return 0;
    const body = JSON.stringify({ eventIds });
    const answer = await this.call("POST", "v1/webhook-events/acknowledge", body, options.signal);
    return parse(acknowledgeResponseSchema, answer, "POST /v1/webhook-events/acknowledge").acknowledged;
  }

  private async call(method: "GET" | "POST", path: string, body: string, signal?: AbortSignal): Promise<unknown> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.send(method, path, body, signal);
      } catch (error) {
        if (!(error instanceof SmartAiError) || !error.retryable || attempt >= this.policy.maxAttempts) throw error;
        if (signal?.aborted) throw error;
        const waitMs =
          error instanceof SmartAiRateLimitedError
            ? error.retryAfterMs
            : backoffDelayMs(this.policy, attempt, this.random);
        if (waitMs > this.policy.maxRetryAfterMs) throw error;
        await this.sleep(waitMs, signal);
      }
    }
  }

  private async send(method: "GET" | "POST", path: string, body: string, signal?: AbortSignal): Promise<unknown> {
    const url = new URL(path, this.baseUrl);
    const headers = {
      ...signedHeaders(this.options, { method, pathAndQuery: url.pathname + url.search, body, nowMs: this.now() }),
      accept: "application/json",
      ...(method === "POST" ? { "content-type": "application/json" } : {}),
    };
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: HttpAnswer;
    try {
      response = await exchange(url, {
        method,
        headers,
        body: method === "POST" ? body : undefined,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new SmartAiNetworkError(url.origin + url.pathname, timeout.aborted, error);
    }
    const { text } = response;
    if (response.status === 401) throw new SmartAiAuthError(errorText(text) || "unauthorised");
    if (response.status === 429) {
      const retryAfter = response.headers["retry-after"];
      throw new SmartAiRateLimitedError(
        parseRetryAfterMs(typeof retryAfter === "string" ? retryAfter : null, this.now()),
      );
    }
    if (response.status >= 500) throw new SmartAiServerError(response.status, errorText(text));
    if (response.status !== 200) {
      throw new SmartAiProtocolError(
        `SmartAI answered ${response.status} to ${method} ${url.pathname}${errorText(text) ? `: ${errorText(text)}` : ""}. Check ASSESSMENT_API_URL`,
      );
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new SmartAiProtocolError(`SmartAI answered ${method} ${url.pathname} with a body that is not JSON`);
    }
  }
}

function parse<T>(schema: z.ZodType<T>, answer: unknown, call: string): T {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  throw new SmartAiProtocolError(
    `SmartAI's answer to ${call} is not as documented: ${parsed.error.issues[0]?.message}`,
  );
}

/** The server's {"error": "…"} text, kept short: it ends up in logs and on the settings page. */
function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    if (typeof parsed.error === "string") return parsed.error.slice(0, 200);
  } catch {
    // not JSON: fall through
  }
  return body.trim().slice(0, 200);
}
