"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { FormError, SubmitButton } from "@/components/form-controls";
import { afterSignInPath } from "@/lib/shared/safe-redirect";

/** The server refuses some tries before checking any password, as "reason:seconds" (lib/server/auth/options.ts). */
function signInErrorMessage(error: string | null | undefined): string {
  const [, reason, seconds] = /^(address-locked|account-delayed|busy):(\d+)$/.exec(error ?? "") ?? [];
  const wait = Number(seconds) >= 120 ? `${Math.ceil(Number(seconds) / 60)} minutes` : `${seconds} seconds`;
  if (reason === "address-locked") return `Too many failed sign-ins from your network. Try again in ${wait}.`;
  if (reason === "account-delayed") return `Too many failed sign-ins for this account. Try again in ${wait}.`;
  if (reason === "busy") return "The server is busy signing people in. Try again in a moment.";
  return "Email or password is incorrect.";
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  } catch {
    return "";
  }
}

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      // Stored at the first sign-in so pages show times in this person's zone (changeable later).
      timeZone: browserTimeZone(),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(signInErrorMessage(result?.error));
      return;
    }
    // Checked again against the origin the browser is really on (APP_URL may name another).
    window.location.assign(afterSignInPath(next, window.location.origin));
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <label className="block text-sm font-medium">
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base"
        />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base"
        />
      </label>
      <FormError message={error} />
      <SubmitButton pending={pending} label="Sign in" pendingLabel="Signing in…" fullWidth />
    </form>
  );
}
