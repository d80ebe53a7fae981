// Next 16's request interceptor (formerly middleware.ts), run before every page, route
// handler and server action. It sets the Content-Security-Policy with a fresh nonce per
// request and passes the policy on as a request header, the documented way for Next to put
// the nonce on its own scripts (pages are rendered per request, see app/layout.tsx). It
// protects nothing else: every page and handler checks the session itself.
import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/server/env";
import { securityHeaders } from "@/lib/server/security/security-headers";

export function proxy(request: NextRequest) {
  const nonce = randomBytes(16).toString("base64");
  const headers = securityHeaders(env(), nonce, request.nextUrl.pathname);
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  const policy = headers["Content-Security-Policy"];
  if (policy) forwarded.set("Content-Security-Policy", policy);
  else forwarded.delete("Content-Security-Policy");
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build files carry no markup to protect and are served with the fixed headers of
  // next.config.js; everything else, API routes included, gets the policy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
