"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { setFollowingJob } from "@/lib/server/jobs/job-followers";

const followInput = z.object({ jobId: z.string().min(1).max(100), follow: z.boolean() });

export type FollowJobResult = { ok: true; following: boolean } | { ok: false; error: string };

/** Follow or unfollow a job for the signed-in user; the user comes from the session, never the request. */
export async function setFollowJobAction(input: { jobId: string; follow: boolean }): Promise<FollowJobResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Your session has ended: sign in again." };
  const parsed = followInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That request was not understood." };
  const outcome = await setFollowingJob(db(), parsed.data.jobId, user.id, parsed.data.follow);
  if (outcome === "no-such-job") return { ok: false, error: "This job no longer exists." };
  refresh();
  return { ok: true, following: outcome === "following" };
}
