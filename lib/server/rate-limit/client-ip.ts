import "server-only";

/**
 * The caller's address for rate limiting. Next sets X-Forwarded-For to the socket's address
 * when no proxy did; behind a reverse proxy each hop appends the address it saw, so the last
 * entry is the one our own proxy vouches for (earlier entries are whatever the client sent).
 * Run behind a proxy that sets the header: exposed directly, a client can choose its own.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  const address = last ?? headers.get("x-real-ip")?.trim();
  if (!address) return "unknown";
  // Bounded and plain, since it becomes part of a database key.
  return address.slice(0, 64).replace(/[^0-9A-Za-z.:_-]/g, "_");
}
