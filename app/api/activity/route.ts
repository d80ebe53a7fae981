import { NextResponse } from "next/server";
import { getCurrentUserWithoutActivity } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { activityStamp } from "@/lib/server/results/activity";

/** For open pages: a fingerprint that changes when a result or one of the user's notifications does. */
export async function GET() {
  // Open tabs poll this every few seconds: that is not use, so it does not hold off the idle timeout.
  const user = await getCurrentUserWithoutActivity();
  if (!user) return NextResponse.json({ error: "unauthorized: sign in" }, { status: 401 });
  return NextResponse.json({ stamp: await activityStamp(db(), user.id) }, { headers: { "Cache-Control": "no-store" } });
}
