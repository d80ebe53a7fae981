import "server-only";
import { log } from "../log";
import { VideoProviderError } from "../providers/video/errors";

/** A recruiter-facing problem that is not the provider's: a job or assessment that is gone. */
export class VideoFlowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VideoFlowError";
  }
}

export type VideoActionResult<T> =
  { ok: true; value: T } | { ok: false; error: string; retryable: boolean; fieldErrors?: Record<string, string> };

const SAFE_RETRY = "Nothing was saved here. Try again: a retry never creates or invites anything twice.";

/** The answer a server action gives for a failure: what happened, whether anything was saved, what to do. */
export function failureResult(error: unknown): { ok: false; error: string; retryable: boolean } {
  if (error instanceof VideoProviderError) {
    return {
      ok: false,
      error: error.retryable ? `${error.message} ${SAFE_RETRY}` : error.message,
      retryable: error.retryable,
    };
  }
  if (error instanceof VideoFlowError) return { ok: false, error: error.message, retryable: false };
  log.error({ err: error }, "video interview action failed");
  return { ok: false, error: `Saving failed on our side. ${SAFE_RETRY}`, retryable: true };
}
