import "server-only";
// "Refresh statuses": reads every invitation of a video interview from the provider's status
// endpoint. An invitation newer than what the app holds is stored in the inbox as a delivery
// and applied by the same rules as a webhook (ordered by the provider's updatedAt), so a
// refresh and a late webhook can arrive in any order.
import type { Db } from "../../../db";
import type { RefreshOutcome } from "../../../../shared/video-outcomes";
import { storeDeliveries } from "../../../ingestion/inbox";
import { processDelivery } from "../../../ingestion/process-delivery";
import { INVITATION_STATUS_READ } from "../adapter";
import type { VideoClient } from "../client";
import { UserFacingError } from "../../../errors";

export async function refreshVideoInvitations(
  db: Db,
  client: VideoClient,
  assessmentId: string,
): Promise<RefreshOutcome> {
  const assessment = await db.assessment.findFirst({
    where: { id: assessmentId, provider: "video" },
    select: { externalId: true },
  });
  if (!assessment) throw new UserFacingError("This video interview no longer exists.");

  const received = await client.listAllInvitations(assessment.externalId);
  const known = await db.attempt.findMany({
    where: { provider: "video", externalKey: { in: received.map((item) => item.invitation.id) } },
    select: { externalKey: true, providerUpdatedAt: true },
  });
  const knownAt = new Map(known.map((attempt) => [attempt.externalKey, attempt.providerUpdatedAt?.getTime() ?? 0]));
  const newer = received.filter(
    ({ invitation }) => Date.parse(invitation.updatedAt) > (knownAt.get(invitation.id) ?? -1),
  );
  if (newer.length === 0) return { read: received.length, updated: 0 };

  const stored = await storeDeliveries(
    db,
    "video",
    newer.map(({ invitation, raw }) => ({
      // One delivery per invitation state: reading the same state again is a duplicate.
      externalId: `status:${invitation.id}:${invitation.updatedAt}`,
      source: "poll" as const,
      eventType: INVITATION_STATUS_READ,
      body: JSON.stringify(raw),
      providerTimestamp: new Date(invitation.updatedAt),
      candidateEmail: invitation.candidate.email,
    })),
  );
  let updated = 0;
  for (const delivery of stored.created) {
    if ((await processDelivery(db, delivery.id)) === "processed") updated += 1;
  }
  return { read: received.length, updated };
}
