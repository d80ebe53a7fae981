// Plain node:http plumbing for the emulator: routing, bodies, JSON answers.
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY_BYTES = 1024 * 1024;

export function routeOf(method: string | undefined, path: string): "events" | "acknowledge" | null {
  if (method === "GET" && path === "/v1/webhook-events") return "events";
  if (method === "POST" && path === "/v1/webhook-events/acknowledge") return "acknowledge";
  return null;
}

export async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (response.destroyed) return;
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}
