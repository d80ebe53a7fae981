import "server-only";
import { db } from "../db";
import type { Role } from "../../shared/vocabulary";
import { hashToken } from "./secrets";
import { getCurrentUser } from "./session";

export type RequestPrincipal = { kind: "user"; userId: string; role: Role } | { kind: "token"; tokenId: string };

/** Who is calling an API route: a bearer token, or else a signed-in session. Null: answer 401. */
export async function authenticateRequest(request: Request): Promise<RequestPrincipal | null> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) return null;
    const token = await db().apiToken.findUnique({
      where: { tokenHash: hashToken(match[1]) },
      select: { id: true, revokedAt: true, lastUsedAt: true },
    });
    if (!token || token.revokedAt) return null;
    // Coarse last-use stamp: at most one write a minute per token.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    }
    return { kind: "token", tokenId: token.id };
  }
  const user = await getCurrentUser();
  return user ? { kind: "user", userId: user.id, role: user.role } : null;
}
