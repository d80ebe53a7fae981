// What the share actions answer to the browser. The link itself appears here once, right
// after it is created; only its hash is kept.
export type CreateShareLinkResult = { ok: true; url: string; expiresAt: string } | { ok: false; error: string };
export type RevokeShareLinkResult = { ok: true } | { ok: false; error: string };

export const EXPIRY_CHOICES = [
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "1 day" },
  { hours: 7 * 24, label: "7 days" },
  { hours: 14 * 24, label: "14 days" },
  { hours: 30 * 24, label: "30 days" },
  { hours: 90 * 24, label: "90 days" },
] as const;

export const DEFAULT_EXPIRY_CHOICE_HOURS = 14 * 24;
