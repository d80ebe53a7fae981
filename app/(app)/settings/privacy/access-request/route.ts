import { NextResponse } from "next/server";
import { z } from "zod";
import { userActor } from "@/lib/server/audit/record-audit";
import { getCurrentUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { exportPersonData } from "@/lib/server/privacy/access-export";

const requestSchema = z.union([
  z.object({ candidateId: z.string().trim().min(1).max(64) }),
  z.object({ email: z.email().max(320) }),
]);

/**
 * A data-subject access request: everything held about one person as a JSON download, for an
 * admin, by a same-site form (POST, so the email never sits in a URL or an access log). Audited.
 */
export async function POST(request: Request) {
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return NextResponse.json({ error: "cross-site request refused" }, { status: 403 });
  }
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "unauthorized: sign in as an admin" }, { status: 401 });
  if (user.role !== "admin") return NextResponse.json({ error: "forbidden: admins only" }, { status: 403 });
  let fields: Record<string, string>;
  try {
    const form = await request.formData();
    fields = Object.fromEntries(
      [...form.entries()].filter(([, value]) => typeof value === "string" && value.trim() !== ""),
    ) as Record<string, string>;
  } catch {
    return NextResponse.json({ error: "send the person's email or candidate id as form data" }, { status: 400 });
  }
  const parsed = requestSchema.safeParse(
    fields.candidateId ? { candidateId: fields.candidateId } : { email: fields.email },
  );
  if (!parsed.success) return NextResponse.json({ error: "enter a valid email address" }, { status: 400 });

  const document = await exportPersonData(db(), parsed.data, userActor(user));
  if (!document) return NextResponse.json({ error: "nothing is held about this person" }, { status: 404 });
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="personal-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
