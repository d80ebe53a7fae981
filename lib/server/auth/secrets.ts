import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random token for links and API access: 32 bytes (256 bits), URL-safe. */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Tokens are stored only as this hash, so a database leak does not leak working links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** "wc_ak_test_1234abcd" → "wc_a…abcd": enough to recognise a key, not to use it. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return "••••";
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}
