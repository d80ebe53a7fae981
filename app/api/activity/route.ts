import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { activityStamp } from "@/lib/server/results/activity";

/** For open pages: a fingerprint that changes when a result or one of the user's notifications does. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "unauthorized: sign in" }, { status: 401 });
  return NextResponse.json({ stamp: await activityStamp(db(), user.id) }, { headers: { "Cache-Control": "no-store" } });
}
