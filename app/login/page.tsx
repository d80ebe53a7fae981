import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/server/auth/session";
import { env } from "@/lib/server/env";
import { afterSignInPath } from "@/lib/shared/safe-redirect";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  if (await getCurrentUser()) redirect("/jobs");
  const { callbackUrl } = await searchParams;
  // Only this app's own pages: an open redirect after sign-in is a phishing aid.
  const next = afterSignInPath(typeof callbackUrl === "string" ? callbackUrl : null, env().APP_URL);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Assessment Hub</h1>
        <p className="mt-1 text-sm text-slate-600">Sign in to see your candidates&apos; results.</p>
        <LoginForm next={next} />
      </div>
    </main>
  );
}
