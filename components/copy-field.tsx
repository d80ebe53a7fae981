"use client";

import { useId, useRef, useState } from "react";

/** A read-only value with a Copy button; falls back to selecting it where the clipboard is refused. */
export function CopyField({ label, url }: { label: string; url: string }) {
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
        {label}
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
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
        >
          Copy
        </button>
      </div>
      <p aria-live="polite" className="mt-1 h-5 text-sm text-slate-600">
        {copied === "yes"
          ? "Copied to the clipboard."
          : copied === "select"
            ? "Selected: press Ctrl+C (⌘C) to copy."
            : ""}
      </p>
    </div>
  );
}
