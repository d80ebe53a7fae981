"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { userActionClient } from "@/lib/server/actions/safe-action";
import { db } from "@/lib/server/db";
import { UserFacingError } from "@/lib/server/errors";
import { linkAssessmentToJob, unlinkAssessment } from "@/lib/server/jobs/assessment-links";
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

/** Link an assessment that names no job (or one a person linked) to a job; its results follow. */
export const linkAssessmentAction = userActionClient
  .metadata({ actionName: "linkAssessment" })
  .inputSchema(z.object({ assessmentId: z.string().min(1).max(100), jobId: z.string().min(1).max(100) }))
  .action(async ({ parsedInput: { assessmentId, jobId }, ctx: { user } }) => {
    await linkAssessmentToJob(db(), { assessmentId, jobId, userId: user.id });
    refresh();
    return { linked: true };
  });

/** Undo a person's link: the assessment and its results go back to "not linked to a job". */
export const unlinkAssessmentAction = userActionClient
  .metadata({ actionName: "unlinkAssessment" })
  .inputSchema(z.object({ assessmentId: z.string().min(1).max(100) }))
  .action(async ({ parsedInput: { assessmentId } }) => {
    await unlinkAssessment(db(), assessmentId);
    refresh();
    return { unlinked: true };
  });
