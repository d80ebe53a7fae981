// The app's own HTTP server: one process, node:http in front of Next's request handler.
// It exists so that something we control sees every connection before Next does: it sets the
// client address from the socket (Next keeps a client-sent X-Forwarded-For), and it stops
// gracefully (no new requests, in-flight ones finished, then the boot-started services' stop
// hooks). Plain Node: scripts/start.ts loads it under tsx.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
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
  /** Stops taking requests, lets in-flight ones finish (bounded), then runs the shutdown hooks. */
  close(): Promise<ShutdownReport>;
}

const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
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
    withLogContext({ requestId }, () =>
      handle(request, response).catch((error: unknown) => {
        console.error(`request ${requestId} failed before Next could answer it:`, error);
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
    close: () => (closing ??= close()),
  };
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
