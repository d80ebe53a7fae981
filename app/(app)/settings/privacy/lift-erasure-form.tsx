"use client";

import { useActionState, useId } from "react";
import { ActionMessage } from "@/components/action-message";
import { liftErasureAction } from "./actions";

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

export function LiftErasureForm() {
  const [result, action, pending] = useActionState(liftErasureAction, {});
  const id = useId();
  return (
    <form key={result.data?.message ?? "form"} action={action} className="mt-4 space-y-4">
      <label htmlFor={`${id}-email`} className="block text-sm font-medium">
        Email address
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          required
          maxLength={320}
          autoComplete="off"
          className={FIELD}
        />
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
