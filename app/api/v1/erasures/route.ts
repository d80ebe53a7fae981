import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiAccess } from "@/lib/server/auth/request-auth";
import { actorOfPrincipal } from "@/lib/server/audit/request-actor";
import { db } from "@/lib/server/db";
import { erasePerson } from "@/lib/server/privacy/erase-person";

const erasureRequestSchema = z.object({ email: z.email({ message: "must be an email address" }).max(320) });

/**
 * docs/contract.md §5: an `admin`-scope token (or a signed-in admin) erases a person by email:
 * `{"erased": true, …counts, "providers": […]}` once every trace is deleted, `{"erased": false}`
 * when nothing was held. Either way later deliveries about them are withheld.
 */
export async function POST(request: Request) {
  const access = await requireApiAccess(request, "admin");
  if (!access.ok) return access.response;
  let input: unknown;
  try {
    input = await request.json();
  } catch {
    return NextResponse.json({ error: 'send a JSON body: {"email": "…"}' }, { status: 400 });
  }
  const parsed = erasureRequestSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
    return NextResponse.json({ error: `invalid request: ${problems.join("; ")}` }, { status: 400 });
  }
  const database = db();
  const result = await erasePerson(
    database,
    { email: parsed.data.email },
    await actorOfPrincipal(database, access.principal),
  );
  const answer = result.erased ? { erased: true, ...result.counts, providers: result.providers } : { erased: false };
  return NextResponse.json(answer, { headers: { "Cache-Control": "no-store" } });
}
