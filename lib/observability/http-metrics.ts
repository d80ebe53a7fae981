// This instance's own metrics: how long the requests it answered took, by route and status,
// and the Node process's figures. Each instance counts only what it served (Prometheus adds
// instances up), unlike the ingestion figures, which are read from the database at scrape time
// (lib/server/metrics). The app's HTTP server records outside Next's bundle and /api/metrics
// reads inside it, each with its own copy of this module, so the registry lives on globalThis.
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

export const HTTP_DURATION_METRIC = "assessment_hub_http_request_duration_seconds";

interface InstanceMetrics {
  registry: Registry;
  httpDuration: Histogram<"route" | "method" | "status">;
}

const holder = globalThis as typeof globalThis & { __assessmentHubInstanceMetrics?: InstanceMetrics };

function instanceMetrics(): InstanceMetrics {
  if (!holder.__assessmentHubInstanceMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "assessment_hub_" });
    const httpDuration = new Histogram({
      name: HTTP_DURATION_METRIC,
      help: "Time from a request's arrival to the end of its response, by the route pattern it reached.",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    holder.__assessmentHubInstanceMetrics = { registry, httpDuration };
  }
  return holder.__assessmentHubInstanceMetrics;
}

export function observeHttpRequest(labels: { route: string; method: string; status: number }, seconds: number) {
  instanceMetrics().httpDuration.observe(
    { route: labels.route, method: boundedMethod(labels.method), status: String(labels.status) },
    seconds,
  );
}

/** This instance's metrics in Prometheus text format. */
export function instanceMetricsText(): Promise<string> {
  return instanceMetrics().registry.metrics();
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A client may send any method name: anything unusual is one label value. */
function boundedMethod(method: string): string {
  return METHODS.has(method) ? method : "OTHER";
}
