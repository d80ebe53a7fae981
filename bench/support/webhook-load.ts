// Load for the webhook benches: many concurrent senders over keep-alive connections, each
// request signed as the provider would sign it at the moment it is sent, with per-request
// latency and outcome recorded (a status code, or "error" when no answer came).
import http from "node:http";
import { Webhook } from "standardwebhooks";

export interface LoadRequest {
  path: string;
  body: string;
  secret: string;
  /** Header names the provider signs under. */
  names: "webhook" | "svix";
  messageId: string;
  eventHeader?: string;
}

export type Outcome = number | "error" | "unsent";

export interface LoadResult {
  sent: number;
  byStatus: Record<string, number>;
  /** Per request, in the order given. */
  outcomes: Outcome[];
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LoadOptions {
  concurrency: number;
  /** Called after each answer with how many have been answered so far. */
  onAnswered?: (answered: number) => void;
  /** Checked before each send: true stops the senders (the rest stay "unsent"). */
  stop?: () => boolean;
}

export async function runLoad(baseUrl: string, requests: LoadRequest[], options: LoadOptions): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const outcomes: Outcome[] = requests.map(() => "unsent");
  let next = 0;
  let answered = 0;
  const started = performance.now();

  async function sender() {
    for (;;) {
      if (options.stop?.()) return;
      const index = next;
      next += 1;
      const request = requests[index];
      if (!request) return;
      const begin = performance.now();
      outcomes[index] = await post(agent, url, request).catch((): Outcome => "error");
      if (outcomes[index] === "error") continue;
      latencies.push(performance.now() - begin);
      answered += 1;
      options.onAnswered?.(answered);
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? 0;
  const byStatus: Record<string, number> = {};
  for (const outcome of outcomes) byStatus[outcome] = (byStatus[outcome] ?? 0) + 1;
  return {
    sent: latencies.length,
    byStatus,
    outcomes,
    seconds,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
  };
}

export const accepted = (outcome: Outcome) => typeof outcome === "number" && outcome >= 200 && outcome < 300;

function post(agent: http.Agent, base: URL, request: LoadRequest): Promise<number> {
  const now = new Date();
  const headers: Record<string, string | number> = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(request.body),
    [`${request.names}-id`]: request.messageId,
    [`${request.names}-timestamp`]: Math.floor(now.getTime() / 1000),
    [`${request.names}-signature`]: new Webhook(request.secret).sign(request.messageId, now, request.body),
  };
  if (request.eventHeader) headers["x-event-type"] = request.eventHeader;
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: base.hostname, port: base.port, path: request.path, method: "POST", agent, headers, timeout: 30_000 },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error("no answer within 30 s")));
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}
