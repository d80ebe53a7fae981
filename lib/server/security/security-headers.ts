import "server-only";
// The headers every response gets from proxy.ts, built from the settings. next.config.js adds
// the fixed ones (nosniff, referrer, framing) to every path, static files included; these depend
// on the request (the nonce) or on runtime settings (APP_URL), so they are set per request.
import { smartAiApiUrl, type Settings } from "../../config/settings";

/** Paths whose handlers send their own, stricter policy (the shared report: no scripts at all). */
export const OWN_POLICY_PATHS = ["/r/"];

/** One year: the figure browsers' HSTS preload lists ask for. Subdomains are left to their owners. */
const HSTS = "max-age=31536000";

/**
 * Origins besides `https:` that pages may load images and recordings from. Providers host
 * media over https; the demo's emulators serve theirs over plain http on this machine, so
 * outside production (and in demo mode) the http origins the settings name are added, each
 * one exactly, never all of http:.
 */
export function localMediaOrigins(settings: Settings): string[] {
  if (settings.NODE_ENV === "production" && !settings.DEMO_MODE) return [];
  const named = [settings.APP_URL, settings.VIDEO_API_URL, smartAiApiUrl(settings)];
  const origins = named.flatMap((value) => {
    if (!value) return [];
    const url = new URL(value);
    return url.protocol === "http:" ? [url.origin] : [];
  });
  return [...new Set(origins)];
}

export function contentSecurityPolicy(settings: Settings, nonce: string): string {
  const media = ["'self'", "https:", ...localMediaOrigins(settings)].join(" ");
  const directives = [
    "default-src 'self'",
    // Next adds the nonce to its own scripts; 'strict-dynamic' lets those load the chunks they
    // need. React needs eval only in development, for its error stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${settings.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    // Bars and band colors are drawn with style attributes (numbers, checked hex colors). A nonce
    // here would switch 'unsafe-inline' off, so styles have none.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${media} data: blob:`,
    `media-src ${media}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (new URL(settings.APP_URL).protocol === "https:") directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** The per-request headers for `pathname`; the CSP is left out where a handler sends its own. */
export function securityHeaders(settings: Settings, nonce: string, pathname: string): Record<string, string> {
  const { policy, https } = perSettings(settings);
  const headers: Record<string, string> = {};
  if (!OWN_POLICY_PATHS.some((prefix) => pathname.startsWith(prefix))) {
    headers["Content-Security-Policy"] = policy.join(nonce);
  }
  if (https) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}

// Every request needs them and only the nonce changes: the policy around it is worked out once
// per settings object (each bundle keeps one), not parsed from the URLs again on each request.
const NONCE_MARK = "\u0000nonce\u0000";
const templates = new WeakMap<Settings, { policy: string[]; https: boolean }>();

function perSettings(settings: Settings) {
  let template = templates.get(settings);
  if (!template) {
    template = {
      policy: contentSecurityPolicy(settings, NONCE_MARK).split(NONCE_MARK),
      https: new URL(settings.APP_URL).protocol === "https:",
    };
    templates.set(settings, template);
  }
  return template;
}
