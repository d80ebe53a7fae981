import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { afterSignInPath } from "../../shared/safe-redirect";
import { db } from "../db";
import { authSecret } from "./auth-secret";
import { verifyPassword } from "./password";
import { recordFailedSignIn, signInAllowed } from "./sign-in-throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        // One answer for every failure: the caller learns nothing about which part was wrong.
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          if (!(await signInAllowed(db(), request?.headers, email))) return null;
          const user = await db().user.findUnique({ where: { email } });
          const valid = await verifyPassword(password, user?.passwordHash ?? null);
          if (!user || !valid || !user.active) {
            await recordFailedSignIn(db(), request?.headers, email);
            return null;
          }
          await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
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
          token.sub = user.id;
          token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        // The role is read fresh from the database on each request (see session.ts), not from here.
        return { ...session, userId: token.sub, sessionVersion: token.sessionVersion };
      },
    },
  };
}
