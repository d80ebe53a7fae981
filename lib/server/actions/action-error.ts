import "server-only";
import type { ActionError } from "../../shared/action-result";
import { PASSWORD_CHANGE_DUE_MESSAGE } from "../auth/password-change-due";
import { UserFacingError } from "../errors";
import { log } from "../log";
import { userMessageFor, VideoProviderError } from "../providers/video/errors";
import { ShareLinkError } from "../share/share-links";
import { UserManagementError } from "../users/manage-users";

export const SIGNED_OUT_MESSAGE = "Your session has ended. Sign in again, then try once more.";
export const NOT_ADMIN_MESSAGE = "Only an admin can do this. Sign in as an admin.";
const GENERIC_MESSAGE =
  "That did not work because of a problem on our side. Try again; if it keeps failing, an admin can find the details in the server log.";

const REFUSAL_MESSAGES = {
  "signed-out": SIGNED_OUT_MESSAGE,
  "not-admin": NOT_ADMIN_MESSAGE,
  "password-change-due": PASSWORD_CHANGE_DUE_MESSAGE,
} as const;

/** Thrown by the action clients before an action runs: the caller may not use it. */
export class AccessRefused extends Error {
  constructor(readonly reason: keyof typeof REFUSAL_MESSAGES) {
    super(REFUSAL_MESSAGES[reason]);
    this.name = "AccessRefused";
  }
}

/**
 * The one place an error thrown by a server action becomes what the browser sees. Errors written
 * for the user keep their message; anything else is logged here and answered generically, so
 * no stack, query or secret leaves the server.
 */
export function toActionError(error: unknown, actionName: string | undefined): ActionError {
  if (error instanceof AccessRefused) return { reason: error.reason, message: error.message, retryable: false };
  if (error instanceof VideoProviderError) {
    return { reason: "refused", message: userMessageFor(error), retryable: error.retryable };
  }
  if (error instanceof UserFacingError)
    return { reason: "refused", message: error.message, retryable: error.retryable };
  if (error instanceof UserManagementError || error instanceof ShareLinkError) {
    return { reason: "refused", message: error.message, retryable: false };
  }
  log.error({ err: error, action: actionName }, "server action failed");
  return { reason: "failed", message: GENERIC_MESSAGE, retryable: true };
}
