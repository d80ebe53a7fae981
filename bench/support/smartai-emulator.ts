// The SmartAI emulator in its own process, and a small signed client for its queue (docs/contract.md §3)
// that the baselines use the way the guide uses SmartAI's SDK: fetch a page, acknowledge ids.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { ChildProcess } from "node:child_process";
import { spawnGroup } from "./processes";

export interface SmartAiEmulatorProcess {
  url: string;
  apiKey: string;
  secretKey: string;
  child: ChildProcess;
}

/** No traffic of its own: the bench decides what is queued. `faults` is the random fault rate. */
export async function startSmartAiEmulator(options: { faults?: number } = {}): Promise<SmartAiEmulatorProcess> {
  const args = [
    "--import",
    "tsx",
    "emulators/smartai/server.ts",
    "--port",
    "0",
    "--preload",
    "0",
    "--interval-ms",
    "0",
  ];
  if (options.faults) args.push("--faults", String(options.faults));
  const child = spawnGroup(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the SmartAI emulator exited (${code}) before it was ready`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const value = (name: string) => new RegExp(`${name}=(\\S+)`).exec(output)?.[1];
      const [url, apiKey, secretKey] = [
        value("ASSESSMENT_API_URL"),
        value("ASSESSMENT_API_KEY"),
        value("ASSESSMENT_SECRET_KEY"),
      ];
      if (url && apiKey && secretKey) resolve({ url, apiKey, secretKey, child });
    });
  });
}

export async function queueEvents(emulator: SmartAiEmulatorProcess, count: number): Promise<number> {
  const response = await fetch(`${emulator.url}/_emulator/events`, { method: "POST", body: JSON.stringify({ count }) });
  return ((await response.json()) as { queued: number }).queued;
}

export async function emulatorStats(emulator: SmartAiEmulatorProcess): Promise<{ queued: number; requests: number }> {
  const response = await fetch(`${emulator.url}/_emulator/stats`);
  return (await response.json()) as { queued: number; requests: number };
}

export async function setRandomFaults(emulator: SmartAiEmulatorProcess, rate: number): Promise<void> {
  if (rate === 0) await fetch(`${emulator.url}/_emulator/faults`, { method: "DELETE" });
  else await fetch(`${emulator.url}/_emulator/faults`, { method: "POST", body: JSON.stringify({ randomRate: rate }) });
}

/** A queued event as SmartAI sends it (fields per the guide's schema; the bench reads only these). */
export interface SmartAiEvent {
  eventId: string;
  event: string;
  storedAt: string;
  assessmentId: string;
  assessmentName?: string;
  jobTitle?: string;
  candidateEmail?: string;
  candidateName?: string;
  candidates?: { id?: string; name?: string; email: string }[];
  score?: number | null;
  totalMarks?: number | null;
  passMarks?: number | null;
  passed?: boolean | null;
  status?: string;
  submittedAt?: string;
  durationMinutes?: number | null;
  aiFeedback?: string | null;
  reportUrl?: string;
  proctoring?: { score?: number; violationCount?: number } | null;
  recording?: { url?: string } | null;
}

export class QueueClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  private readonly base: URL;

  constructor(private readonly emulator: SmartAiEmulatorProcess) {
    this.base = new URL(emulator.url);
  }

  async getWebhookEvents(options: {
    limit: number;
    since?: number;
  }): Promise<{ events: SmartAiEvent[]; pendingCount: number }> {
    const path = `/v1/webhook-events?limit=${options.limit}${options.since === undefined ? "" : `&since=${options.since}`}`;
    return JSON.parse(await this.call("GET", path, "")) as { events: SmartAiEvent[]; pendingCount: number };
  }

  async acknowledgeWebhookEvents(eventIds: string[]): Promise<number> {
    const body = JSON.stringify({ eventIds });
    return (JSON.parse(await this.call("POST", "/v1/webhook-events/acknowledge", body)) as { acknowledged: number })
      .acknowledged;
  }

  close(): void {
    this.agent.destroy();
  }

  private call(method: string, pathAndQuery: string, body: string): Promise<string> {
    const timestamp = String(Date.now());
    const signature = createHmac("sha256", this.emulator.secretKey)
      .update(`${timestamp}.${method}.${pathAndQuery}.${body}`, "utf8")
      .digest("hex");
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path: pathAndQuery,
          method,
          agent: this.agent,
          headers: {
            "x-api-key": this.emulator.apiKey,
            "x-timestamp": timestamp,
            "x-signature": signature,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            if (response.statusCode === 200) resolve(text);
            else
              reject(
                new Error(`SmartAI emulator answered ${response.statusCode} to ${method} ${pathAndQuery}: ${text}`),
              );
          });
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  }
}

/** Every queued event, oldest first, read page by page with `since` and nothing acknowledged. */
export async function peekQueue(client: QueueClient): Promise<SmartAiEvent[]> {
  const events: SmartAiEvent[] = [];
  let since: number | undefined;
  for (;;) {
    const page = await client.getWebhookEvents({ limit: 100, since });
    events.push(...page.events);
    if (page.events.length === 0 || page.pendingCount === 0) return events;
    since = Date.parse(page.events.at(-1)!.storedAt);
  }
}

/** Queues exactly these events (in chunks under the emulator's 1 MiB body limit). */
export async function queueGivenEvents(emulator: SmartAiEmulatorProcess, events: SmartAiEvent[]): Promise<void> {
  for (let from = 0; from < events.length; from += 200) {
    const response = await fetch(`${emulator.url}/_emulator/events`, {
      method: "POST",
      body: JSON.stringify({ events: events.slice(from, from + 200) }),
    });
    if (!response.ok) throw new Error(`the SmartAI emulator refused queued events (${response.status})`);
  }
}
