// Signs in through the app's real credentials flow (NextAuth: CSRF token, then the credentials
// callback), the way a browser does, and returns the Cookie header a signed-in user sends.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import bcrypt from "bcryptjs";

/** A recruiter account written straight into a SQLite database the app will serve. */
export function addRecruiter(file: string, email: string, password: string): void {
  const sqlite = new Database(file);
  try {
    const now = new Date().toISOString().replace("Z", "+00:00");
    sqlite
      .prepare(
        `INSERT INTO "User" (id, email, name, passwordHash, role, active, sessionVersion, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'recruiter', 1, 0, ?, ?)`,
      )
      .run(`user_${randomUUID()}`, email, "Bench Recruiter", bcrypt.hashSync(password, 10), now, now);
  } finally {
    sqlite.close();
  }
}

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

export async function signIn(appUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrf);
  const callback = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${appUrl}/jobs`, json: "true" }),
  });
  const cookie = [...jar, ...cookiesFrom(callback)].join("; ");
  const session = await fetch(`${appUrl}/api/auth/session`, { headers: { cookie } });
  const user = ((await session.json()) as { user?: { email?: string } }).user;
  if (user?.email !== email) throw new Error(`signing in as ${email} failed (callback answered ${callback.status})`);
  return cookie;
}
