// The app's own HTTP server: one process, node:http in front of Next's request handler.
// It exists so that something we control sees every connection before Next does: it sets the
// client address from the socket (Next keeps a client-sent X-Forwarded-For), and it stops
// gracefully (no new requests, in-flight ones finished, then the boot-started services' stop
// hooks). It answers the webhook routes itself (direct-routes.ts), with the same handler code
// Next's route runs: Next's request handling cost several times what the delivery itself does
// (ARCHITECTURE.md, "The server"). Whatever it does per request (the request id, the client
// address, the metrics, the security headers) it does before choosing between the two, so every
// path keeps it. Plain Node: scripts/start.ts loads it under tsx.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { directRouteFor, directRoutesRegistered, type DirectMatch } from "./direct-routes";
import FIXED_SECURITY_HEADERS from "./fixed-security-headers.json";
import { observeHttpRequest } from "../observability/http-metrics";
import { withLogContext } from "../observability/log-context";
import { REQUEST_ID_HEADER, requestIdFor } from "../observability/request-id";
import { routeMatcherFor } from "../observability/route-patterns";
import { setTrustedClientAddress } from "./client-address";
import { runShutdownHooks, type ShutdownReport } from "./shutdown-hooks";

export interface AppServerOptions {
  dev: boolean;
  /** The Next project folder (the repository root). */
  dir: string;
  port: number;
  /** Omit to listen on every interface, as `next start` does. */
  hostname?: string;
  trustedProxyHops: number;
  /** How long in-flight requests may take to finish on shutdown, then how long the stop hooks may take. */
  drainTimeoutMs?: number;
}

export interface AppServer {
  port: number;
  /** The routes this server answers itself, once the bundle has registered them at boot; Next answers the rest. */
  directRoutes: Promise<string[]>;
  /** Stops taking requests, lets in-flight ones finish (bounded), then runs the shutdown hooks. */
  close(): Promise<ShutdownReport>;
}

const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
  // tsx turns source-map support on for the whole process, so every module Next loads had its
  // map read and parsed as it loaded: ~1.2 s of the ~6 s of CPU to the first answer after a
  // (re)start, and memory for the maps. `next start` runs without it, and so does production
  // here: stack traces name the built chunks' lines, as they did under `next start`.
  if (!options.dev) process.setSourceMapsEnabled(false);
  const { default: next } = await import("next");
  const server = createServer();
  const app = next({ dev: options.dev, dir: options.dir, port: options.port, httpServer: server });
  const handle = app.getRequestHandler();
  const routes = routeMatcherFor(options.dir);

  let draining = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const serve = (request: IncomingMessage, response: ServerResponse) => {
    inFlight += 1;
    const started = process.hrtime.bigint();
    // One id per request, on the response and on every log line written while it is handled.
    const requestId = requestIdFor(request.headers[REQUEST_ID_HEADER], options.trustedProxyHops > 0);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader("X-Request-Id", requestId);
    response.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      observeHttpRequest(
        { route: routes.routeOf(request.url ?? "/"), method: request.method ?? "GET", status: response.statusCode },
        seconds,
      );
      inFlight -= 1;
      if (draining) server.closeIdleConnections();
      if (draining && inFlight === 0) drained?.();
    });
    // A keep-alive client must not send another request on this connection once we are stopping.
    if (draining) response.setHeader("Connection", "close");
    setTrustedClientAddress(request, options.trustedProxyHops);
    const direct = directRouteFor(request.method, pathOf(request.url));
    withLogContext({ requestId }, () =>
      (direct ? serveDirect(direct, request, response) : handle(request, response)).catch((error: unknown) => {
        console.error(`request ${requestId} failed before it was answered:`, error);
        if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
        response.end("Internal Server Error");
      }),
    );
  };
  server.on("request", serve);

  // Boot (instrumentation.ts) runs during prepare, so the poller starts before the port opens.
  await app.prepare();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });

  let closing: Promise<ShutdownReport> | null = null;
  const close = async (): Promise<ShutdownReport> => {
    draining = true;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const allAnswered = new Promise<void>((resolve) => {
      drained = resolve;
      if (inFlight === 0) resolve();
    });
    const timedOut = await raceTimeout(allAnswered, drainTimeoutMs);
    if (timedOut)
      console.error(`shutdown: ${inFlight} request(s) still running after ${drainTimeoutMs} ms; closing them`);
    server.closeAllConnections();
    await stopped;
    const report = await runShutdownHooks(drainTimeoutMs);
    await app.close().catch((error: unknown) => console.error("shutdown: closing Next failed:", error));
    return report;
  };

  return {
    port: (server.address() as AddressInfo).port,
    directRoutes: directRoutesRegistered(),
    close: () => (closing ??= close()),
  };
}

/** The path as received, without the query: direct routes match it exactly, anything unusual goes to Next. */
function pathOf(url: string | undefined): string {
  const path = url ?? "/";
  const query = path.indexOf("?");
  return query === -1 ? path : path.slice(0, query);
}

/**
 * A route this server answers itself gets what Next would put on its answer: the fixed headers
 * of next.config.js (the same file) and proxy.ts's per-request ones.
 */
function serveDirect(direct: DirectMatch, request: IncomingMessage, response: ServerResponse): Promise<void> {
  for (const { key, value } of FIXED_SECURITY_HEADERS) response.setHeader(key, value);
  for (const [name, value] of Object.entries(direct.perRequestHeaders(pathOf(request.url))))
    response.setHeader(name, value);
  return direct.route.handle(request, response, direct.params);
}

/** True when `ms` passed before `promise` settled. */
async function raceTimeout(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), ms);
  });
  try {
    return await Promise.race([promise.then(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
