import "server-only";

/**
 * A refusal written for the person who asked: "this job no longer exists", "nothing to replay".
 * Server actions show its message as it is; any other error is logged and shown as a generic one.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}
