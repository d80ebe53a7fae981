import "server-only";
// GET /r/<token>, as a complete HTTP answer. Served from a route handler rather than a page:
// a page cannot answer 410 Gone or 429 (the App Router only knows 200/404/redirects), and
// the exact status matters to the people and link checkers that meet an old link.
import type { Db } from "../db";
import { clientIp } from "../rate-limit/client-ip";
import { fixedWindowLimiter } from "../rate-limit/fixed-window";
import { messageDocument, reportDocument } from "./report-page";
import { recordShareView, resolveShareLink } from "./resolve-share-link";
import { loadSharedReport } from "./shared-report";

/** Tokens have 256 bits, so guessing is hopeless anyway; this keeps scanners from trying. */
export const shareLinkLookupLimiter = fixedWindowLimiter({ scope: "share-link", limit: 30, windowMs: 60_000 });

const BASE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store, max-age=0",
  "X-Robots-Tag": "noindex, nofollow, noarchive",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export async function serveSharedReport(db: Db, request: Request, token: string, now = new Date()): Promise<Response> {
  const limit = await shareLinkLookupLimiter.consume(db, clientIp(request.headers), now);
  if (!limit.allowed) {
    return respond(
      429,
      messageDocument(
        "Too many attempts",
        "Too many report links were opened from your network. Please wait a minute and try again.",
      ),
      {
        "Retry-After": String(limit.retryAfterSeconds),
      },
    );
  }
  const lookup = await resolveShareLink(db, token, now);
  if (lookup.outcome === "gone") {
    const why = lookup.reason === "revoked" ? "was withdrawn by the person who shared it" : "has expired";
    return respond(
      410,
      messageDocument(
        "This link no longer works",
        `This report link ${why}. If you still need the report, ask the person who sent it for a new link.`,
      ),
    );
  }
  const report = lookup.outcome === "found" ? await loadSharedReport(db, lookup.link) : null;
  if (lookup.outcome !== "found" || !report) {
    return respond(
      404,
      messageDocument("Report not found", "There is no report at this address. Check that the whole link was copied."),
    );
  }
  await recordShareView(db, lookup.link.id, request.headers.get("user-agent"), now);
  return respond(200, reportDocument(report));
}

function respond(status: number, body: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { ...BASE_HEADERS, ...extraHeaders } });
}
