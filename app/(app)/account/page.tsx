import type { Metadata } from "next";
import { MIN_PASSWORD_LENGTH } from "@/lib/server/auth/password";
import { requireUser } from "@/lib/server/auth/session";
import { resolveTimeZone, timeZoneNames } from "@/lib/shared/date-time";
import { ChangePasswordForm } from "./change-password-form";
import { TimeZoneForm } from "./time-zone-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  // The one page someone with a temporary password may see: here they choose their own.
  const user = await requireUser({ whilePasswordChangeIsDue: true });
  const timeZone = resolveTimeZone(user.timeZone);
  // A browser may have reported an alias (Asia/Kolkata) this server's list names otherwise.
  const zones = timeZoneNames().includes(timeZone) ? timeZoneNames() : [timeZone, ...timeZoneNames()];
  return (
    <section className="max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <p className="text-sm text-slate-600">
        Signed in as {user.email} ({user.role}).
      </p>
      {user.mustChangePassword && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          An admin gave you a temporary password. Choose your own password to continue.
        </p>
      )}
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-lg font-semibold">Change your password</h2>
        <p className="mt-1 text-sm text-slate-600">Your other sessions are signed out when you change it.</p>
        <ChangePasswordForm minPasswordLength={MIN_PASSWORD_LENGTH} />
      </div>
      {!user.mustChangePassword && (
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="text-lg font-semibold">Time zone</h2>
          <p className="mt-1 text-sm text-slate-600">
            Pages show times in this zone and name it.
            {user.timeZone ? "" : " Not set yet: times are shown in UTC until you choose one or sign in again."}
          </p>
          <TimeZoneForm current={timeZone} zones={zones} now={new Date().toISOString()} />
        </div>
      )}
    </section>
  );
}
