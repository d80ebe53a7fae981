"use client";

import { setJobArchivedAction } from "@/app/(app)/jobs/actions";
import { useServerAction } from "@/components/use-server-action";

/** Archive (or restore) a job in one's own list; the list re-renders without it. */
export function ArchiveJobButton({
  jobId,
  jobTitle,
  archived,
}: {
  jobId: string;
  jobTitle: string;
  archived: boolean;
}) {
  const { run, pending, failure } = useServerAction(setJobArchivedAction);
  return (
    <span className="inline-flex flex-col items-start">
      <button
        type="button"
        disabled={pending}
        onClick={() => run({ jobId, archived: !archived })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {archived ? "Restore" : "Archive"}
        <span className="sr-only"> {jobTitle}</span>
      </button>
      {failure && (
        <span role="alert" className="text-xs text-rose-700">
          {failure.message}
        </span>
      )}
    </span>
  );
}
