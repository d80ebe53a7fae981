import type { Metadata } from "next";
import { SettingsHeader } from "@/components/settings-header";
import { VideoConnectionCheck } from "@/components/video/connection-check";
import { requireAdmin } from "@/lib/server/auth/session";
import { maskSecret } from "@/lib/server/auth/secrets";
import { env } from "@/lib/server/env";
import { missingVideoSettings, videoWebhookUrl } from "@/lib/server/providers/video/configuration";

export const metadata: Metadata = { title: "AI video interviews" };

export default async function VideoSettingsPage() {
  await requireAdmin();
  const settings = env();
  const missing = missingVideoSettings(settings);
  const webhookUrl = videoWebhookUrl(settings);
  const rows: [string, string][] = [
    ["API URL (VIDEO_API_URL)", settings.VIDEO_API_URL ? apiUrlForDisplay(settings.VIDEO_API_URL) : "not set"],
    ["API key (VIDEO_API_KEY)", settings.VIDEO_API_KEY ? maskSecret(settings.VIDEO_API_KEY) : "not set"],
    [
      "Webhook secret (VIDEO_WEBHOOK_SECRET)",
      settings.VIDEO_WEBHOOK_SECRET ? "set (never shown)" : "not set: the webhook endpoint answers 503",
    ],
  ];
  return (
    <section className="space-y-6">
      <SettingsHeader title="AI video interviews">
        Recruiters create video interviews and invite candidates from a job&apos;s “Video interviews” page; the provider
        sends each candidate&apos;s progress and result back to the webhook below, signed with the webhook secret.
      </SettingsHeader>

      <Panel title="Connection">
        {missing.length > 0 ? (
          <p role="alert" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Not configured: set {missing.join(" and ")} in the environment and restart.
          </p>
        ) : (
          <p className="mb-3 text-sm font-medium text-green-800">Configured</p>
        )}
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="font-mono break-all">{value}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4">
          <VideoConnectionCheck disabled={missing.length > 0} />
        </div>
      </Panel>

      <Panel title="Webhook">
        <p className="mb-2 text-sm text-slate-600">
          Give the provider this URL for its webhooks (events interview.started, interview.partially_scored,
          interview.completed, invitation.expired), with the signing secret it shows you as VIDEO_WEBHOOK_SECRET.
        </p>
        <label className="block text-sm font-medium">
          Webhook URL
          <input
            readOnly
            value={webhookUrl}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
          />
        </label>
      </Panel>
    </section>
  );
}

/** Credentials in a URL (https://user:pass@host) are never shown. */
function apiUrlForDisplay(value: string): string {
  try {
    const url = new URL(value);
    url.username = "";
    url.password = "";
    return url.toString();
  } catch {
    return "set (not a valid URL)";
  }
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
