import "server-only";
// GET /api/metrics (docs/contract.md §5): 404 without METRICS_TOKEN (as if there were no such page),
// 401 for any other bearer. Ingestion figures come from the database, the same on every
// instance; the request-duration histogram and process figures are this instance's own.
import { smartAiConfigurationProblem, type Settings } from "../../config/settings";
import { instanceMetricsText } from "../../observability/http-metrics";
import type { Db } from "../db";
import { log } from "../log";
import { ingestionMetricsText } from "./ingestion-metrics";
import { metricsAccess } from "./metrics-token";
import { flushTallies } from "./tallies";

export const PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
const NO_STORE = { "Cache-Control": "no-store" };

export async function metricsResponse(request: Request, settings: Settings, db: Db): Promise<Response> {
  const access = metricsAccess(request.headers.get("authorization"), settings.METRICS_TOKEN);
  if (access === "disabled") return new Response("Not Found", { status: 404, headers: NO_STORE });
  if (access === "refused") {
    return Response.json(
      { error: "unauthorized: send Authorization: Bearer <METRICS_TOKEN>" },
      { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="metrics"' } },
    );
  }
  // This instance's counts of the last seconds go in first, so a scrape sees them.
  await flushTallies(db).catch((error: unknown) =>
    log.warn({ err: error }, "metrics: adding up delivery tallies failed"),
  );
  const pollingProviders = smartAiConfigurationProblem(settings) === null ? ["smartai"] : [];
  try {
    const [ingestion, instance] = await Promise.all([
      ingestionMetricsText(db, { pollingProviders }),
      instanceMetricsText(),
    ]);
    return new Response(`${ingestion}\n${instance}`, { headers: { ...NO_STORE, "Content-Type": PROMETHEUS_TEXT } });
  } catch (error) {
    log.error({ err: error }, "metrics: reading the database failed");
    return new Response("metrics unavailable: the database did not answer\n", { status: 503, headers: NO_STORE });
  }
}
