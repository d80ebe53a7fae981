import { smartAiConfigurationProblem } from "@/lib/config/settings";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { ingestionMetricsText } from "@/lib/server/metrics/ingestion-metrics";
import { metricsAccess } from "@/lib/server/metrics/metrics-token";
import { flushTallies } from "@/lib/server/metrics/tallies";
import { instanceMetricsText } from "@/lib/observability/http-metrics";

export const dynamic = "force-dynamic";

const PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

/**
 * Prometheus scrape (CONTRACT §5): 404 without METRICS_TOKEN (as if there were no such page),
 * 401 for any other bearer. Ingestion figures come from the database, the same on every
 * instance; the request-duration histogram and process figures are this instance's own.
 */
export async function GET(request: Request) {
  const settings = env();
  const access = metricsAccess(request.headers.get("authorization"), settings.METRICS_TOKEN);
  if (access === "disabled")
    return new Response("Not Found", { status: 404, headers: { "Cache-Control": "no-store" } });
  if (access === "refused") {
    return Response.json(
      { error: "unauthorized: send Authorization: Bearer <METRICS_TOKEN>" },
      { status: 401, headers: { "Cache-Control": "no-store", "WWW-Authenticate": 'Bearer realm="metrics"' } },
    );
  }
  // This instance's counts of the last seconds go in first, so a scrape sees them.
  await flushTallies(db()).catch((error: unknown) =>
    log.warn({ err: error }, "metrics: adding up delivery tallies failed"),
  );
  const pollingProviders = smartAiConfigurationProblem(settings) === null ? ["smartai"] : [];
  try {
    const [ingestion, instance] = await Promise.all([
      ingestionMetricsText(db(), { pollingProviders }),
      instanceMetricsText(),
    ]);
    return new Response(`${ingestion}\n${instance}`, {
      headers: { "Content-Type": PROMETHEUS_TEXT, "Cache-Control": "no-store" },
    });
  } catch (error) {
    log.error({ err: error }, "metrics: reading the database failed");
    return new Response("metrics unavailable: the database did not answer\n", { status: 503 });
  }
}
