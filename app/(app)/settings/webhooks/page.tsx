import type { Metadata } from "next";
import Link from "next/link";
import { SettingsHeader } from "@/components/settings-header";
import { formatNumber } from "@/components/format";
import { formatDateTime, resolveTimeZone } from "@/lib/shared/date-time";
import { requireAdmin } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { webhookUrl } from "@/lib/server/providers/descriptor";
import { PUSH_PROVIDERS } from "@/lib/server/providers/registry";
import { webhookActivity } from "@/lib/server/webhooks-admin/webhook-activity";
import { CopyField } from "@/components/copy-field";
import { SendTestEventButton } from "./send-test-event-button";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const timeZone = resolveTimeZone((await requireAdmin()).timeZone);
  const settings = env();
  const now = new Date();
  const providers = await Promise.all(
    PUSH_PROVIDERS.map(async (provider) => ({ ...provider, activity: await webhookActivity(db(), provider.id, now) })),
  );

  return (
    <section className="space-y-6">
      <SettingsHeader title="Webhooks">
        Providers that push their events post them to these addresses. Each delivery is stored before it is answered, so
        a 2xx means it is safe here; see every delivery in the{" "}
        <Link href="/settings/events" className="text-indigo-700 underline">
          event log
        </Link>
        . Secrets are read from the environment and never shown.
      </SettingsHeader>

      {providers.map(({ id, label, webhook: endpoint, activity }) => {
        const url = webhookUrl(settings, endpoint);
        const secretSet = Boolean(settings[endpoint.secretSetting]);
        const { lastDelivery: last, lastDay: counts } = activity;
        return (
          <article
            key={id}
            aria-labelledby={`webhook-${id}`}
            className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
          >
            <h2 id={`webhook-${id}`} className="text-lg font-semibold">
              {label}
            </h2>
            <CopyField label={`${label} webhook URL`} url={url} />
            {endpoint.urlToken === "accepted" && (
              <p className="text-sm text-slate-700">
                In {label}&apos;s webhook settings, use this URL with the secret appended:{" "}
                <code className="break-all rounded bg-slate-100 px-1">{url}?token=&lt;your secret&gt;</code>, where the
                secret is the value of {endpoint.secretSetting}. Anyone with that URL can post to it: keep it as private
                as the secret.
              </p>
            )}
            <p className="text-sm text-slate-600">{endpoint.authentication}</p>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">Secret ({endpoint.secretSetting})</dt>
              <dd className={secretSet ? "text-green-800" : "text-amber-900"}>
                {secretSet ? "set (never shown)" : "not set: the endpoint answers 503 until it is"}
              </dd>
              <dt className="text-slate-500">Last delivery</dt>
              <dd>{last ? `${formatDateTime(last.receivedAt, timeZone)} (${last.status})` : "none yet"}</dd>
              <dt className="text-slate-500">Last 24 hours</dt>
              <dd>
                {counts.length === 0
                  ? "no deliveries"
                  : counts.map((row) => `${formatNumber(row.count)} ${row.status}`).join(", ")}
                {" · "}
                <Link href={`/settings/events?provider=${id}`} className="text-indigo-700 hover:underline">
                  open in the event log
                </Link>
              </dd>
            </dl>
            {endpoint.sample ? (
              <div className="border-t border-slate-100 pt-4">
                <p className="mb-2 text-sm text-slate-600">
                  Signs a sample {label} delivery with the configured secret and posts it to the URL above, as {label}{" "}
                  would. It is checked and stored like any delivery, but not added to results.
                </p>
                <SendTestEventButton provider={id} label={label} />
              </div>
            ) : (
              <p className="border-t border-slate-100 pt-4 text-sm text-slate-600">
                To test this endpoint, send a test event from {label}&apos;s own dashboard; it appears in the event log.
              </p>
            )}
          </article>
        );
      })}
    </section>
  );
}
