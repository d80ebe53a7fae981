import "server-only";
import { NextResponse } from "next/server";
import { db } from "../db";
import { fixedWindowLimiter } from "../rate-limit/fixed-window";
import type { Role } from "../../shared/vocabulary";
import { findUsableToken, scopeIncludes, type ApiScope } from "./api-tokens";
import { PASSWORD_CHANGE_DUE_MESSAGE } from "./password-change-due";
import { getCurrentUser } from "./session";

export type { ApiScope } from "./api-tokens";

export type RequestPrincipal =
  | { kind: "user"; userId: string; role: Role; mustChangePassword: boolean }
  | { kind: "token"; tokenId: string; scope: ApiScope };

/** docs/contract.md §5: each token may make 600 requests a minute. */
export const apiTokenLimiter = fixedWindowLimiter({ scope: "api-token", limit: 600, windowMs: 60_000 });

/**
 * Who is calling an API route: a bearer token (neither revoked nor expired), or else a
 * signed-in session. Null: answer 401. Counts nothing against the token's rate limit; routes
 * that serve data use requireApiAccess, which does.
 */
export async function authenticateRequest(request: Request, now = new Date()): Promise<RequestPrincipal | null> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) return null;
    const token = await findUsableToken(db(), match[1], now);
    return token ? { kind: "token", tokenId: token.id, scope: token.scope } : null;
  }
  const user = await getCurrentUser();
  return user
    ? { kind: "user", userId: user.id, role: user.role, mustChangePassword: user.mustChangePassword ?? false }
    : null;
}

/**
 * What a caller may do: an `admin` token or a signed-in admin has the admin scope. A session
 * whose temporary password is still to be changed has no scope at all until it is.
 */
export function principalHasScope(principal: RequestPrincipal | null, scope: ApiScope): boolean {
  if (!principal) return false;
  if (principal.kind === "user" && principal.mustChangePassword) return false;
  const held: ApiScope = principal.kind === "token" ? principal.scope : principal.role === "admin" ? "admin" : "read";
  return scopeIncludes(held, scope);
}

export type ApiAccess = { ok: true; principal: RequestPrincipal } | { ok: false; response: NextResponse };

/**
 * The one check an API route makes before it serves anything: 401 without a valid token or
 * session, 429 with Retry-After past a token's 600 requests a minute, 403 when the caller's
 * scope does not cover `scope` (a `read` token, or a recruiter, asking for `admin`), and 403
 * for a session whose temporary password must be changed first (tokens are not affected).
 *
 *   const access = await requireApiAccess(request, "admin");
 *   if (!access.ok) return access.response;
 */
export async function requireApiAccess(request: Request, scope: ApiScope, now = new Date()): Promise<ApiAccess> {
  const principal = await authenticateRequest(request, now);
  if (!principal) {
    return {
      ok: false,
      response: NextResponse.json(
        { error: "unauthorized: send Authorization: Bearer <token>, or sign in" },
        { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
      ),
    };
  }
  if (principal.kind === "token") {
    const limit = await apiTokenLimiter.consume(db(), principal.tokenId, now);
    if (!limit.allowed) {
      return {
        ok: false,
        response: NextResponse.json(
          { error: `too many requests: this token may make ${limit.limit} a minute` },
          { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
        ),
      };
    }
  }
  if (principal.kind === "user" && principal.mustChangePassword) {
    return { ok: false, response: NextResponse.json({ error: PASSWORD_CHANGE_DUE_MESSAGE }, { status: 403 }) };
  }
  if (!principalHasScope(principal, scope)) {
    return {
      ok: false,
      response: NextResponse.json({ error: `forbidden: this needs the ${scope} scope` }, { status: 403 }),
    };
  }
  return { ok: true, principal };
}
