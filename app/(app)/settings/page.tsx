import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/server/auth/session";
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
];

export default async function SettingsPage() {
  await requireAdmin();
  return (
    <section>
      <h1 className="text-2xl font-semibold">Settings</h1>
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
