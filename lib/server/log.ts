import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { currentLogContext } from "../observability/log-context";

// One structured logger. Logs travel further than the app (files, collectors, support
// tickets), so nothing that grants access goes into them: fields named like credentials are
// censored by path, URLs lose their query string (share tokens, the URL-token form of a
// webhook, signed links) and any user:password part, and bearer tokens or webhook secrets
// inside messages are masked.

const CENSOR = "[redacted]";
/** What stands for a dropped query string; a plain word, so scrubbing twice changes nothing. */
const QUERY_CENSOR = "?redacted";

const SECRET_FIELDS = [
  "authorization",
  "cookie",
  "set-cookie",
  "token",
  "accessToken",
  "refreshToken",
  "apiToken",
  "apiKey",
  "secret",
  "secretKey",
  "clientSecret",
  "password",
  "passwordHash",
  "x-api-key",
  "x-signature",
  "webhook-signature",
];

/** Each secret field at the top level, one level down and in `headers` one or two levels down. */
export const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(field) ? `.${field}` : `["${field}"]`;
  return [key.startsWith(".") ? field : key, `*${key}`, `headers${key}`, `*.headers${key}`];
});

/**
 * A URL as it may be logged: no query string, no fragment, no user:password. Text that is
 * not a URL is returned as it came (it may be a path; its query is dropped all the same).
 */
export function urlForLog(value: string): string {
  try {
    const url = new URL(value);
    url.username = "";
    url.password = "";
    const kept = `${url.origin}${url.pathname}`;
    return url.search || url.hash ? `${kept}${QUERY_CENSOR}` : kept;
  } catch {
    const cut = value.search(/[?#]/);
    return cut === -1 ? value : `${value.slice(0, cut)}${QUERY_CENSOR}`;
  }
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
const BEARER_IN_TEXT = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const WEBHOOK_SECRET_IN_TEXT = /\bwhsec_[A-Za-z0-9+/=]+/g;

/** Free text (a message, an error's text or stack) with URLs, bearer tokens and webhook secrets masked. */
export function scrubText(text: string): string {
  return text
    .replace(URL_IN_TEXT, (match) => {
      // Punctuation right after a URL ("…/poll?key=1: refused") belongs to the sentence.
      const [, url = match, tail = ""] = /^(.*?)([.,;:!?)\]]*)$/.exec(match) ?? [];
      return `${urlForLog(url)}${tail}`;
    })
    .replace(BEARER_IN_TEXT, (_match, scheme: string) => `${scheme} ${CENSOR}`)
    .replace(WEBHOOK_SECRET_IN_TEXT, `whsec_${CENSOR}`);
}

const URL_FIELD = /^(url|href|uri|location|referr?er|.*Url)$/i;
/** Any other field named like a credential, at any depth: AUTH_SECRET, sessionToken, x-signature… */
const SECRET_FIELD = /(secret|password|passwordhash|token|authorization|cookie|api[-_]?key|signature)$/i;

/** Strings in a logged object, scrubbed; fields that hold a URL lose their query whatever they look like. */
function scrubValue(value: unknown, key: string, depth: number): unknown {
  if (SECRET_FIELD.test(key) && value !== null && value !== undefined) return CENSOR;
  if (typeof value === "string") return URL_FIELD.test(key) ? urlForLog(value) : scrubText(value);
  if (value instanceof Error) return serializeError(value);
  if (depth >= 4 || value === null || typeof value !== "object" || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, key, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) out[name] = scrubValue(inner, name, depth + 1);
  return out;
}

function serializeError(error: unknown): unknown {
  const serialized = error instanceof Error ? pino.stdSerializers.err(error) : error;
  return scrubValue(serialized, "err", 0);
}

export function createLogger(destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: undefined,
    // Inside a request or a delivery, every line carries its id (lib/observability/log-context.ts).
    mixin: () => ({ ...currentLogContext() }),
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    serializers: { err: serializeError, error: serializeError },
    formatters: {
      log: (object) => scrubValue(object, "", 0) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const log = createLogger();
