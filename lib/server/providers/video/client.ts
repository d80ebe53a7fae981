import "server-only";
// Typed client for the video interview provider's REST API (docs/video-provider-api.md).
// Every call times out; network errors, 5xx, 409 and 429 are retried a few times — POSTs
// too, because each carries an Idempotency-Key, so a retry is replayed, never doubled.
import { setTimeout as delay } from "node:timers/promises";
import type { z } from "zod";
import { fromErrorAnswer, unavailable, VideoProviderError } from "./errors";
import {
  accountSchema,
  assessmentSchema,
  invitationSchema,
  pageSchema,
  type VideoAccount,
  type VideoAssessment,
  type VideoInvitation,
} from "./schemas";

export interface VideoClientOptions {
  apiUrl: string;
  apiKey: string;
  timeoutMs?: number;
  /** Extra tries after the first for a retryable failure. */
  retries?: number;
  retryDelayMs?: number;
  /** The longest Retry-After the client waits for within one call. */
  maxRetryAfterMs?: number;
}

export interface AssessmentInput {
  title: string;
  jobTitle: string | null;
  answerTimeSeconds: number;
  questions: { text: string }[];
}

export interface InvitationInput {
  candidates: { name: string; email: string }[];
  expiresInHours: number;
}

/** An invitation as parsed, and exactly as the provider sent it (kept in the inbox). */
export interface ReceivedInvitation {
  invitation: VideoInvitation;
  raw: unknown;
}

const MAX_PAGES = 200;

export class VideoClient {
  private readonly baseUrl: URL;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryAfterMs: number;

  constructor(private readonly options: VideoClientOptions) {
    this.baseUrl = new URL(options.apiUrl.endsWith("/") ? options.apiUrl : `${options.apiUrl}/`);
    // A recruiter waits on these calls: at worst two tries of 8 s each before a clear error.
    this.timeoutMs = options.timeoutMs ?? 8_000;
    this.retries = options.retries ?? 1;
    this.retryDelayMs = options.retryDelayMs ?? 400;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 5_000;
  }

  async getAccount(): Promise<VideoAccount> {
    return parse(accountSchema, await this.call("GET", "v1/account"), "GET /v1/account");
  }

  async setWebhookUrl(url: string): Promise<void> {
    await this.call("PUT", "v1/webhook-endpoint", { body: { url } });
  }

  async createAssessment(input: AssessmentInput, idempotencyKey: string): Promise<VideoAssessment> {
    const answer = await this.call("POST", "v1/assessments", { body: input, idempotencyKey });
    return parse(assessmentSchema, answer, "POST /v1/assessments");
  }

  async getAssessment(id: string): Promise<VideoAssessment> {
    return parse(
      assessmentSchema,
      await this.call("GET", `v1/assessments/${encodeURIComponent(id)}`),
      "GET /v1/assessments/{id}",
    );
  }

  async inviteCandidates(
    assessmentId: string,
    input: InvitationInput,
    idempotencyKey: string,
  ): Promise<ReceivedInvitation[]> {
    const path = `v1/assessments/${encodeURIComponent(assessmentId)}/invitations`;
    const answer = await this.call("POST", path, { body: input, idempotencyKey });
    return parseInvitations(answer, "POST /v1/assessments/{id}/invitations").items;
  }

  async getInvitation(id: string): Promise<ReceivedInvitation> {
    const raw = await this.call("GET", `v1/invitations/${encodeURIComponent(id)}`);
    return { invitation: parse(invitationSchema, raw, "GET /v1/invitations/{id}"), raw };
  }

  /** Every invitation of an assessment, following the cursor to the end. */
  async listAllInvitations(assessmentId: string): Promise<ReceivedInvitation[]> {
    const all: ReceivedInvitation[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const query = new URLSearchParams({ limit: "100", ...(cursor ? { cursor } : {}) });
      const answer = await this.call("GET", `v1/assessments/${encodeURIComponent(assessmentId)}/invitations?${query}`);
      const parsed = parseInvitations(answer, "GET /v1/assessments/{id}/invitations");
      all.push(...parsed.items);
      cursor = parsed.nextCursor;
      if (!cursor) return all;
    }
    return all;
  }

  private async call(
    method: string,
    path: string,
    options: { body?: unknown; idempotencyKey?: string } = {},
  ): Promise<unknown> {
    const url = new URL(path, this.baseUrl);
    const what = `${method} ${url.pathname}`;
    for (let attempt = 0; ; attempt += 1) {
      let failure: VideoProviderError;
      let waitMs = this.retryDelayMs * 2 ** attempt;
      try {
        const response = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${this.options.apiKey}`,
            accept: "application/json",
            ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
            ...(options.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : {}),
          },
          body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
          signal: AbortSignal.timeout(this.timeoutMs),
          cache: "no-store",
        });
        const text = await response.text();
        const body = parseJson(text);
        if (response.ok) {
          if (body === undefined)
            throw new VideoProviderError(
              "invalid_response",
              `The video interview provider answered ${what} with something that is not JSON.`,
            );
          return body;
        }
        failure = fromErrorAnswer(response.status, body, what);
        const retryAfter = Number(response.headers.get("retry-after"));
        if (Number.isFinite(retryAfter) && retryAfter > 0) waitMs = Math.min(retryAfter * 1000, this.maxRetryAfterMs);
      } catch (error) {
        if (error instanceof VideoProviderError) throw error;
        failure = describeNetworkError(error, url, this.timeoutMs);
      }
      // Without an idempotency key a repeated POST could act twice: never retry one.
      const safeToRepeat = method === "GET" || Boolean(options.idempotencyKey);
      if (!failure.retryable || !safeToRepeat || attempt >= this.retries) throw failure;
      await delay(waitMs);
    }
  }
}

function describeNetworkError(error: unknown, url: URL, timeoutMs: number): VideoProviderError {
  const name = (error as Error)?.name;
  if (name === "TimeoutError" || name === "AbortError")
    return unavailable(`no answer from ${url.host} within ${timeoutMs / 1000} s`);
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  return unavailable(`cannot reach ${url.host}${cause ? `: ${cause}` : ""}`);
}

function parseJson(text: string): unknown {
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new VideoProviderError(
    "invalid_response",
    `The video interview provider answered ${what} in an unexpected shape (${issue?.path.join(".") || "body"}: ${issue?.message}).`,
  );
}

const invitationPage = pageSchema(invitationSchema);

function parseInvitations(body: unknown, what: string): { items: ReceivedInvitation[]; nextCursor: string | null } {
  const page = parse(invitationPage, body, what);
  const raws = (body as { data: unknown[] }).data;
  return {
    items: page.data.map((invitation, index) => ({ invitation, raw: raws[index] })),
    nextCursor: page.nextCursor ?? null,
  };
}
