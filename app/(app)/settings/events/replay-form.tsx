"use client";
// Wraps the server-rendered rows: their checkboxes (name="deliveryId") are this form's fields.
import { useActionState, useRef } from "react";
import { providerLabel } from "@/components/format";
import { actionFailure } from "@/lib/shared/action-result";
import { replayAction } from "./actions";
import { DeliveryStatusBadge } from "./delivery-status-badge";

export function ReplayForm({
  children,
  label = "Replay selected",
  selectAll = true,
}: {
  children: React.ReactNode;
  label?: string;
  selectAll?: boolean;
}) {
  const [result, action, pending] = useActionState(replayAction, {});
  const failure = actionFailure(result);
  const outcomes = result.data?.outcomes ?? [];
  // Some replayed deliveries failed again: the summary is a warning, not a success.
  const warning = failure !== null || outcomes.some((outcome) => outcome.status !== "processed");
  const form = useRef<HTMLFormElement>(null);

  function toggleAll(checked: boolean) {
    form.current?.querySelectorAll<HTMLInputElement>('input[name="deliveryId"][type="checkbox"]').forEach((box) => {
      box.checked = checked;
    });
  }

  return (
    <form ref={form} action={action} className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
        >
          {pending ? "Replaying…" : label}
        </button>
        {selectAll && (
          <>
            <button type="button" onClick={() => toggleAll(true)} className="text-sm text-indigo-700 hover:underline">
              Select all replayable
            </button>
            <button type="button" onClick={() => toggleAll(false)} className="text-sm text-indigo-700 hover:underline">
              Clear selection
            </button>
          </>
        )}
      </div>
      {(failure || result.data) && (
        <div
          role={warning ? "alert" : "status"}
          className={`rounded-md px-3 py-2 text-sm ${warning ? "bg-amber-50 text-amber-900" : "bg-green-50 text-green-800"}`}
        >
          <p>{failure?.message ?? result.data?.message}</p>
          {outcomes.length > 0 && (
            <ul className="mt-2 space-y-1">
              {outcomes.map((outcome) => (
                <li key={outcome.id} className="flex flex-wrap items-center gap-2">
                  <span>{providerLabel(outcome.provider)}</span>
                  <span className="font-mono text-xs">{outcome.eventType ?? "unknown event"}</span>
                  <DeliveryStatusBadge status={outcome.status} />
                  {outcome.error && <span className="text-xs">{outcome.error}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {children}
    </form>
  );
}
