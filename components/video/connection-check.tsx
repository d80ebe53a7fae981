"use client";

import { useState, useTransition } from "react";
import {
  checkVideoConnectionAction,
  sendWebhooksHereAction,
  type ConnectionCheckResult,
} from "./video-settings-actions";

/** "Check connection": calls the provider with the configured key and compares its webhook URL with ours. */
export function VideoConnectionCheck({ disabled }: { disabled: boolean }) {
  const [result, setResult] = useState<ConnectionCheckResult | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ConnectionCheckResult>) => startTransition(async () => setResult(await action()));

  return (
    <div className="space-y-3">
      <button
        type="button"
        disabled={pending || disabled}
        onClick={() => run(checkVideoConnectionAction)}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
      >
        {pending ? "Checking…" : "Check connection"}
      </button>
      <div aria-live="polite">
        {result && !result.ok && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {result.error}
          </p>
        )}
        {result?.ok && (
          <div role="status" className="space-y-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            <p>Connected to the provider account “{result.accountName}”.</p>
            {result.providerWebhookUrl === result.expectedWebhookUrl ? (
              <p>The provider sends its webhooks to this app.</p>
            ) : (
              <div className="text-amber-900">
                <p>
                  The provider sends its webhooks to{" "}
                  {result.providerWebhookUrl ? <code>{result.providerWebhookUrl}</code> : "nowhere yet"}, not to this
                  app.
                </p>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => run(sendWebhooksHereAction)}
                  className="mt-2 rounded-md border border-amber-600 bg-white px-3 py-1.5 font-medium hover:bg-amber-50 disabled:opacity-60"
                >
                  Send webhooks to this app
                </button>
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
