"use server";
// Recruiter actions for video interviews. Any signed-in user may use them; the session is
// checked here, on the server, for every call, and every input is checked with zod.
import { refresh } from "next/cache";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { videoClientFor } from "@/lib/server/providers/video/configuration";
import { createVideoAssessment } from "@/lib/server/video/create-assessment";
import { failureResult, type VideoActionResult } from "@/lib/server/video/errors";
import {
  createVideoAssessmentInput,
  inviteVideoCandidatesInput,
  refreshVideoInvitationsInput,
} from "@/lib/server/video/inputs";
import { inviteVideoCandidates, type InviteOutcome } from "@/lib/server/video/invite-candidates";
import { refreshVideoInvitations, type RefreshOutcome } from "@/lib/server/video/refresh-invitations";

const SIGNED_OUT = {
  ok: false,
  error: "Your session has ended. Sign in again, then try once more.",
  retryable: false,
} as const;

export async function createVideoInterviewAction(input: unknown): Promise<VideoActionResult<{ assessmentId: string }>> {
  if (!(await getCurrentUser())) return SIGNED_OUT;
  const parsed = createVideoAssessmentInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const created = await createVideoAssessment(db(), videoClientFor(env()), parsed.data);
    refresh();
    return { ok: true, value: created };
  } catch (error) {
    return failureResult(error);
  }
}

export async function inviteVideoCandidatesAction(input: unknown): Promise<VideoActionResult<InviteOutcome>> {
  if (!(await getCurrentUser())) return SIGNED_OUT;
  const parsed = inviteVideoCandidatesInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const outcome = await inviteVideoCandidates(db(), videoClientFor(env()), parsed.data);
    refresh();
    return { ok: true, value: outcome };
  } catch (error) {
    return failureResult(error);
  }
}

export async function refreshVideoStatusesAction(input: unknown): Promise<VideoActionResult<RefreshOutcome>> {
  if (!(await getCurrentUser())) return SIGNED_OUT;
  const parsed = refreshVideoInvitationsInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const outcome = await refreshVideoInvitations(db(), videoClientFor(env()), parsed.data.assessmentId);
    refresh();
    return { ok: true, value: outcome };
  } catch (error) {
    return failureResult(error);
  }
}

function invalid(error: z.ZodError): VideoActionResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
  return { ok: false, error: "Some fields need another look.", retryable: false, fieldErrors };
}
