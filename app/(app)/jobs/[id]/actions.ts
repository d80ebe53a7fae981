"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { userActionClient } from "@/lib/server/actions/safe-action";
import { db } from "@/lib/server/db";
import { UserFacingError } from "@/lib/server/errors";
import { setFollowingJob } from "@/lib/server/jobs/job-followers";

/** Follow or unfollow a job for the signed-in user; the user comes from the session, never the request. */
export const setFollowJobAction = userActionClient
  .metadata({ actionName: "setFollowJob" })
  .inputSchema(z.object({ jobId: z.string().min(1).max(100), follow: z.boolean() }))
  .action(async ({ parsedInput: { jobId, follow }, ctx: { user } }) => {
    const outcome = await setFollowingJob(db(), jobId, user.id, follow);
    if (outcome === "no-such-job") throw new UserFacingError("This job no longer exists.");
    refresh();
    return { following: outcome === "following" };
  });
