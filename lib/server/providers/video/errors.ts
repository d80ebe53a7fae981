import "server-only";
// What can go wrong talking to the video interview provider, each with a message a recruiter
// or admin can act on. `retryable`: trying the same request again may work (and is safe,
// since every POST carries an idempotency key).

export type VideoProviderErrorKind =
  "not_configured" | "unavailable" | "unauthorized" | "not_found" | "rejected" | "invalid_response";

export class VideoProviderError extends Error {
  constructor(
    readonly kind: VideoProviderErrorKind,
    message: string,
    readonly options: { status?: number; code?: string; retryable?: boolean } = {},
  ) {
    super(message);
    this.name = "VideoProviderError";
  }

  get retryable(): boolean {
    return this.options.retryable ?? this.kind === "unavailable";
  }
}

const SAFE_RETRY = "Nothing was saved here. Try again: a retry never creates or invites anything twice.";

/** What a recruiter or admin reads: the problem, and when a retry is safe, that it is. */
export function userMessageFor(error: VideoProviderError): string {
  return error.retryable ? `${error.message} ${SAFE_RETRY}` : error.message;
}

export function notConfigured(missing: string[]): VideoProviderError {
  return new VideoProviderError(
    "not_configured",
    `The AI video interview provider is not configured: set ${missing.join(" and ")} (an admin can check Settings → AI video interviews).`,
  );
}

export function unavailable(detail: string, status?: number): VideoProviderError {
  return new VideoProviderError("unavailable", `The video interview provider is unavailable right now (${detail}).`, {
    status,
    retryable: true,
  });
}

/** An error answer from the provider, in its {"error": {code, message, details}} shape when it has one. */
export function fromErrorAnswer(status: number, body: unknown, what: string): VideoProviderError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : undefined;
  const message = typeof error?.message === "string" ? error.message : `HTTP ${status}`;
  const details = Array.isArray(error?.details)
    ? error.details
        .map(
          (detail: { path?: unknown; message?: unknown }) =>
            `${String(detail.path ?? "")}: ${String(detail.message ?? "")}`,
        )
        .join("; ")
    : "";
  if (status >= 500) return unavailable(`HTTP ${status}: ${message}`, status);
  if (status === 401 || status === 403) {
    return new VideoProviderError(
      "unauthorized",
      "The video interview provider refused the API key: an admin should check VIDEO_API_KEY.",
      { status, code },
    );
  }
  if (status === 404)
    return new VideoProviderError("not_found", `The video interview provider has no such record (${what}).`, {
      status,
      code,
    });
  if (status === 429 || status === 409) return unavailable(`HTTP ${status}: ${message}; try again shortly`, status);
  return new VideoProviderError(
    "rejected",
    `The video interview provider rejected ${what}: ${message}${details ? ` (${details})` : ""}.`,
    { status, code, retryable: false },
  );
}
