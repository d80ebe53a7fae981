import "server-only";
// The webhook routes as the app's own server answers them (lib/http/direct-routes.ts), without
// Next's request handling: a `--cpu-prof` profile of the built app under webhook load showed
// Next's routing, proxy run, Request/Response streams and promise bookkeeping costing several
// times what reading, verifying and storing a delivery does (ARCHITECTURE.md, "The server").
// The delivery goes through answerWebhookFor, the code Next's route runs; only the adapting of
// Node's request and response differs. Registered at boot (instrumentation.ts): until then, and
// for any other method or path shape, Next serves /api/webhooks/<provider> itself.
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Settings } from "../../../config/settings";
import { registerDirectRoutes, type DirectRoute } from "../../../http/direct-routes";
import { db, type Db } from "../../db";
import { env } from "../../env";
import { log } from "../../log";
import { securityHeaders } from "../../security/security-headers";
import type { AfterAnswer, IncomingWebhook, WebhookAnswer } from "./handle-webhook";
import { answerWebhookFor } from "./receive-webhook";
import type { WebhookHeaders } from "./verify-webhook";

/** /api/webhooks/<one segment>, exactly; a trailing slash, an empty or doubled segment go to Next as before. */
const WEBHOOK_PATH = /^\/api\/webhooks\/([^/]+)$/;

export function serveWebhooksDirectly(): void {
  registerDirectRoutes({
    routes: [webhookRoute(env, db)],
    // What proxy.ts sets on every answer Next sends for the path.
    perRequestHeaders: (pathname) => securityHeaders(env(), freshNonce(), pathname),
  });
}

// A nonce is 16 random bytes, as proxy.ts's; drawn from a pool filled 256 at a time, since one
// randomBytes call per request was a measurable share of a webhook answer.
let noncePool = Buffer.alloc(0);
let nonceOffset = 0;

function freshNonce(): string {
  if (nonceOffset + 16 > noncePool.length) {
    noncePool = randomBytes(16 * 256);
    nonceOffset = 0;
  }
  nonceOffset += 16;
  return noncePool.toString("base64", nonceOffset - 16, nonceOffset);
}

/** POST /api/webhooks/<provider> on Node's request and response. `schedule`: tests await the work after the answer. */
export function webhookRoute(settings: () => Settings, database: () => Db, schedule?: AfterAnswer): DirectRoute {
  return {
    label: "POST /api/webhooks/<provider>",
    method: "POST",
    match: matchWebhookPath,
    async handle(request, response, [provider]) {
      const incoming = webhookFromNode(request);
      const answer = await answerWebhookFor(
        incoming,
        provider!,
        settings(),
        database(),
        schedule ?? afterClose(response),
      );
      sendAnswer(response, answer);
    },
  };
}

export function matchWebhookPath(pathname: string): string[] | null {
  const segment = WEBHOOK_PATH.exec(pathname)?.[1];
  if (segment === undefined) return null;
  try {
    return [decodeURIComponent(segment)];
  } catch {
    return null; // not valid percent-encoding: Next answers it
  }
}

export function webhookFromNode(request: IncomingMessage): IncomingWebhook {
  return {
    // Only the query is read; the origin is a placeholder, as Node's request carries just the path.
    url: new URL(request.url ?? "/", "http://direct.invalid"),
    headers: nodeHeaders(request.headers),
    readBody: (maxBytes) => readNodeBody(request, maxBytes),
  };
}

/** Node's header names are lowercase already; repeated ones are joined as Fetch's Headers joins them. */
function nodeHeaders(headers: IncomingHttpHeaders): WebhookHeaders {
  return {
    get: (name) => {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    has: (name) => headers[name.toLowerCase()] !== undefined,
  };
}

/** The body as received, or null once it passes `maxBytes`: a declared length over it is refused unread. */
export function readNodeBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  if (Number(request.headers["content-length"] ?? "0") > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        done();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onAborted = () => onError(new Error("the sender closed the connection before the body ended"));
    const done = () => {
      request.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onAborted);
    };
    request.on("data", onData).on("end", onEnd).on("error", onError).on("aborted", onAborted);
  });
}

export function sendAnswer(response: ServerResponse, answer: WebhookAnswer): void {
  const text = JSON.stringify(answer.body);
  response.setHeader("Content-Type", "application/json");
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Content-Length", Buffer.byteLength(text));
  // A body refused for its size is left unread: the connection ends with the answer, rather
  // than Node reading the rest of it to keep the connection.
  if (answer.status === 413) response.setHeader("Connection", "close");
  response.writeHead(answer.status).end(text);
}

/** Like Next's `after`: the work starts once the answer has gone (or the sender has gone). */
function afterClose(response: ServerResponse): AfterAnswer {
  return (task) => {
    response.once("close", () => {
      task().catch((error: unknown) => log.error({ err: error }, "work after a webhook answer failed"));
    });
  };
}
