import Link from "next/link";

export default function JobNotFound() {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-xl font-semibold">No such job</h1>
      <p className="mt-2 text-slate-600">
        It may have been renamed by its provider or the link is incomplete.{" "}
        <Link href="/jobs" className="text-indigo-700 underline">
          See every job
        </Link>
        .
      </p>
    </section>
  );
}
