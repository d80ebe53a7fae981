import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/server/auth/request-auth";
import { db } from "@/lib/server/db";
import { InvalidCursorError, listResults, resultsQuerySchema } from "@/lib/server/results/api-results";

export async function GET(request: Request) {
  const access = await requireApiAccess(request, "read");
  if (!access.ok) return access.response;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = resultsQuerySchema.safeParse(params);
  if (!query.success) {
    const problems = query.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    return NextResponse.json({ error: `invalid query: ${problems.join("; ")}` }, { status: 400 });
  }
  try {
    return NextResponse.json(await listResults(db(), query.data), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof InvalidCursorError) return NextResponse.json({ error: error.message }, { status: 400 });
    throw error;
  }
}
