import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { pollerStatus } from "@/lib/server/providers/poller-status";
import { smartAiProvider } from "@/lib/server/providers/smartai/provider";
import { log } from "@/lib/server/log";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const poller = await pollerStatus(db(), smartAiProvider);
    return NextResponse.json({ ok: true, db: "ok", poller }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    log.error({ err: error }, "health check: database unreachable");
    return NextResponse.json({ ok: false, db: "error", poller: null }, { status: 503 });
  }
}
