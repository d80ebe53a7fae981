"use client";

import Link from "next/link";
import { useActionState } from "react";
import { actionFailure } from "@/lib/shared/action-result";
import { sendTestEventAction } from "./actions";

export function SendTestEventButton({ provider, label }: { provider: string; label: string }) {
  const [result, action, pending] = useActionState(sendTestEventAction, {});
  const failure = actionFailure(result);
  const sent = result.data;
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
      {(failure || sent) && (
        <div
          role={sent?.ok ? "status" : "alert"}
          className={`rounded-md px-3 py-2 text-sm ${sent?.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          <p>{failure?.message ?? sent?.message}</p>
          {sent?.deliveryError && <p className="mt-1 text-xs">{sent.deliveryError}</p>}
          {sent?.deliveryId && (
            <Link href={`/settings/events/${sent.deliveryId}`} className="mt-1 inline-block underline">
              Open the delivery in the event log
            </Link>
          )}
        </div>
      )}
    </form>
  );
}
