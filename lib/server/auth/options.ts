import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { timeZoneSchema } from "../../shared/date-time";
import { afterSignInPath } from "../../shared/safe-redirect";
import { db } from "../db";
import { env } from "../env";
import { clientIp } from "../rate-limit/client-ip";
import { authSecret } from "./auth-secret";
import { attemptSignIn } from "./sign-in";
import { endUserSessionByToken } from "./user-sessions";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(320),
  password: z.string().min(1).max(1024),
  // The browser's zone, for pages' times: an unknown or missing one never blocks signing in.
  timeZone: timeZoneSchema.optional().catch(undefined),
});

/** next-auth hands authorize() the request headers as a plain object. */
function headersOf(raw: Record<string, unknown> | undefined): Headers {
  const plain = Object.entries(raw ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return new Headers(plain);
}

export function authOptions(): NextAuthOptions {
  const settings = env();
  return {
    secret: authSecret(settings),
    // The cookie outlives no session: the session row (user-sessions.ts) ends it sooner on idle time.
    session: { strategy: "jwt", maxAge: settings.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" }, timeZone: { type: "text" } },
        // A wrong email and a wrong password get one answer. A refusal before any password was
        // checked (too many tries, a flood) is thrown: next-auth hands its message, "reason:seconds",
        // to the sign-in form as the error, which says when to try again.
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const headers = headersOf(request?.headers as Record<string, unknown> | undefined);
          const outcome = await attemptSignIn(
            db(),
            {
              email: parsed.data.email,
              password: parsed.data.password,
              ipAddress: clientIp(headers),
              userAgent: headers.get("user-agent"),
              timeZone: parsed.data.timeZone ?? null,
            },
            new Date(),
          );
          if (outcome.ok) return { ...outcome.user, sessionToken: outcome.sessionToken };
          if (outcome.reason === "invalid") return null;
          throw new Error(`${outcome.reason}:${outcome.retryAfterSeconds}`);
        },
      }),
    ],
    callbacks: {
      // next-auth's own check accepts any URL starting with "/", "/\evil.example" included.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${afterSignInPath(url, baseUrl)}`;
      },
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as { id: string; sessionVersion?: number; sessionToken?: string };
          token.sub = signedIn.id;
          token.sessionVersion = signedIn.sessionVersion ?? 0;
          token.sid = signedIn.sessionToken;
        }
        return token;
      },
      session({ session, token }) {
        // The role is read fresh from the database on each request (see session.ts), not from here.
        // The session id is worth nothing without the signed cookie that carries it.
        return { ...session, userId: token.sub, sessionVersion: token.sessionVersion, sid: token.sid };
      },
    },
    events: {
      // Sign-out ends the session on the server too: a copy of the cookie stops working.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endUserSessionByToken(db(), token.sid, new Date());
      },
    },
  };
}
