// OpenTelemetry traces, when an operator runs a collector (OTEL_EXPORTER_OTLP_ENDPOINT):
// spans for a poll cycle, a webhook delivery and an apply batch, exported as OTLP/HTTP JSON.
// Without the setting nothing is registered and the spans below are the API's no-ops.
// Plain Node: instrumentation.ts registers, and the OpenTelemetry API keeps the provider on
// globalThis, so every copy of this module (Next's bundles, the app's server) traces alike.
import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

export const SERVICE_NAME = "assessment-hub";
const TRACER_NAME = "assessment-hub";

export interface Tracing {
  /** Sends what is buffered (tests; shutdown does it too). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Registers the tracer provider. `endpoint` is the collector's base URL, as the
 * OTEL_EXPORTER_OTLP_ENDPOINT convention has it: traces go to `<endpoint>/v1/traces`.
 */
export function registerTracing(endpoint: string, options: { instanceId?: string } = {}): Tracing {
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: SERVICE_NAME,
      ...(options.instanceId ? { "service.instance.id": options.instanceId } : {}),
    }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register();
  return {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
    },
  };
}

/** Runs `work` in a span (the current span's child); a throw marks the span failed and is rethrown. */
export function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
