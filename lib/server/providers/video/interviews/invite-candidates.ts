import "server-only";
// A recruiter invites candidates to a video interview. The provider invites first; each
// invitation and its attempt (status invited) are stored only from its answer. The request
// is sent in one canonical form with a key derived from it, so a retry of the same
// invitation — after a timeout, a 5xx, or a reload — is replayed by the provider, never sent twice.
// People whose data was erased on request are not invited: an admin lifts the erasure first.
import type { Db } from "../../../db";
import type { InviteOutcome } from "../../../../shared/video-outcomes";
import { normaliseEmail } from "../../../../shared/vocabulary";
import { applyEvents } from "../../../ingestion/apply-events";
import { erasedAmong } from "../../../privacy/suppression";
import { invitationsSent } from "../adapter";
import type { InvitationInput, VideoClient } from "../client";
import { UserFacingError } from "../../../errors";
import { idempotencyKeyFor } from "./idempotency-key";
import type { InviteVideoCandidatesInput } from "./inputs";

export async function inviteVideoCandidates(
  db: Db,
  client: VideoClient,
  input: InviteVideoCandidatesInput,
): Promise<InviteOutcome> {
  const assessment = await db.assessment.findFirst({
    where: { id: input.assessmentId, provider: "video" },
    select: { id: true, externalId: true },
  });
  if (!assessment) throw new UserFacingError("This video interview no longer exists.");

  const byEmail = new Map<string, { name: string; email: string }>();
  for (const candidate of input.candidates) {
    const email = normaliseEmail(candidate.email);
    if (!byEmail.has(email)) byEmail.set(email, { name: candidate.name.trim(), email });
  }
  const existing = await db.invitation.findMany({
    where: { assessmentId: assessment.id, candidate: { email: { in: [...byEmail.keys()] } } },
    select: { candidate: { select: { email: true } } },
  });
  const alreadyInvited = existing.map((invitation) => invitation.candidate.email).sort();
  for (const email of alreadyInvited) byEmail.delete(email);
  // An erased person's email is neither sent to the provider nor stored again from its answer.
  const erased = [...(await erasedAmong(db, [...byEmail.keys()]))].sort();
  for (const email of erased) byEmail.delete(email);
  if (byEmail.size === 0) return { invited: [], alreadyInvited, erased };

  const request: InvitationInput = {
    candidates: [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email)),
    expiresInHours: input.expiresInDays * 24,
  };
  const received = await client.inviteCandidates(
    assessment.externalId,
    request,
    idempotencyKeyFor("invite", assessment.externalId, request),
  );
  const invitations = received.map((item) => item.invitation);

  await db.$transaction(async (tx) => {
    await applyEvents({ tx, provider: "video", deliveryId: null }, invitationsSent(invitations));
  });
  return {
    invited: invitations.map((invitation) => ({
      name: invitation.candidate.name ?? invitation.candidate.email,
      email: invitation.candidate.email,
      inviteUrl: invitation.candidateUrl,
    })),
    alreadyInvited,
    erased,
  };
}
