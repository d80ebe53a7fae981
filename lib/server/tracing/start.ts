import "server-only";
// Traces are on when OTEL_EXPORTER_OTLP_ENDPOINT names a collector; instrumentation.ts calls
// this before boot starts the poller and the applier, so their first spans are exported too.
import { SettingsError } from "../../config/settings";
import { env } from "../env";
import { pollerInstanceId } from "../ingestion/polling/instance-id";
import { onShutdown } from "../lifecycle";
import { log, urlForLog } from "../log";
import { registerTracing } from "../../observability/tracing";

const holder = globalThis as typeof globalThis & { __assessmentHubTracing?: boolean };

export function startTracing(): void {
  if (holder.__assessmentHubTracing) return;
  let endpoint: string | undefined;
  try {
    endpoint = env().OTEL_EXPORTER_OTLP_ENDPOINT;
  } catch (error) {
    if (error instanceof SettingsError) return; // boot reports bad settings and stops the process
    throw error;
  }
  if (!endpoint) return;
  holder.__assessmentHubTracing = true;
  const tracing = registerTracing(endpoint, { instanceId: pollerInstanceId() });
  // Sends the spans still buffered before the process ends.
  onShutdown("tracing", () => tracing.shutdown());
  log.info({ endpoint: urlForLog(endpoint) }, "OpenTelemetry traces are exported to the OTLP endpoint");
}
