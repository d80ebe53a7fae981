import type { Metadata } from "next";
import { MIN_PASSWORD_LENGTH } from "@/lib/server/auth/password";
import { requireUser } from "@/lib/server/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  // The one page someone with a temporary password may see: here they choose their own.
  const user = await requireUser({ whilePasswordChangeIsDue: true });
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
    </section>
  );
}
