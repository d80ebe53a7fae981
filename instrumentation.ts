// Runs once when the server process starts (npm start / npm run dev), never during next build.
// Background work is started without awaiting it, so boot never waits on a provider.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Traces first (when OTEL_EXPORTER_OTLP_ENDPOINT is set), so the work boot starts is traced.
  const { startTracing } = await import("./lib/server/tracing/start");
  startTracing();
  // The app's own server answers POST /api/webhooks/<provider> with this bundle's handler, without Next's request handling.
  const { serveWebhooksDirectly } = await import("./lib/server/ingestion/webhooks/direct-intake");
  serveWebhooksDirectly();
  const { boot } = await import("./lib/server/boot");
  const { onShutdown } = await import("./lib/server/lifecycle");
  const { stopSmartAiPoller } = await import("./lib/server/providers/smartai/poller/start");
  // Stops polling and gives the lease up, so another instance takes over without waiting for it to expire.
  onShutdown("smartai-poller", stopSmartAiPoller);
  await boot();
}
