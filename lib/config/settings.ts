// The application's settings, read and checked once. A bad value stops start-up with a
// message that names the variable. Only lib/server/env.ts and the CLI scripts call this:
// nothing else reads process.env.
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const webhookSecret = optionalText.refine(
  (value) => value === undefined || /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(value),
  { message: 'must be "whsec_" followed by base64 (Standard Webhooks style)' },
);

const httpUrl = optionalText.refine((value) => value === undefined || /^https?:\/\/[^\s]+$/.test(value), {
  message: "must be an http(s) URL",
});

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

export const MIN_POLL_INTERVAL_MS = 5_000;

const apiToken = optionalText.refine((value) => value === undefined || value.length >= 24, {
  message: "must be at least 24 characters",
});

const sessionHours = z.coerce
  .number({ message: "must be a number of hours" })
  .positive({ message: "must be more than 0 hours" })
  .max(24 * 30, { message: "must be at most 720 hours (30 days)" });

const settingsSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DEMO_MODE: flag,
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/app.db")
    .refine((value) => /^(file:.+|postgres(ql)?:\/\/.+)$/.test(value), {
      message: 'must be "file:./path.db" (SQLite) or "postgresql://user@host/db" (PostgreSQL)',
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TRUSTED_PROXY_HOPS: z.coerce
    .number({ message: "must be a whole number: how many reverse proxies stand in front of the app (0: none)" })
    .int({ message: "must be a whole number: how many reverse proxies stand in front of the app (0: none)" })
    .min(0, { message: "must be 0 or more: how many reverse proxies stand in front of the app" })
    .max(10, { message: "must be at most 10: count only the proxies your own infrastructure runs" })
    .default(0),
  APP_URL: httpUrl,
  AUTH_SECRET: optionalText.refine((value) => value === undefined || value.length >= 32, {
    message: "must be at least 32 characters (e.g. `openssl rand -base64 32`)",
  }),
  ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalText.refine((value) => value === undefined || value.length >= 10, {
    message: "must be at least 10 characters",
  }),
  API_TOKEN: apiToken,
  ADMIN_API_TOKEN: apiToken,
  SESSION_IDLE_HOURS: sessionHours.default(8),
  SESSION_MAX_HOURS: sessionHours.default(24),
  ASSESSMENT_API_KEY: optionalText,
  ASSESSMENT_SECRET_KEY: optionalText,
  ASSESSMENT_API_URL: httpUrl,
  ASSESSMENT_POLL_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(MIN_POLL_INTERVAL_MS, {
      message: `must be at least ${MIN_POLL_INTERVAL_MS} ms: SmartAI rate-limits polling faster than every 5 seconds`,
    })
    .default(30_000),
  POLLER_ENABLED: z
    .enum(["1", "0", "true", "false", ""])
    .optional()
    .transform((value) => value === undefined || value === "" || value === "1" || value === "true"),
  VIDEO_API_URL: httpUrl,
  VIDEO_API_KEY: optionalText,
  TESTLIFY_WEBHOOK_SECRET: webhookSecret,
  AE_WEBHOOK_SECRET: webhookSecret,
  VIDEO_WEBHOOK_SECRET: webhookSecret,
  // Issue 14 (data protection): how long results and raw delivery bodies are kept, and the key
  // that makes erased people's suppression entries (see lib/server/privacy/email-hmac.ts).
  RETENTION_DAYS: z.coerce
    .number({ message: "must be a whole number of days" })
    .int({ message: "must be a whole number of days" })
    .min(1, { message: "must be at least 1 day" })
    .default(365),
  RAW_RETENTION_DAYS: z.coerce
    .number({ message: "must be a whole number of days" })
    .int({ message: "must be a whole number of days" })
    .min(1, { message: "must be at least 1 day" })
    .default(30),
  ERASURE_HMAC_KEY: optionalText.refine((value) => value === undefined || value.length >= 32, {
    message:
      "must be at least 32 characters (e.g. `openssl rand -base64 32`); keep it for good: a new key forgets who was erased",
  }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  METRICS_TOKEN: optionalText,
  ALERT_WEBHOOK_URL: httpUrl,
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl,
});

export type Settings = z.infer<typeof settingsSchema> & { APP_URL: string };

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "SettingsError";
  }
}

export function parseSettings(source: Record<string, string | undefined>): Settings {
  const parsed = settingsSchema.safeParse(source);
  if (!parsed.success) {
    throw new SettingsError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "settings"} ${issue.message}`),
    );
  }
  const settings = parsed.data;
  const problems: string[] = [];
  if (settings.NODE_ENV === "production" && !settings.DEMO_MODE && !settings.AUTH_SECRET) {
    problems.push("AUTH_SECRET is required in production: set it to a random value of at least 32 characters");
  }
  if (Boolean(settings.ADMIN_EMAIL) !== Boolean(settings.ADMIN_PASSWORD)) {
    problems.push("ADMIN_EMAIL and ADMIN_PASSWORD must be set together");
  }
  if (settings.SESSION_IDLE_HOURS > settings.SESSION_MAX_HOURS) {
    problems.push("SESSION_IDLE_HOURS must not be more than SESSION_MAX_HOURS (a session's whole lifetime)");
  }
  if (settings.API_TOKEN && settings.API_TOKEN === settings.ADMIN_API_TOKEN) {
    problems.push("API_TOKEN and ADMIN_API_TOKEN must differ: one token has one scope");
  }
  if (problems.length > 0) throw new SettingsError(problems);
  return { ...settings, APP_URL: settings.APP_URL ?? `http://localhost:${settings.PORT}` };
}

/** Where `npm run demo` serves the built-in SmartAI emulator: the API URL's default in demo mode. */
export const DEMO_SMARTAI_API_URL = "http://127.0.0.1:4010";

/** SmartAI's API base URL: the setting, or in demo mode the built-in emulator. */
export function smartAiApiUrl(settings: Settings): string | null {
  return settings.ASSESSMENT_API_URL ?? (settings.DEMO_MODE ? DEMO_SMARTAI_API_URL : null);
}

/** Why the SmartAI poller cannot run, or null when it can. Shown on the settings page. */
export function smartAiConfigurationProblem(settings: Settings): string | null {
  if (!settings.ASSESSMENT_API_KEY) return "SmartAI is not configured: set ASSESSMENT_API_KEY";
  if (!settings.ASSESSMENT_SECRET_KEY) return "SmartAI is not configured: set ASSESSMENT_SECRET_KEY";
  if (!smartAiApiUrl(settings)) {
    return "SmartAI is not configured: set ASSESSMENT_API_URL to SmartAI's API base URL (https://…)";
  }
  return null;
}

export function databaseDialect(databaseUrl: string): "sqlite" | "postgresql" {
  return databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
}
