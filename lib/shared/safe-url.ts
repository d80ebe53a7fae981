// Pure, so both the adapters (server) and the recruiter pages (client) use the same rule.

/**
 * Links from providers are shown only when they are http(s): a "javascript:" or "data:" URL
 * becomes null. A relative link is resolved against `base` when one is given.
 */
export function safeHttpUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
