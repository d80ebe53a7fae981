import "server-only";
// The audit actor behind an API request: the token or the signed-in user, with the label an
// admin recognises (a token's name, a user's email) as it is now.
import type { Db } from "../db";
import type { RequestPrincipal } from "../auth/request-auth";
import type { AuditActor } from "./record-audit";

export async function actorOfPrincipal(db: Db, principal: RequestPrincipal): Promise<AuditActor> {
  if (principal.kind === "token") {
    const token = await db.apiToken.findUnique({ where: { id: principal.tokenId }, select: { name: true } });
    return { kind: "token", id: principal.tokenId, label: token?.name ?? null };
  }
  const user = await db.user.findUnique({ where: { id: principal.userId }, select: { email: true } });
  return { kind: "user", id: principal.userId, label: user?.email ?? null };
}
