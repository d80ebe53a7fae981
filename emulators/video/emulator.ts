// The AI video interview provider, emulated for the demo and the tests: its REST API
// (docs/video-provider-api.md), candidates progressing over time, signed webhooks to the
// app, and faults on demand. Plain node:http; start it with startVideoEmulator() or
// `npx tsx emulators/video/server.ts`.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleApi, type ApiContext } from "./api";
import { handleControl, handlePublicPage } from "./pages";
import { apiError, BodyTooLargeError, readBody, sendAnswer, type Answer } from "./http";
import { IdempotencyKeys } from "./idempotency";
import { Interviews } from "./interviews";
import { createRandom } from "../shared/random";
import { WebhookSender, type WebhookChaos } from "./webhooks";

export interface VideoEmulatorOptions {
  apiKey: string;
  /** whsec_… — the secret the app verifies with (VIDEO_WEBHOOK_SECRET). */
  webhookSecret: string;
  webhookUrl?: string | null;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  autoProgress?: boolean;
  stepMs?: number;
  noShowRate?: number;
  dropOutRate?: number;
  chaos?: Partial<WebhookChaos>;
  retryDelaysMs?: number[];
  log?: (line: string) => void;
}

/** Switch these on a running emulator (or POST /_emulator/faults) to see the app cope. */
export interface Faults {
  /** Every API call answers 503. */
  down: boolean;
  /** The next N API calls answer 503 without doing anything. */
  failNext: number;
  /** The next N API calls do their work, then answer only after slowMs (a client timeout). */
  slowNext: number;
  slowMs: number;
}

export interface VideoEmulator {
  url: string;
  faults: Faults;
  interviews: Interviews;
  webhooks: WebhookSender;
  /** How many API calls reached the emulator (faults included). */
  apiCalls(): number;
  stop(): Promise<void>;
}

export async function startVideoEmulator(options: VideoEmulatorOptions): Promise<VideoEmulator> {
  const random = createRandom(options.seed);
  const log = options.log ?? (() => undefined);
  const stepMs = options.stepMs ?? 15_000;
  const faults: Faults = { down: false, failNext: 0, slowNext: 0, slowMs: 0 };
  const webhooks = new WebhookSender({
    secret: options.webhookSecret,
    random,
    chaos: { duplicateRate: options.chaos?.duplicateRate ?? 0, lateRate: options.chaos?.lateRate ?? 0 },
    lateMs: stepMs,
    retryDelaysMs: options.retryDelaysMs ?? [5_000, 30_000, 120_000, 600_000, 1_800_000],
    log,
  });
  webhooks.url = options.webhookUrl ?? null;
  let publicUrl = "";
  const interviews = new Interviews({
    get publicUrl() {
      return publicUrl;
    },
    random,
    autoProgress: options.autoProgress ?? true,
    stepMs,
    noShowRate: options.noShowRate ?? 0,
    dropOutRate: options.dropOutRate ?? 0,
    onEvent: (type, invitation) => webhooks.emit(type, invitation),
  });
  const context: ApiContext = {
    interviews,
    account: { id: "acct_emulated", name: "Emulated video interviews" },
    webhookUrl: () => webhooks.url,
    setWebhookUrl: (url) => {
      webhooks.url = url;
    },
  };
  const idempotency = new IdempotencyKeys();
  let calls = 0;

  async function api(request: IncomingMessage, url: URL): Promise<{ answer: Answer; delayMs: number }> {
    calls += 1;
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
    if (match?.[1] !== options.apiKey) {
      return {
        answer: apiError(401, "unauthorized", "missing or unknown API key (Authorization: Bearer <key>)"),
        delayMs: 0,
      };
    }
    if (faults.down || faults.failNext > 0) {
      faults.failNext = Math.max(0, faults.failNext - 1);
      return {
        answer: {
          ...apiError(503, "unavailable", "the service is temporarily unavailable; retry later"),
          headers: { "retry-after": "1" },
        },
        delayMs: 0,
      };
    }
    const slow = faults.slowNext > 0;
    if (slow) faults.slowNext -= 1;
    const delayMs = slow ? faults.slowMs : 0;

    let text: string;
    try {
      text = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return { answer: apiError(413, "body_too_large", "the body is over 1 MiB"), delayMs };
      throw error;
    }
    let body: unknown = undefined;
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        return { answer: apiError(400, "invalid_json", "the body is not JSON"), delayMs };
      }
    }
    const method = request.method ?? "GET";
    const key = request.headers["idempotency-key"];
    if (method === "POST" && typeof key === "string") {
      const fingerprint = `${method} ${url.pathname}\n${text}`;
      const answer = await idempotency.run(options.apiKey, key, fingerprint, async () =>
        handleApi(context, method, url, body),
      );
      return { answer, delayMs };
    }
    return { answer: handleApi(context, method, url, body), delayMs };
  }

  async function route(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://emulator.local");
    if (url.pathname.startsWith("/v1/")) {
      const { answer, delayMs } = await api(request, url);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (!response.destroyed) sendAnswer(response, answer);
      return;
    }
    if (url.pathname.startsWith("/_emulator/"))
      return handleControl(request, response, url, { interviews, webhooks, faults });
    handlePublicPage(response, url, interviews);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`emulator error: ${(error as Error).stack ?? String(error)}`);
      if (!response.headersSent) sendAnswer(response, apiError(500, "internal", "emulator error"));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  publicUrl = `http://${options.host ?? "127.0.0.1"}:${port}`;

  return {
    url: publicUrl,
    faults,
    interviews,
    webhooks,
    apiCalls: () => calls,
    async stop() {
      interviews.stop();
      webhooks.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
