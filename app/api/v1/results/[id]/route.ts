import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/server/auth/request-auth";
import { db } from "@/lib/server/db";
import { loadResultDetail } from "@/lib/server/results/result-detail";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await requireApiAccess(request, "read");
  if (!access.ok) return access.response;
  const { id } = await params;
  const detail = id.length <= 200 ? await loadResultDetail(db(), id) : null;
  if (!detail) {
    return NextResponse.json(
      { error: `no result with id "${id.slice(0, 200)}": list results at /api/v1/results` },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  }
  return NextResponse.json(detail, { headers: { "Cache-Control": "no-store" } });
}
