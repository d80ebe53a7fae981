import "server-only";
// SmartAI's request signature (docs/contract.md §3): HMAC-SHA256 over timestamp, method, path and
// query, and the exact body, joined by dots; lower-case hex.
import { createHmac } from "node:crypto";

export interface SignedHeaders {
  "x-api-key": string;
  "x-timestamp": string;
  "x-signature": string;
}

export function smartAiSignature(
  secretKey: string,
  request: { timestamp: string; method: string; pathAndQuery: string; body: string },
): string {
  const payload = `${request.timestamp}.${request.method.toUpperCase()}.${request.pathAndQuery}.${request.body}`;
  return createHmac("sha256", secretKey).update(payload, "utf8").digest("hex");
}

export function signedHeaders(
  credentials: { apiKey: string; secretKey: string },
  request: { method: string; pathAndQuery: string; body: string; nowMs: number },
): SignedHeaders {
  const timestamp = String(Math.floor(request.nowMs));
  return {
    "x-api-key": credentials.apiKey,
    "x-timestamp": timestamp,
    "x-signature": smartAiSignature(credentials.secretKey, { ...request, timestamp }),
  };
}
