import Link from "next/link";

export default function CandidateNotFound() {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-xl font-semibold">No such candidate</h1>
      <p className="mt-2 text-slate-600">
        The link may be incomplete.{" "}
        <Link href="/jobs" className="text-indigo-700 underline">
          Find them through their job
        </Link>
        .
      </p>
    </section>
  );
}
