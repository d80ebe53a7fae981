"use client";

import { useActionState } from "react";
import { syncNowAction } from "./actions";
import { ActionMessage } from "@/components/action-message";

export function SyncNowButton({ disabled }: { disabled: boolean }) {
  const [result, action, pending] = useActionState(syncNowAction, {});
  return (
    <form action={action} className="space-y-3">
      <button
        type="submit"
        disabled={pending || disabled}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
      >
        {pending ? "Requesting…" : "Sync now"}
      </button>
      <ActionMessage result={result} />
    </form>
  );
}
