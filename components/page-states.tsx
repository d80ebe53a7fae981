"use client";

import { useEffect } from "react";

/** The body of every page's error.tsx: what happened, and a way to try again. */
export function PageError({ error, retry, what }: { error: unknown; retry: () => void; what: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest =
    error instanceof Error && "digest" in error ? String((error as { digest?: unknown }).digest ?? "") : "";
  return (
    <section role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-6">
      <h1 className="text-lg font-semibold text-rose-900">{what} could not be loaded</h1>
      <p className="mt-1 text-sm text-rose-900">
        Something went wrong on the server. Try again; if it keeps happening, give an admin this reference
        {digest ? `: ${digest}` : "."}
      </p>
      <button
        type="button"
        onClick={() => retry()}
        className="mt-4 rounded-md bg-rose-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-800"
      >
        Try again
      </button>
    </section>
  );
}
