import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { db } from "@/server/db";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage() {
  const user = await requireUser();
  const jobs = await db().job.findMany({
    orderBy: { lastActivityAt: "desc" },
    take: 200,
    select: { id: true, title: true, lastActivityAt: true, _count: { select: { attempts: true } } },
  });
  return (
    <section>
      <h1 className="text-2xl font-semibold">Jobs</h1>
      {jobs.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-slate-600">
          No assessment results yet.{" "}
          {user.role === "admin" ? (
            <>
              Connect a provider on the <Link href="/settings" className="text-indigo-700 underline">settings page</Link>.
            </>
          ) : (
            "Ask an admin to connect an assessment provider."
          )}
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {jobs.map((job) => (
            <li key={job.id} className="flex items-center justify-between px-4 py-3">
              <Link href={`/jobs/${job.id}`} className="font-medium text-indigo-700 hover:underline">
                {job.title}
              </Link>
              <span className="text-sm text-slate-600">{job._count.attempts} results</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
