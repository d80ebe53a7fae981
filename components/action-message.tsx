import { actionFailure, type ActionResult } from "@/lib/shared/action-result";

/** A form's answer in one line: its success message, or what went wrong. */
export function ActionMessage({ result }: { result: ActionResult<{ message: string }> | null | undefined }) {
  const failure = actionFailure(result);
  const message = failure?.message ?? result?.data?.message;
  if (!message) return null;
  return (
    <p
      role={failure ? "alert" : "status"}
      className={`rounded-md px-3 py-2 text-sm ${failure ? "bg-red-50 text-red-700" : "bg-green-50 text-green-800"}`}
    >
      {message}
    </p>
  );
}
