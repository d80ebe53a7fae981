import "server-only";
// GET /api/metrics answers only to `Authorization: Bearer <METRICS_TOKEN>`. Both sides are
// hashed before the constant-time comparison, so neither the token's length nor its content
// shows in how long a refusal takes.
import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "allowed" | "refused" | "disabled";

export function metricsAccess(authorization: string | null, metricsToken: string | undefined): MetricsAccess {
  if (!metricsToken) return "disabled";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const offered = match?.[1] ?? "";
  return timingSafeEqual(digest(offered), digest(metricsToken)) && match ? "allowed" : "refused";
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
