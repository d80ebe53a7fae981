import "server-only";
// API tokens: made by admins in Settings → API tokens (or registered from API_TOKEN and
// ADMIN_API_TOKEN), each with a scope and an expiry. A token is shown once; only its SHA-256
// is stored. Revoking is for good: a restart never brings a revoked token back.
import { z } from "zod";
import type { Db } from "../db";
import { generateToken, hashToken } from "./secrets";

export const API_SCOPES = ["read", "admin"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** `admin` includes everything `read` may do. */
export function scopeIncludes(held: ApiScope, needed: ApiScope): boolean {
  return held === "admin" || needed === "read";
}

export const TOKEN_PREFIX = "ahub_";
export const TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;

export const newApiTokenSchema = z.object({
  name: z.string().trim().min(1, { message: "Name the token after who or what will use it" }).max(100),
  scope: z.enum(API_SCOPES, { message: "Choose read or admin" }),
  expiresInDays: z.coerce.number().refine((days) => (TOKEN_EXPIRY_DAYS as readonly number[]).includes(days), {
    message: `Choose an expiry of ${TOKEN_EXPIRY_DAYS.join(", ")} days`,
  }),
});
export type NewApiToken = z.input<typeof newApiTokenSchema>;

export interface UsableToken {
  id: string;
  scope: ApiScope;
}

/** Creates a token and answers its value: the only time anyone sees it. */
export async function createApiToken(
  db: Db,
  input: NewApiToken,
  createdById: string,
  now: Date,
): Promise<{ id: string; token: string }> {
  const { name, scope, expiresInDays } = newApiTokenSchema.parse(input);
  const token = `${TOKEN_PREFIX}${generateToken()}`;
  const row = await db.apiToken.create({
    data: {
      name,
      scope,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + expiresInDays * 86_400_000),
      createdById,
      createdAt: now,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** The token a bearer value names, if it is neither revoked nor expired at `now`. */
export async function findUsableToken(db: Db, value: string, now: Date): Promise<UsableToken | null> {
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(value) },
    select: { id: true, scope: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  // Coarse last-use stamp: at most one write a minute per token.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { id: token.id, scope: token.scope === "admin" ? "admin" : "read" };
}

export async function revokeApiToken(db: Db, id: string, now: Date): Promise<boolean> {
  const revoked = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  return revoked.count === 1;
}

export interface ApiTokenListItem {
  id: string;
  name: string;
  scope: ApiScope;
  fromSetting: string | null;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiTokens(db: Db): Promise<ApiTokenListItem[]> {
  const tokens = await db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      scope: true,
      fromSetting: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { email: true } },
    },
  });
  return tokens.map(({ createdBy, scope, ...token }) => ({
    ...token,
    scope: scope === "admin" ? "admin" : "read",
    createdBy: createdBy?.email ?? null,
  }));
}

/**
 * Registers a token from a setting at start. Its scope follows the setting; a token already
 * revoked stays revoked, and one the setting no longer names is revoked, so changing
 * API_TOKEN retires the old value.
 */
export async function registerSettingToken(
  db: Db,
  setting: "API_TOKEN" | "ADMIN_API_TOKEN",
  value: string | undefined,
  scope: ApiScope,
  now: Date,
): Promise<void> {
  const tokenHash = value ? hashToken(value) : null;
  await db.apiToken.updateMany({
    where: { fromSetting: setting, revokedAt: null, ...(tokenHash ? { NOT: { tokenHash } } : {}) },
    data: { revokedAt: now },
  });
  if (!tokenHash) return;
  await db.apiToken.upsert({
    where: { tokenHash },
    create: { tokenHash, name: `${setting} (from the environment)`, scope, fromSetting: setting, createdAt: now },
    update: { scope, fromSetting: setting },
  });
}
