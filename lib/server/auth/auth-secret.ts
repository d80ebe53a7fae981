import "server-only";
import { env } from "../env";

/**
 * AUTH_SECRET signs sessions. Production requires it (settings refuse to start without);
 * `npm run demo` generates one and passes it in. Development falls back to a fixed value
 * that is useless anywhere else.
 */
export function authSecret(): string {
  const settings = env();
  if (settings.AUTH_SECRET) return settings.AUTH_SECRET;
  if (settings.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required in production: set it to a random value of at least 32 characters");
  }
  return "development-only-secret-not-for-any-real-deployment";
}
