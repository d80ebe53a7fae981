"use client";

import { useState, useTransition } from "react";
import { revokeShareLinkAction } from "./share-actions";

export function RevokeShareLinkButton({ linkId, label }: { linkId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function revoke() {
    if (!window.confirm("Revoke this link? Anyone who opens it afterwards sees that it no longer works.")) return;
    setError(null);
    startTransition(async () => {
      const result = await revokeShareLinkAction(linkId);
      if (!result.ok) setError(result.error);
    });
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
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
