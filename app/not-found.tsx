import Link from "next/link";

// Any address the app does not know: say so, and offer the way back in.
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <section className="rounded-lg border border-slate-200 bg-white p-8">
        <h1 className="text-xl font-semibold">Page not found</h1>
        <p className="mt-2 text-slate-600">
          The address may be mistyped or out of date.{" "}
          <Link href="/jobs" className="text-indigo-700 underline">
            Go to the jobs list
          </Link>{" "}
          (you will be asked to sign in if you are not).
        </p>
      </section>
    </main>
  );
}
