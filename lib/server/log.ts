import pino from "pino";

// One structured logger. Secrets are redacted by path in case an error carries headers.
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: undefined,
  redact: {
    paths: ["*.authorization", "*.password", "*.secret", "*['x-api-key']", "*['x-signature']", "headers.authorization"],
    censor: "[redacted]",
  },
});
