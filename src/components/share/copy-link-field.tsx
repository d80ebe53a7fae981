"use client";

import { useId, useRef, useState } from "react";

export function CopyLinkField({ url }: { url: string }) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [copied, setCopied] = useState<"yes" | "select" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      // No clipboard permission (or not a secure context): leave it selected for Ctrl+C.
      input.current?.select();
      setCopied("select");
    }
  }

  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-medium">
        Share link
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={inputId}
          ref={input}
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <button
          type="button"
          onClick={copy}
          className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Copy
        </button>
      </div>
      <p aria-live="polite" className="mt-1 h-5 text-sm text-slate-600">
        {copied === "yes" ? "Copied to the clipboard." : copied === "select" ? "Selected: press Ctrl+C (⌘C) to copy." : ""}
      </p>
    </div>
  );
}
