import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { inboxBacklog, type InboxBacklog } from "@/lib/server/ingestion-status/backlog";
import { PROVIDER_DESCRIPTORS } from "@/lib/server/providers/registry";

export const metadata: Metadata = { title: "Settings" };

// Each provider or admin area owns its own page; this is the index. Providers with a page of
// their own say so in their descriptor.
const SECTIONS = [
  ...PROVIDER_DESCRIPTORS.flatMap(({ settingsPage }) =>
    settingsPage ? [{ href: settingsPage.href, title: settingsPage.title, text: settingsPage.summary }] : [],
  ),
  { href: "/settings/webhooks", title: "Webhooks", text: "Each provider's webhook URL, secrets, and a test event." },
  { href: "/settings/events", title: "Event log", text: "Every delivery from every provider; replay failed ones." },
  { href: "/settings/users", title: "Users", text: "Add recruiters and admins, change roles, deactivate." },
  { href: "/settings/privacy", title: "Data protection", text: "Erase a person, download their data, retention." },
  {
    href: "/settings/audit",
    title: "Audit log",
    text: "Who viewed, shared, exported, changed or erased what, and when.",
  },
  { href: "/settings/tokens", title: "API tokens", text: "Create read and admin tokens for the API; revoke them." },
];

export default async function SettingsPage() {
  await requireAdmin();
  const backlog = await inboxBacklog(db());
  return (
    <section>
      <h1 className="text-2xl font-semibold">Settings</h1>
      <InboxBacklogSummary backlog={backlog} />
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-300"
            >
              <span className="font-medium text-indigo-700">{section.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{section.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function formatAge(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7_200) return `${Math.floor(seconds / 60)} min`;
  return `${Math.floor(seconds / 3_600)} h`;
}

/** Stored deliveries not yet applied: what recruiters cannot see yet, and how fast it clears. */
function InboxBacklogSummary({ backlog }: { backlog: InboxBacklog }) {
  const facts = [
    { label: "Waiting to be applied", value: backlog.pending.toLocaleString("en") },
    {
      label: "Oldest waiting for",
      value: backlog.oldestPendingAgeSeconds === null ? "—" : formatAge(backlog.oldestPendingAgeSeconds),
    },
    { label: "Applied in the last minute", value: backlog.appliedLastMinute.toLocaleString("en") },
  ];
  return (
    <section aria-labelledby="inbox-backlog" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="inbox-backlog" className="font-medium">
        Inbox backlog
      </h2>
      <dl className="mt-2 grid gap-4 sm:grid-cols-3">
        {facts.map((fact) => (
          <div key={fact.label}>
            <dt className="text-sm text-slate-600">{fact.label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{fact.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
