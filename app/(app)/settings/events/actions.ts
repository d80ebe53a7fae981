"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formInput } from "@/lib/server/actions/form-input";
import { adminActionClient } from "@/lib/server/actions/safe-action";
import { recordAudit, userActor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db";
import { UserFacingError } from "@/lib/server/errors";
import { replaySelected, replaySelectionSchema } from "@/lib/server/event-log/replay";

export const replayAction = adminActionClient
  .metadata({ actionName: "replayDeliveries" })
  .inputSchema(formInput(z.object({ deliveryId: replaySelectionSchema }), { lists: ["deliveryId"] }))
  .stateAction(async ({ parsedInput: { deliveryId }, ctx: { user } }) => {
    const result = await replaySelected(db(), deliveryId, user.id);
    await recordAudit(db(), {
      actor: userActor(user),
      action: "deliveries.replayed",
      details: { replayed: result.replayed },
    });
    refresh();
    if (result.replayed === 0) {
      throw new UserFacingError("Nothing to replay: only failed or unrecognised deliveries can be replayed.");
    }
    return { message: replaySummary(result), outcomes: result.outcomes };
  });

function replaySummary({ replayed, outcomes, notReplayable }: Awaited<ReturnType<typeof replaySelected>>): string {
  const byStatus = new Map<string, number>();
  for (const outcome of outcomes) byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
  const counts = [...byStatus].map(([status, count]) => `${count} ${status}`).join(", ");
  const skipped =
    notReplayable > 0
      ? ` ${notReplayable} selected ${notReplayable === 1 ? "was" : "were"} not failed or unrecognised and left alone.`
      : "";
  return `Replayed ${replayed} ${replayed === 1 ? "delivery" : "deliveries"}: ${counts}.${skipped}`;
}
