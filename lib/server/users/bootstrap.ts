import "server-only";
import type { Db } from "../db";
import type { Settings } from "../../config/settings";
import { hashPassword } from "../auth/password";
import { registerSettingToken } from "../auth/api-tokens";
import { normaliseEmail } from "../../shared/vocabulary";

/** Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is no user yet. */
export async function ensureFirstAdmin(db: Db, settings: Settings): Promise<"created" | "exists" | "not-configured"> {
  if (!settings.ADMIN_EMAIL || !settings.ADMIN_PASSWORD) {
    return (await db.user.count()) > 0 ? "exists" : "not-configured";
  }
  if ((await db.user.count()) > 0) return "exists";
  const email = normaliseEmail(settings.ADMIN_EMAIL);
  const passwordHash = await hashPassword(settings.ADMIN_PASSWORD);
  try {
    await db.user.create({ data: { email, name: "Administrator", passwordHash, role: "admin" } });
    return "created";
  } catch {
    // Another instance created it at the same moment.
    return "exists";
  }
}

/**
 * Registers API_TOKEN as a `read` token and ADMIN_API_TOKEN as an `admin` one. Idempotent
 * across restarts, and never un-revokes: a token an admin revoked stays revoked until the
 * setting names a new value.
 */
export async function ensureEnvironmentApiTokens(db: Db, settings: Settings, now = new Date()): Promise<void> {
  await registerSettingToken(db, "API_TOKEN", settings.API_TOKEN, "read", now);
  await registerSettingToken(db, "ADMIN_API_TOKEN", settings.ADMIN_API_TOKEN, "admin", now);
}
