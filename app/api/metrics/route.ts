import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { metricsResponse } from "@/lib/server/metrics/metrics-response";

/** Prometheus scrape, with Authorization: Bearer <METRICS_TOKEN> (lib/server/metrics/metrics-response.ts). */
export function GET(request: Request) {
  return metricsResponse(request, env(), db());
}
