import "server-only";
import { isIP } from "node:net";

/**
 * The caller's address for rate limiting: the one address the app's own server
 * (lib/http/server.ts) wrote into X-Forwarded-For after replacing whatever the client sent,
 * taken from the connection or, with TRUSTED_PROXY_HOPS, from the proxies' chain. Anything
 * else there (a list, a non-address) was not written by that server and is not believed.
 */
export function clientIp(headers: Headers): string {
  const address = headers.get("x-forwarded-for")?.trim();
  return address && isIP(address) ? address : "unknown";
}
