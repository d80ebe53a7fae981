import { NextResponse } from "next/server";
import { authenticateRequest, principalHasScope, type RequestPrincipal } from "@/lib/server/auth/request-auth";
import { db } from "@/lib/server/db";
import { pollerStatus } from "@/lib/server/providers/poller-status";
import { smartAiProvider } from "@/lib/server/providers/smartai/provider";
import { log } from "@/lib/server/log";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * docs/contract.md §5: anyone may learn that the app and its database answer; the poller's details
 * (instance ids, SmartAI's error texts, which can name internal URLs) only an admin may see.
 */
function mayReadDetails(principal: RequestPrincipal | null): boolean {
  // A signed-in admin or an `admin`-scope token; a recruiter or a `read` token sees no more than anyone.
  return principalHasScope(principal, "admin");
}

export async function GET(request: Request) {
  try {
    await db().$queryRaw`SELECT 1`;
  } catch (error) {
    log.error({ err: error }, "health check: database unreachable");
    return NextResponse.json({ ok: false, db: "error" }, { status: 503, headers: NO_STORE });
  }
  const principal = await authenticateRequest(request).catch(() => null);
  if (!mayReadDetails(principal)) return NextResponse.json({ ok: true, db: "ok" }, { headers: NO_STORE });
  return NextResponse.json(
    { ok: true, db: "ok", poller: await pollerStatus(db(), smartAiProvider) },
    { headers: NO_STORE },
  );
}
