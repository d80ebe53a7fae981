import "server-only";
import type { Db } from "../db";
import type { Settings } from "../../config/settings";
import { hashPassword } from "../auth/password";
import { hashToken } from "../auth/secrets";
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

/** Registers API_TOKEN (if set) as a read-API token. Idempotent across restarts. */
export async function ensureEnvironmentApiToken(db: Db, settings: Settings): Promise<void> {
  if (!settings.API_TOKEN) return;
  const tokenHash = hashToken(settings.API_TOKEN);
  await db.apiToken.upsert({
    where: { tokenHash },
    create: { tokenHash, name: "API_TOKEN (from the environment)" },
    update: { revokedAt: null },
  });
}
