"use client";

import { useActionState } from "react";
import { backfillAction } from "./actions";
import { ActionMessage } from "@/components/action-message";

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

export function BackfillForm({ disabled }: { disabled: boolean }) {
  const [result, action, pending] = useActionState(backfillAction, {});
  return (
    <form action={action} className="mt-4 space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          Since (UTC)
          <input name="since" type="datetime-local" required className={FIELD} />
        </label>
        <label className="block text-sm font-medium">
          Until (UTC, optional)
          <input name="until" type="datetime-local" className={FIELD} />
        </label>
      </div>
      <ActionMessage result={result} />
      <button
        type="submit"
        disabled={pending || disabled}
        className="rounded-md border border-indigo-600 px-4 py-2 font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-60"
      >
        {pending ? "Queuing…" : "Backfill this window"}
      </button>
    </form>
  );
}
