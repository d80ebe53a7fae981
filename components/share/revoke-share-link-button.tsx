"use client";

import { useServerAction } from "@/components/use-server-action";
import { revokeShareLinkAction } from "./share-actions";

export function RevokeShareLinkButton({ linkId, label }: { linkId: string; label: string }) {
  const { run, pending, failure } = useServerAction(revokeShareLinkAction);

  function revoke() {
    if (!window.confirm("Revoke this link? Anyone who opens it afterwards sees that it no longer works.")) return;
    run({ linkId });
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={revoke}
        disabled={pending}
        aria-label={label}
        className="rounded-md border border-red-200 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {failure && (
        <span role="alert" className="text-xs text-red-700">
          {failure.message}
        </span>
      )}
    </span>
  );
}
