"use client";

import { useServerAction } from "@/components/use-server-action";
import { revokeApiTokenAction } from "./actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const { run, pending, data, failure } = useServerAction(revokeApiTokenAction);
  const message = failure?.message ?? data?.message;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        aria-label={`Revoke ${name}`}
        onClick={() => {
          if (window.confirm(`Revoke "${name}"? Anything using it stops working at once.`)) run({ tokenId });
        }}
        className="rounded-md border border-red-200 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        Revoke
      </button>
      {message && (
        <span role={failure ? "alert" : "status"} className={`text-xs ${failure ? "text-red-700" : "text-green-800"}`}>
          {message}
        </span>
      )}
    </span>
  );
}
