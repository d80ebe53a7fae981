import "server-only";
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Settings } from "../../config/settings";
import { env } from "../env";

/** Where a generated secret is kept: the app's data folder, beside the demo's SQLite file. */
export const GENERATED_SECRET_FILE = join(process.cwd(), "data", "auth-secret");

const MIN_LENGTH = 32;

/**
 * AUTH_SECRET signs sessions. Production requires it and stops, naming the variable, when it
 * is missing. In demo mode and development a secret is generated once and kept in
 * data/auth-secret (readable by its owner only), so sessions survive restarts without a
 * value anyone could read in the source and use to forge a session elsewhere.
 */
export function authSecret(settings: Settings = env(), file = GENERATED_SECRET_FILE): string {
  if (settings.AUTH_SECRET) return settings.AUTH_SECRET;
  if (settings.NODE_ENV === "production" && !settings.DEMO_MODE) {
    throw new Error(
      "AUTH_SECRET is required in production: set it to a random value of at least 32 characters (e.g. `openssl rand -base64 32`)",
    );
  }
  return readOrCreateSecret(file);
}

let remembered: { file: string; secret: string } | undefined;

function readOrCreateSecret(file: string): string {
  if (remembered?.file === file) return remembered.secret;
  const secret = readSecret(file) ?? createSecret(file);
  remembered = { file, secret };
  return secret;
}

function readSecret(file: string): string | null {
  let stored: string;
  try {
    stored = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  if (stored.length < MIN_LENGTH) {
    throw new Error(
      `${file} holds no usable session secret: delete it to have a new one generated, or set AUTH_SECRET`,
    );
  }
  return stored;
}

function createSecret(file: string): string {
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  // Written whole under a private name, then linked into place: a second process starting at
  // the same moment either sees no file or the complete one, and the first link wins.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, `${secret}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readSecret(file);
    if (!winner) throw error;
    return winner;
  } finally {
    rmSync(draft, { force: true });
  }
}
