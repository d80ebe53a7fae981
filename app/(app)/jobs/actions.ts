"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { userActionClient } from "@/lib/server/actions/safe-action";
import { db } from "@/lib/server/db";
import { UserFacingError } from "@/lib/server/errors";
import { setJobArchived } from "@/lib/server/insights/job-archive";

/** Archive or restore a job in the signed-in user's own /jobs list; others' lists are untouched. */
export const setJobArchivedAction = userActionClient
  .metadata({ actionName: "setJobArchived" })
  .inputSchema(z.object({ jobId: z.string().min(1).max(100), archived: z.boolean() }))
  .action(async ({ parsedInput: { jobId, archived }, ctx: { user } }) => {
    const outcome = await setJobArchived(db(), user.id, jobId, archived);
    if (outcome === "no-such-job") throw new UserFacingError("This job no longer exists.");
    refresh();
    return { archived: outcome === "archived" };
  });
