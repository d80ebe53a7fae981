import "server-only";
// Slows password guessing: after 10 wrong passwords for one email from one address within
// 15 minutes, that pair is refused until the window ends. Only failures count, so people
// who sign in correctly (and test suites) are never held up; keying on the pair means a
// stranger cannot lock a colleague out from elsewhere.
import type { Db } from "../db";
import { clientIp } from "../rate-limit/client-ip";
import { fixedWindowLimiter } from "../rate-limit/fixed-window";

export const signInFailureLimiter = fixedWindowLimiter({ scope: "sign-in", limit: 10, windowMs: 15 * 60_000 });

/** next-auth hands authorize() the request headers as a plain object. */
type HeaderRecord = Record<string, unknown> | undefined;

function subjectOf(headers: HeaderRecord, email: string): string {
  const plain = Object.entries(headers ?? {}).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  return `${clientIp(new Headers(plain))}:${email}`;
}

// `now` is the clock reading the window is taken from: the system clock, except in tests
// that step across a window's edge.
export async function signInAllowed(
  db: Db,
  headers: HeaderRecord,
  email: string,
  now: Date = new Date(),
): Promise<boolean> {
  return (await signInFailureLimiter.peek(db, subjectOf(headers, email), now)).allowed;
}

export async function recordFailedSignIn(
  db: Db,
  headers: HeaderRecord,
  email: string,
  now: Date = new Date(),
): Promise<void> {
  await signInFailureLimiter.consume(db, subjectOf(headers, email), now);
}
