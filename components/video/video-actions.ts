"use server";
// Recruiter actions for video interviews; any signed-in user may use them.
import { refresh } from "next/cache";
import { userActionClient } from "@/lib/server/actions/safe-action";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { videoClientFor } from "@/lib/server/providers/video/configuration";
import { createVideoAssessment } from "@/lib/server/providers/video/interviews/create-assessment";
import {
  createVideoAssessmentInput,
  inviteVideoCandidatesInput,
  refreshVideoInvitationsInput,
} from "@/lib/server/providers/video/interviews/inputs";
import { inviteVideoCandidates } from "@/lib/server/providers/video/interviews/invite-candidates";
import { refreshVideoInvitations } from "@/lib/server/providers/video/interviews/refresh-invitations";

export const createVideoInterviewAction = userActionClient
  .metadata({ actionName: "createVideoInterview" })
  .inputSchema(createVideoAssessmentInput)
  .action(async ({ parsedInput }) => {
    const created = await createVideoAssessment(db(), videoClientFor(env()), parsedInput);
    refresh();
    return created;
  });

export const inviteVideoCandidatesAction = userActionClient
  .metadata({ actionName: "inviteVideoCandidates" })
  .inputSchema(inviteVideoCandidatesInput)
  .action(async ({ parsedInput }) => {
    const outcome = await inviteVideoCandidates(db(), videoClientFor(env()), parsedInput);
    refresh();
    return outcome;
  });

export const refreshVideoStatusesAction = userActionClient
  .metadata({ actionName: "refreshVideoStatuses" })
  .inputSchema(refreshVideoInvitationsInput)
  .action(async ({ parsedInput: { assessmentId } }) => {
    const outcome = await refreshVideoInvitations(db(), videoClientFor(env()), assessmentId);
    refresh();
    return outcome;
  });
