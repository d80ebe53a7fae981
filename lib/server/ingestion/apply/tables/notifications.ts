import "server-only";
// Notification rows for the set-based apply: a job's active followers hear when a candidate
// finishes; one read of the followers and one insert for the whole batch.
import type { Tx } from "../../../db";
import type { BatchState } from "../state";

export async function notifyFollowers(tx: Tx, state: BatchState): Promise<void> {
  if (state.notifications.length === 0) return;
  const members = await tx.jobMember.findMany({
    where: { jobId: { in: [...new Set(state.notifications.map((note) => note.jobId))] }, user: { active: true } },
    select: { jobId: true, userId: true },
  });
  if (members.length === 0) return;
  const followers = new Map<string, string[]>();
  for (const member of members) followers.set(member.jobId, [...(followers.get(member.jobId) ?? []), member.userId]);
  const data = state.notifications.flatMap((note) =>
    (followers.get(note.jobId) ?? []).map((userId) => ({
      userId,
      attemptId: note.attemptId,
      title: `${note.candidateName ?? "A candidate"} ${note.status === "completed" ? "completed" : `is ${note.status.replace("_", " ")}`}`,
      body: `${note.jobTitle ?? "Job"}: the result is in.`,
    })),
  );
  if (data.length > 0) await tx.notification.createMany({ data });
}
