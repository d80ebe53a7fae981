import "server-only";
// What can go wrong talking to SmartAI, as types the poller can act on: wait on a rate
// limit, back off on server or network trouble, and stop on credentials it cannot fix.

export class SmartAiError extends Error {
  /** Worth trying again later (the same request may succeed). */
  readonly retryable: boolean = false;
}

/** 401: unknown key, bad signature, or a clock more than 300 s off. Retrying will not help. */
export class SmartAiAuthError extends SmartAiError {
  constructor(readonly serverMessage: string) {
    super(
      `SmartAI refused the request (401: ${serverMessage}). Check ASSESSMENT_API_KEY and ASSESSMENT_SECRET_KEY, and that this server's clock is right`,
    );
    this.name = "SmartAiAuthError";
  }
}

/** 429: SmartAI asks us to wait retryAfterMs before the next call. */
export class SmartAiRateLimitedError extends SmartAiError {
  override readonly retryable = true;
  constructor(readonly retryAfterMs: number) {
    super(`SmartAI is rate-limiting this key: try again in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = "SmartAiRateLimitedError";
  }
}

/** 5xx: SmartAI's side failed. */
export class SmartAiServerError extends SmartAiError {
  override readonly retryable = true;
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`SmartAI answered ${status}${detail ? `: ${detail}` : ""}`);
    this.name = "SmartAiServerError";
  }
}

/** No answer: connection refused or dropped, DNS, or no answer within the timeout. */
export class SmartAiNetworkError extends SmartAiError {
  override readonly retryable = true;
  constructor(
    readonly url: string,
    readonly timedOut: boolean,
    cause?: unknown,
  ) {
    super(
      timedOut
        ? `SmartAI did not answer ${url} in time`
        : `Could not reach SmartAI at ${url}: ${describeCause(cause)}. Check ASSESSMENT_API_URL`,
      { cause },
    );
    this.name = "SmartAiNetworkError";
  }
}

/** An answer this client cannot use: another 4xx, or a body not shaped as the protocol says. */
export class SmartAiProtocolError extends SmartAiError {
  constructor(message: string) {
    super(message);
    this.name = "SmartAiProtocolError";
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as Error & { cause?: unknown }).cause;
  const code = inner && typeof inner === "object" && "code" in inner ? String(inner.code) : null;
  return code ? `${cause.message} (${code})` : cause.message;
}
