"use client";

import { useState } from "react";
import { setFollowJobAction } from "@/app/(app)/jobs/[id]/actions";
import { useServerAction } from "@/components/use-server-action";

/** "Follow this job": followers get an in-app notification when a candidate finishes. */
export function FollowJobButton({ jobId, following }: { jobId: string; following: boolean }) {
  const [isFollowing, setFollowing] = useState(following);
  const { run, pending, failure } = useServerAction(setFollowJobAction);

  function toggle() {
    run({ jobId, follow: !isFollowing }, (answer) => setFollowing(answer.following));
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={toggle}
        disabled={pending}
        aria-pressed={isFollowing}
        className={`rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${
          isFollowing
            ? "border-indigo-600 bg-indigo-50 text-indigo-800 hover:bg-indigo-100"
            : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
        }`}
      >
        {isFollowing ? "Following this job" : "Follow this job"}
      </button>
      <p className="text-xs text-slate-500">
        {isFollowing ? "You are notified when a candidate finishes." : "Get notified when a candidate finishes."}
      </p>
      {failure && (
        <p role="alert" className="text-xs text-rose-700">
          {failure.message}
        </p>
      )}
    </div>
  );
}
