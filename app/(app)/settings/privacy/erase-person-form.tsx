"use client";

import { useActionState, useId } from "react";
import { ActionMessage } from "@/components/action-message";
import { EmailInput } from "@/components/form-controls";
import { erasePersonAction } from "./actions";

/** By email, or for one candidate (from the candidate page): the erasure, then what the providers still hold. */
export function ErasePersonForm({ candidateId }: { candidateId?: string }) {
  const [result, action, pending] = useActionState(erasePersonAction, {});
  const id = useId();
  const erasure = result.data?.erasure;
  return (
    <div className="mt-4 space-y-4">
      <form action={action} className="space-y-4">
        {candidateId ? (
          <input type="hidden" name="candidateId" value={candidateId} />
        ) : (
          <label htmlFor={`${id}-email`} className="block text-sm font-medium">
            Email address
            <EmailInput id={`${id}-email`} />
          </label>
        )}
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirm" value="erase" required className="mt-1" />
          <span>I understand this deletes everything held about this person and cannot be undone.</span>
        </label>
        <ActionMessage result={result} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-red-600 px-4 py-2 font-medium text-white hover:bg-red-700 disabled:opacity-60"
        >
          {pending ? "Erasing…" : "Erase this person"}
        </button>
      </form>
      {erasure && (
        <section aria-labelledby={`${id}-done`} className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 id={`${id}-done`} className="font-medium">
            What was deleted
          </h3>
          <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-3">
            {Object.entries(erasure.counts).map(([what, count]) => (
              <li key={what}>
                <span className="tabular-nums font-semibold">{count}</span> {what}
              </li>
            ))}
          </ul>
          <h3 className="mt-4 font-medium">Providers that still hold their data</h3>
          {erasure.providers.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No provider records were linked to this person.</p>
          ) : (
            <ul className="mt-2 space-y-3 text-sm">
              {erasure.providers.map((holding) => (
                <li key={holding.provider}>
                  <p className="font-medium">
                    {holding.label}: {holding.holds.join(", ") || "their profile"}
                  </p>
                  <p className="text-slate-600">{holding.howToAsk}</p>
                  {holding.externalIds.length > 0 && <p>Their ids there: {holding.externalIds.join(", ")}</p>}
                  {holding.hosts.length > 0 && <p>Files and reports at: {holding.hosts.join(", ")}</p>}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-xs text-slate-500">
            This list is shown once and not kept: note it now. The audit log records the erasure without naming the
            person.
          </p>
        </section>
      )}
    </div>
  );
}
