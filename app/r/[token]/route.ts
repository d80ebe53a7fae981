// The shared report: the one page reachable without a session. A route handler, not a
// page, so expired/revoked links answer exactly 410 and too many lookups 429 (see
// lib/server/share/serve-shared-report.ts); the HTML is built with escaping throughout.
import { db } from "@/lib/server/db";
import { serveSharedReport } from "@/lib/server/share/serve-shared-report";

export async function GET(request: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  return serveSharedReport(db(), request, token);
}
