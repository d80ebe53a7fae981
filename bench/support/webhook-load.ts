// Load for the webhook bench: many concurrent senders over keep-alive connections, each
// request signed as the provider would sign it, with per-request latency recorded.
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

export interface LoadResult {
  sent: number;
  byStatus: Record<number, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export async function runLoad(baseUrl: string, requests: LoadRequest[], concurrency: number): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const byStatus: Record<number, number> = {};
  let next = 0;
  const started = performance.now();

  async function sender() {
    for (;;) {
      const request = requests[next];
      next += 1;
      if (!request) return;
      const begin = performance.now();
      const status = await post(agent, url, request);
      latencies.push(performance.now() - begin);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, sender));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? 0;
  return {
    sent: latencies.length,
    byStatus,
    seconds,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
  };
}

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
      { host: base.hostname, port: base.port, path: request.path, method: "POST", agent, headers },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}
