import "server-only";
import bcrypt from "bcryptjs";

// bcrypt with cost 12 (~250 ms here): slow enough to resist offline guessing, fast
// enough for a sign-in. bcryptjs is pure JS, so nothing native to build.
const COST = 12;
// Compared against when the email is unknown, so both failures take the same time.
let unknownUserHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  unknownUserHash ??= bcrypt.hash("no such user", COST);
  const matches = await bcrypt.compare(password, hash ?? (await unknownUserHash));
  return hash !== null && matches;
}

export const MIN_PASSWORD_LENGTH = 10;
