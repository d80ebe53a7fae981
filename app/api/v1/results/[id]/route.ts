import { NextResponse } from "next/server";
import { authenticateRequest } from "@/lib/server/auth/request-auth";
import { db } from "@/lib/server/db";
import { loadResultDetail } from "@/lib/server/results/result-detail";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!(await authenticateRequest(request))) {
    return NextResponse.json(
      { error: "unauthorized: send Authorization: Bearer <token>, or sign in" },
      { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
    );
  }
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
