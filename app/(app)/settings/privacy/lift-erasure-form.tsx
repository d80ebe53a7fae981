"use client";

import { useActionState, useId } from "react";
import { ActionMessage } from "@/components/action-message";
import { EmailInput } from "@/components/form-controls";
import { liftErasureAction } from "./actions";

export function LiftErasureForm() {
  const [result, action, pending] = useActionState(liftErasureAction, {});
  const id = useId();
  return (
    <form key={result.data?.message ?? "form"} action={action} className="mt-4 space-y-4">
      <label htmlFor={`${id}-email`} className="block text-sm font-medium">
        Email address
        <EmailInput id={`${id}-email`} />
      </label>
      <ActionMessage result={result} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-indigo-600 px-4 py-2 font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-60"
      >
        {pending ? "Lifting…" : "Lift the erasure"}
      </button>
    </form>
  );
}
