// The one answer every server action gives, and how a client component reads it. The shape is
// next-safe-action's result: `data` on success, `serverError` for a refusal or failure, or
// `validationErrors` (zod's formatted tree) when the input did not pass its schema.

/** Why an action did not do what was asked. */
export type ActionErrorReason = "signed-out" | "not-admin" | "password-change-due" | "refused" | "failed";

/** What the server tells the browser about a refusal or failure: never a stack, never a secret. */
export interface ActionError {
  reason: ActionErrorReason;
  message: string;
  /** Sending the same request again may work, and is safe. */
  retryable: boolean;
}

/** zod's formatted errors: `_errors` at each level, nested by field name or list index. */
export interface ValidationErrorTree {
  _errors?: string[];
  [field: string]: ValidationErrorTree | string[] | undefined;
}

export interface ActionResult<Data> {
  data?: Data;
  serverError?: ActionError;
  validationErrors?: unknown;
}

/** A failed action, ready to show: one message, and the first problem per field ("candidates.0.email"). */
export interface ActionFailure {
  message: string;
  retryable: boolean;
  fieldErrors: Record<string, string>;
}

export function actionFailure(result: ActionResult<unknown> | null | undefined): ActionFailure | null {
  if (result?.serverError) {
    return { message: result.serverError.message, retryable: result.serverError.retryable, fieldErrors: {} };
  }
  if (!result?.validationErrors) return null;
  const fieldErrors: Record<string, string> = {};
  const messages: string[] = [];
  collectValidationErrors(result.validationErrors as ValidationErrorTree, [], fieldErrors, messages);
  return {
    message: messages.length > 0 ? messages.map(asSentence).join(" ") : "That request was not understood.",
    retryable: false,
    fieldErrors,
  };
}

function collectValidationErrors(
  tree: ValidationErrorTree,
  path: string[],
  fieldErrors: Record<string, string>,
  messages: string[],
) {
  for (const [key, value] of Object.entries(tree)) {
    if (key === "_errors" && Array.isArray(value)) {
      messages.push(...value);
      const field = path.join(".");
      if (field && value[0]) fieldErrors[field] ??= value[0];
    } else if (value && !Array.isArray(value)) {
      collectValidationErrors(value, [...path, key], fieldErrors, messages);
    }
  }
}

function asSentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
