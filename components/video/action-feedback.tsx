// How a video action's failure reads: the message (with a retry hint when retrying is safe)
// and the first problem per field.
import type { ActionFailure } from "@/lib/shared/action-result";

export function ActionError({ failure }: { failure: ActionFailure | null }) {
  if (!failure) return null;
  // Problems with single fields are shown beside them; the summary only points there.
  const message = Object.keys(failure.fieldErrors).length > 0 ? "Some fields need another look." : failure.message;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
      {failure.retryable && (
        <span className="mt-1 block font-medium">Your entries are kept: press the button again to retry.</span>
      )}
    </p>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="mt-1 block text-sm text-red-700">
      {message}
    </span>
  );
}

export const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base";
export const primaryButtonClass =
  "rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60";
