// How the emulated SmartAI server checks a request (docs/contract.md §3). Written on its own, not
// shared with the app's client, so a signing mistake on either side shows up in the tests.
import { createHmac, timingSafeEqual } from "node:crypto";

export const MAX_CLOCK_SKEW_MS = 300_000;

export interface SignedRequest {
  method: string;
  /** The request target exactly as sent, e.g. /v1/webhook-events?limit=50 */
  pathAndQuery: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Null when the request is properly signed; otherwise the reason for a 401. */
export function authenticationProblem(
  request: SignedRequest,
  credentials: { apiKey: string; secretKey: string },
  nowMs: number,
): string | null {
  const apiKey = header(request, "x-api-key");
  const timestamp = header(request, "x-timestamp");
  const signature = header(request, "x-signature");
  if (!apiKey) return "missing x-api-key";
  if (!sameText(apiKey, credentials.apiKey)) return "unknown API key";
  if (!timestamp || !/^\d+$/.test(timestamp)) return "missing or malformed x-timestamp (unix time in ms)";
  if (Math.abs(nowMs - Number(timestamp)) > MAX_CLOCK_SKEW_MS)
    return "timestamp is more than 300 s from the server clock";
  if (!signature) return "missing x-signature";
  const expected = createHmac("sha256", credentials.secretKey)
    .update(`${timestamp}.${request.method.toUpperCase()}.${request.pathAndQuery}.${request.body}`, "utf8")
    .digest("hex");
  if (!sameText(signature, expected)) return "invalid signature";
  return null;
}

function header(request: SignedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
