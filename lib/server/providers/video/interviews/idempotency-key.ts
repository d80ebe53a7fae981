import "server-only";
import { createHash } from "node:crypto";

/**
 * The provider's Idempotency-Key for a request: the same request (same parts) always gets the
 * same key, so a retry after a timeout or a 5xx is replayed by the provider, not done twice.
 */
export function idempotencyKeyFor(operation: string, ...parts: unknown[]): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([operation, ...parts]))
    .digest("base64url");
  return `${operation}-${digest}`;
}
