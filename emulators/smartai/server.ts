// The emulated SmartAI API (docs/contract.md §3) on plain node:http: signed requests only, the queue
// served oldest first, realistic traffic over time, and faults on demand.
//   npx tsx emulators/smartai/server.ts [--port 4010] [--preload 200] [--interval-ms 5000] [--faults 0.05]
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { authenticationProblem } from "./auth";
import { handleControl } from "./control";
import { FaultPlan, type Fault } from "./faults";
import { readBody, routeOf, send } from "./http";
import { EventQueue, type QueuedEventBody } from "./queue";
import { TrafficGenerator } from "./traffic";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

export interface SmartAiEmulatorOptions {
  host?: string;
  port?: number;
  apiKey?: string;
  secretKey?: string;
  /** The server clock the x-timestamp check uses. */
  now?: () => number;
  seed?: number;
  /** Serve /_emulator/* (preload, faults, stats) for tests and the benchmark in other processes. */
  control?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number | "dropped";
  at: number;
}

export class SmartAiEmulator {
  readonly apiKey: string;
  readonly secretKey: string;
  readonly queue = new EventQueue();
  readonly faults = new FaultPlan();
  readonly traffic: TrafficGenerator;
  /** The most recent requests, oldest first (kept to the last 5,000). */
  readonly requests: RecordedRequest[] = [];
  url = "";
  private readonly now: () => number;
  private readonly server: Server;
  private trafficTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SmartAiEmulatorOptions = {}) {
    this.apiKey = options.apiKey ?? `wc_ak_test_${randomBytes(12).toString("hex")}`;
    this.secretKey = options.secretKey ?? `wc_sk_test_${randomBytes(24).toString("hex")}`;
    this.now = options.now ?? Date.now;
    this.traffic = new TrafficGenerator({ seed: options.seed });
    // Idle connections stay open a minute, like a production API behind a load balancer.
    this.server = createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, { error: `emulator failure: ${(error as Error).message}` });
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? "127.0.0.1", resolve);
    });
    const { address, port } = this.server.address() as AddressInfo;
    this.url = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.stopTraffic();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues `count` generated events, stored a second apart and ending now. */
  preload(count: number): void {
    this.queue.enqueue(...this.traffic.batch(count, new Date(this.now())));
  }

  enqueue(...events: QueuedEventBody[]): void {
    this.queue.enqueue(...events);
  }

  /** New events over time: one to three every `intervalMs`. */
  startTraffic(intervalMs: number): void {
    this.stopTraffic();
    this.trafficTimer = setInterval(() => {
      const count = 1 + Math.floor(Math.random() * 3);
      for (let index = 0; index < count; index += 1) this.queue.enqueue(this.traffic.next(new Date(this.now())));
    }, intervalMs);
    this.trafficTimer.unref();
  }

  stopTraffic(): void {
    if (this.trafficTimer) clearInterval(this.trafficTimer);
    this.trafficTimer = undefined;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.url ?? "/";
    const url = new URL(target, "http://emulator");
    const body = await readBody(request);
    if (body === null) return send(response, 413, { error: "body larger than 1 MiB" });

    if (url.pathname.startsWith("/_emulator/") && this.options.control !== false) {
      const answer = handleControl(this, request.method ?? "GET", url, body);
      return send(response, answer.status, answer.body);
    }
    const route = routeOf(request.method, url.pathname);
    if (!route) return this.answer(request, response, 404, { error: `no route for ${request.method} ${url.pathname}` });

    const fault = this.faults.take(route);
    if (fault && (await this.applyFault(fault, request, response))) return;

    const problem = authenticationProblem(
      { method: request.method ?? "GET", pathAndQuery: target, body, headers: request.headers },
      this,
      this.now(),
    );
    if (problem) return this.answer(request, response, 401, { error: problem });

    if (route === "events") {
      const limitText = url.searchParams.get("limit");
      const sinceText = url.searchParams.get("since");
      const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1)
        return this.answer(request, response, 400, { error: "limit must be a positive integer" });
      if (sinceText !== null && !/^\d+$/.test(sinceText))
        return this.answer(request, response, 400, { error: "since must be unix time in ms" });
      const page = this.queue.fetch(Math.min(limit, MAX_LIMIT), sinceText === null ? undefined : Number(sinceText));
      return this.answer(request, response, 200, page);
    }
    let eventIds: unknown;
    try {
      eventIds = (JSON.parse(body) as { eventIds?: unknown }).eventIds;
    } catch {
      return this.answer(request, response, 400, { error: "body is not JSON" });
    }
    if (!Array.isArray(eventIds) || !eventIds.every((id) => typeof id === "string")) {
      return this.answer(request, response, 400, { error: "eventIds must be an array of strings" });
    }
    return this.answer(request, response, 200, { acknowledged: this.queue.acknowledge(eventIds) });
  }

  /** True when the fault answered (or dropped) the request; a slow answer then carries on. */
  private async applyFault(fault: Fault, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    switch (fault.kind) {
      case "server-error":
        this.answer(request, response, fault.status ?? 503, { error: "temporarily unavailable" });
        return true;
      case "rate-limit":
        this.answer(
          request,
          response,
          429,
          { error: "too many requests" },
          { "retry-after": String(fault.retryAfterSeconds) },
        );
        return true;
      case "drop":
        this.record(request, "dropped");
        request.socket.destroy();
        return true;
      case "slow":
        await delay(fault.delayMs);
        return response.destroyed;
    }
  }

  private answer(
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    this.record(request, status);
    send(response, status, body, headers);
  }

  private record(request: IncomingMessage, status: RecordedRequest["status"]) {
    this.requests.push({ method: request.method ?? "GET", path: request.url ?? "/", status, at: Date.now() });
    if (this.requests.length > 5_000) this.requests.splice(0, this.requests.length - 5_000);
  }
}

export async function startSmartAiEmulator(options: SmartAiEmulatorOptions = {}): Promise<SmartAiEmulator> {
  const emulator = new SmartAiEmulator(options);
  await emulator.listen();
  return emulator;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const emulator = await startSmartAiEmulator({
    port: Number(argument("port") ?? 4010),
    host: argument("host") ?? "127.0.0.1",
    apiKey: process.env.SMARTAI_EMULATOR_API_KEY,
    secretKey: process.env.SMARTAI_EMULATOR_SECRET_KEY,
  });
  emulator.preload(Number(argument("preload") ?? 30));
  const intervalMs = Number(argument("interval-ms") ?? 5_000);
  if (intervalMs > 0) emulator.startTraffic(intervalMs);
  emulator.faults.randomRate = Number(argument("faults") ?? 0);
  console.log(
    [
      `SmartAI emulator listening on ${emulator.url} (${emulator.queue.size} events queued)`,
      `  ASSESSMENT_API_URL=${emulator.url}`,
      `  ASSESSMENT_API_KEY=${emulator.apiKey}`,
      `  ASSESSMENT_SECRET_KEY=${emulator.secretKey}`,
    ].join("\n"),
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => void emulator.close().then(() => process.exit(0)));
}

// Run directly (not imported by tests, the demo or the bench)? No import.meta here: Playwright loads this file as CommonJS.
if (/emulators[\\/]smartai[\\/]server\.ts$/.test(process.argv[1] ?? "")) {
  main().catch((error: unknown) => {
    console.error(`SmartAI emulator: ${(error as Error).message}`);
    process.exit(1);
  });
}
