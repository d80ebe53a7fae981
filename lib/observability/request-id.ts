// A request's id: made here, or taken from X-Request-Id when a trusted proxy in front of the app
// set it (so one id follows the request through the proxy's logs and ours). A client could
// send anything in that header, so it is believed only behind a proxy and only when it looks
// like an id: no spaces, quotes or control characters reach a log line or a response header.
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function isWellFormedRequestId(value: string): boolean {
  return WELL_FORMED.test(value);
}

/** `trustIncoming`: a reverse proxy stands in front of the app (TRUSTED_PROXY_HOPS > 0) and sets the header. */
export function requestIdFor(incoming: string | string[] | undefined, trustIncoming: boolean): string {
  const offered = Array.isArray(incoming) ? incoming.at(-1) : incoming;
  if (trustIncoming && offered !== undefined && isWellFormedRequestId(offered.trim())) return offered.trim();
  return randomUUID();
}
