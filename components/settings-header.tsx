import Link from "next/link";

/** The heading every settings page starts with: a way back, the title, and what the page is for. */
export function SettingsHeader({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <p className="text-sm">
        <Link href="/settings" className="text-indigo-700 hover:underline">
          Settings
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{children}</p>
    </div>
  );
}

/** The card under a settings list that adds one more of it (a user, a token): a heading and its form. */
export function SettingsFormCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="max-w-md rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </div>
  );
}
