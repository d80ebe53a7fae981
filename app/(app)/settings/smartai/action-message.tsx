import type { SyncActionResult } from "./sync-action-result";

export function ActionMessage({ result }: { result: SyncActionResult }) {
  return (
    <p
      role={result.ok ? "status" : "alert"}
      className={`rounded-md px-3 py-2 text-sm ${result.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
    >
      {result.message}
    </p>
  );
}
