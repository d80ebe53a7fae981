// Pure, so the sign-in page (server), the sign-in form (browser) and next-auth's redirect
// callback apply one rule. A prefix check such as `startsWith("/")` is not enough: browsers
// read "/\evil.example" as "//evil.example" and drop tabs and newlines inside URLs. So the
// value is resolved with the WHATWG URL parser, as the browser will, and compared by origin.

/** Where to go after sign-in when no (usable) destination was asked for. */
export const DEFAULT_AFTER_SIGN_IN = "/jobs";

/**
 * The path (with query and fragment) that `target` leads to when it stays on `appOrigin`,
 * or null when it would leave it, is not a web URL, or cannot be parsed. Relative targets are
 * resolved against `appOrigin`; absolute ones must name that origin exactly.
 */
export function sameOriginPath(target: string | null | undefined, appOrigin: string): string | null {
  if (typeof target !== "string" || target === "") return null;
  let origin: URL;
  let resolved: URL;
  try {
    origin = new URL(appOrigin);
    resolved = new URL(target, origin);
  } catch {
    return null;
  }
  if (resolved.origin !== origin.origin) return null;
  if (resolved.username || resolved.password) return null;
  // "/.//evil.example" resolves to the path "//evil.example": harmless on this origin, but as
  // a relative link it would be protocol-relative. One leading slash keeps it a path.
  const path = resolved.pathname.replace(/^\/+/, "/");
  return `${path}${resolved.search}${resolved.hash}`;
}

/** `sameOriginPath`, falling back to the default destination. */
export function afterSignInPath(target: string | null | undefined, appOrigin: string): string {
  return sameOriginPath(target, appOrigin) ?? DEFAULT_AFTER_SIGN_IN;
}
