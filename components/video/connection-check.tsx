"use client";

import { useServerAction } from "@/components/use-server-action";
import { checkVideoConnectionAction, sendWebhooksHereAction } from "./video-settings-actions";

type ConnectionCheck = () => ReturnType<typeof checkVideoConnectionAction>;

/** "Check connection": calls the provider with the configured key and compares its webhook URL with ours. */
export function VideoConnectionCheck({ disabled }: { disabled: boolean }) {
  // "Check" and "Send webhooks here" both answer with the connection's state: one answer line.
  const { run, pending, data: result, failure } = useServerAction((action: ConnectionCheck) => action());

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
        {failure && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {failure.message}
          </p>
        )}
        {result && (
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
