"use server";
// Admin-only: the role is checked on the server before anything else.
import { refresh } from "next/cache";
import { requireAdminPrincipal } from "@/lib/server/auth/request-auth";
import { db } from "@/lib/server/db";
import { replaySelected, replaySelectionSchema } from "@/lib/server/event-log/replay";
import type { ReplayActionResult } from "./replay-result";

export async function replayAction(_previous: ReplayActionResult | null, form: FormData): Promise<ReplayActionResult> {
  const admin = await requireAdminPrincipal();
  if (!admin) return { ok: false, message: "Only an admin can replay deliveries. Sign in as an admin." };
  const selection = replaySelectionSchema.safeParse(form.getAll("deliveryId"));
  if (!selection.success) return { ok: false, message: selection.error.issues.map((issue) => issue.message).join(" ") };

  const result = await replaySelected(db(), selection.data, admin.userId);
  refresh();
  if (result.replayed === 0) {
    return { ok: false, message: "Nothing to replay: only failed or unrecognised deliveries can be replayed." };
  }
  const byStatus = new Map<string, number>();
  for (const outcome of result.outcomes) byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
  const counts = [...byStatus].map(([status, count]) => `${count} ${status}`).join(", ");
  const skipped =
    result.notReplayable > 0
      ? ` ${result.notReplayable} selected ${result.notReplayable === 1 ? "was" : "were"} not failed or unrecognised and left alone.`
      : "";
  return {
    ok: result.outcomes.every((outcome) => outcome.status === "processed"),
    message: `Replayed ${result.replayed} ${result.replayed === 1 ? "delivery" : "deliveries"}: ${counts}.${skipped}`,
    outcomes: result.outcomes,
  };
}
