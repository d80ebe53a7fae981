// The units of work an operator follows through logs and traces: a poll cycle, a webhook
// delivery, an apply batch. Each runs in a span and in a log context naming it, so its log
// lines carry its id. The ingestion code calls these with one wrapping call each.
import { context, ROOT_CONTEXT, SpanStatusCode } from "@opentelemetry/api";
import { withLogContext, withoutLogContext } from "./log-context";
import { inSpan } from "./tracing";

export function tracePollCycle<T>(
  run: { provider: string; id: string; trigger: string },
  work: () => Promise<T>,
): Promise<T> {
  return withLogContext({ syncRunId: run.id }, () =>
    inSpan(
      "poll cycle",
      {
        "assessment_hub.provider": run.provider,
        "assessment_hub.sync_run_id": run.id,
        "assessment_hub.trigger": run.trigger,
      },
      () => work(),
    ),
  );
}

/** A pushed delivery, from its arrival to the answer; the span records the status the sender got. */
export function traceWebhookDelivery<T extends { status: number }>(
  provider: string,
  work: () => Promise<T>,
): Promise<T> {
  return inSpan("webhook delivery", { "assessment_hub.provider": provider }, async (span) => {
    const response = await work();
    span.setAttribute("http.response.status_code", response.status);
    if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    return response;
  });
}

/** One applier batch: the deliveries it claimed, applied in one transaction (or found by halving). */
export function traceApplyBatch<T>(batch: { id: string; size: number }, work: () => Promise<T>): Promise<T> {
  return withLogContext({ batchId: batch.id }, () =>
    inSpan("apply batch", { "assessment_hub.batch_id": batch.id, "assessment_hub.batch_size": batch.size }, () =>
      work(),
    ),
  );
}

/**
 * Runs `work` outside any request, delivery or span: for a long-lived loop that a request
 * merely happens to wake (the applier), which must not carry that request's id into later log
 * lines, nor hang later batches under that request's span.
 */
export function runDetached<T>(work: () => T): T {
  return withoutLogContext(() => context.with(ROOT_CONTEXT, work));
}
