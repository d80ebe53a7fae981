import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { SignOutButton } from "@/components/sign-out-button";
import { FocusMainOnNavigation } from "@/components/focus-main-on-navigation";
import { LiveUpdates } from "@/components/live-updates";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { AlertBanner } from "@/components/alerts/alert-banner";
import { TimeZoneProvider } from "@/components/time-zone";
import { resolveTimeZone } from "@/lib/shared/date-time";

const MAIN_ID = "main-content";

// Every page in this group needs a session; each page also checks on its own (layouts do
// not re-run on client navigation), so this is the shell, not the guard.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Pages send a person with a temporary password to /account; the shell around it must not.
  const user = await requireUser({ whilePasswordChangeIsDue: true });
  const timeZone = resolveTimeZone(user.timeZone);
  // Client components write times in the user's zone from here, as the server did: no mismatch.
  return (
    <TimeZoneProvider timeZone={timeZone}>
      <div className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <nav className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3" aria-label="Main">
            <Link href="/jobs" className="font-semibold text-indigo-700">
              Assessment Hub
            </Link>
            <Link href="/jobs" className="text-sm text-slate-700 hover:text-slate-950">
              Jobs
            </Link>
            {user.role === "admin" && (
              <Link href="/settings" className="text-sm text-slate-700 hover:text-slate-950">
                Settings
              </Link>
            )}
            <span className="ml-auto">
              <NotificationBell userId={user.id} />
            </span>
            <Link href="/account" className="text-sm text-slate-600 hover:text-slate-950">
              {user.name} <span className="text-slate-500">({user.role})</span>
            </Link>
            <SignOutButton />
          </nav>
        </header>
        {user.role === "admin" && <AlertBanner timeZone={timeZone} />}
        {/* Focused (not tabbed to) when the page changes in the browser: FocusMainOnNavigation. */}
        <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
          {children}
        </main>
        <FocusMainOnNavigation mainId={MAIN_ID} />
        <LiveUpdates />
      </div>
    </TimeZoneProvider>
  );
}
