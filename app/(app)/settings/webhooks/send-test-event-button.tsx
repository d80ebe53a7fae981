"use client";

import Link from "next/link";
import { useActionState } from "react";
import { sendTestEventAction } from "./actions";

export function SendTestEventButton({ provider, label }: { provider: string; label: string }) {
  const [result, action, pending] = useActionState(sendTestEventAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="provider" value={provider} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Send test event to the ${label} endpoint`}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
      >
        {pending ? "Sending…" : "Send test event"}
      </button>
      {result && (
        <div
          role={result.ok ? "status" : "alert"}
          className={`rounded-md px-3 py-2 text-sm ${result.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          <p>{result.message}</p>
          {result.deliveryError && <p className="mt-1 text-xs">{result.deliveryError}</p>}
          {result.deliveryId && (
            <Link href={`/settings/events/${result.deliveryId}`} className="mt-1 inline-block underline">
              Open the delivery in the event log
            </Link>
          )}
        </div>
      )}
    </form>
  );
}
