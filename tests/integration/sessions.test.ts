// Issue 13 item 5: a session ends on the server. Sign-in and sign-out go through next-auth's
// real route handler; /api/activity is the route the issue tried a copied cookie against.
// Next's request scope is not there outside a server, so next/headers answers from the
// cookies and headers this test holds (next-auth reads them through require("next/headers")).
import bcrypt from "bcryptjs";
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { beforeEach, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { endSessions, liveUserSession, startUserSession } from "@/lib/server/auth/user-sessions";
import { describeEachDatabase } from "../support/databases";

process.env.AUTH_SECRET ??= "sessions-test-secret-that-is-long-enough-0123";

const state = vi.hoisted(() => ({ db: null as Db | null }));
vi.mock("@/lib/server/db", () => ({
  db: () => {
    if (!state.db) throw new Error("test database not set");
    return state.db;
  },
}));

const jar = new Map<string, string>();
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
nextHeaders.cookies = async () => ({
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
});
nextHeaders.headers = async () => new Headers({ host: "localhost:3000", "x-forwarded-for": "198.51.100.20" });

const authRoute = await import("@/app/api/auth/[...nextauth]/route");
const activityRoute = await import("@/app/api/activity/route");

const BASE = "http://localhost:3000";
const PASSWORD = "a password of some length";

function remember(response: Response) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const [name, ...value] = pair!.split("=");
    if (/expires=Thu, 01 Jan 1970/i.test(cookie) || value.join("=") === "") jar.delete(name!);
    else jar.set(name!, decodeURIComponent(value.join("=")));
  }
}

async function auth(method: "GET" | "POST", action: string[], form?: Record<string, string>) {
  const request = new NextRequest(`${BASE}/api/auth/${action.join("/")}`, {
    method,
    headers: form ? { "content-type": "application/x-www-form-urlencoded" } : {},
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  const response = await authRoute.POST(request, { params: Promise.resolve({ nextauth: action }) });
  remember(response);
  return response;
}

async function csrfToken(): Promise<string> {
  return ((await (await auth("GET", ["csrf"])).json()) as { csrfToken: string }).csrfToken;
}

const activity = async () => (await activityRoute.GET()).status;
const sessionCookie = () => [...jar].find(([name]) => name.endsWith("next-auth.session-token"));

describeEachDatabase("sessions", (getDb) => {
  beforeEach(async () => {
    state.db = getDb();
    jar.clear();
  });

  it("a session cookie copied before sign-out answers 401 on /api/activity afterwards", async () => {
    await getDb().user.create({
      data: { email: "copy@hub.test", name: "C", role: "recruiter", passwordHash: await bcrypt.hash(PASSWORD, 4) },
    });
    const signIn = await auth("POST", ["callback", "credentials"], {
      csrfToken: await csrfToken(),
      email: "copy@hub.test",
      password: PASSWORD,
      json: "true",
    });
    expect(signIn.status).toBe(200);
    const copied = sessionCookie();
    expect(copied).toBeDefined();
    expect(await activity()).toBe(200);

    await auth("POST", ["signout"], { csrfToken: await csrfToken(), json: "true" });
    expect(sessionCookie()).toBeUndefined();
    jar.set(copied![0], copied![1]);
    expect(await activity()).toBe(401);
    const row = await getDb().userSession.findFirstOrThrow({ where: { user: { email: "copy@hub.test" } } });
    expect(row.endedReason).toBe("signed-out");
  });

  const limits = { idleMs: 8 * 3_600_000, maxMs: 24 * 3_600_000 };
  const start = new Date("2026-03-02T08:00:00Z");
  const after = (hours: number) => new Date(start.getTime() + hours * 3_600_000);

  async function newSession() {
    const user = await getDb().user.create({
      data: { email: `s${Math.random()}@hub.test`, name: "S", passwordHash: "x" },
    });
    return startUserSession(getDb(), { userId: user.id, ipAddress: "192.0.2.1", userAgent: null }, start);
  }

  it("ends a session after 8 hours without use, measured from its last use", async () => {
    const token = await newSession();
    expect(await liveUserSession(getDb(), token, limits, after(7.9))).not.toBeNull();
    expect(await liveUserSession(getDb(), token, limits, after(15.8))).not.toBeNull();
    expect(await liveUserSession(getDb(), token, limits, after(23.8))).toBeNull();
    // Once ended it stays ended, whatever the clock says.
    expect(await liveUserSession(getDb(), token, limits, after(16))).toBeNull();
  });

  it("does not let background polling hold off the idle timeout", async () => {
    const token = await newSession();
    for (const hours of [2, 4, 6]) {
      expect(await liveUserSession(getDb(), token, limits, after(hours), { activity: false })).not.toBeNull();
    }
    expect(await liveUserSession(getDb(), token, limits, after(8))).toBeNull();
  });

  it("ends a session 24 hours after sign-in however busy it is", async () => {
    const token = await newSession();
    for (let hours = 1; hours < 24; hours += 1) {
      expect(await liveUserSession(getDb(), token, limits, after(hours))).not.toBeNull();
    }
    expect(await liveUserSession(getDb(), token, limits, after(24))).toBeNull();
    expect((await getDb().userSession.findFirstOrThrow({ where: { endedReason: "lifetime" } })).endedAt).toEqual(
      after(24),
    );
  });

  it("ends one session when an admin asks, and leaves the person's others", async () => {
    const first = await newSession();
    const row = await getDb().userSession.findFirstOrThrow({
      orderBy: { createdAt: "desc" },
      where: { endedAt: null },
    });
    const second = await startUserSession(
      getDb(),
      { userId: row.userId, ipAddress: "192.0.2.2", userAgent: null },
      start,
    );
    await endSessions(getDb(), { id: row.id }, "ended-by-admin", after(1));
    expect(await liveUserSession(getDb(), first, limits, after(1))).toBeNull();
    expect(await liveUserSession(getDb(), second, limits, after(1))).not.toBeNull();
  });
});
