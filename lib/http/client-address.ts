// The client's address as this server can vouch for it. Plain Node (no server-only): the
// app's own HTTP server loads it under tsx, before Next sees a request.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/** Unwraps IPv4 addresses a dual-stack socket reports as IPv6 (`::ffff:203.0.113.5`). */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}

/**
 * With `trustedProxyHops` = 0 the socket's peer is the client. Behind N proxies, each appends
 * the address it received the request from to X-Forwarded-For, so the N-th entry from the end
 * was written by the proxy nearest the client; anything left of it the client may have chosen.
 * A chain shorter than N means fewer proxies than configured: its first entry is then the
 * furthest address a proxy wrote (as Express's `trust proxy` with a hop count does).
 */
export function trustedClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxyHops: number,
): string | null {
  const socket = socketAddress ? plainAddress(socketAddress) : null;
  if (trustedProxyHops === 0) return socket;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return socket;
  const candidate = plainAddress(chain[Math.max(chain.length - trustedProxyHops, 0)]!);
  // A trusted proxy writes a bare address; anything else means the chain is not what we expect.
  return isIP(candidate) ? candidate : socket;
}

/**
 * Overwrites X-Forwarded-For and X-Real-IP with the one address we trust, so nothing a client
 * sent in them survives to the app (Next only fills X-Forwarded-For when it is absent).
 */
export function setTrustedClientAddress(request: IncomingMessage, trustedProxyHops: number): void {
  const address = trustedClientAddress(
    request.socket.remoteAddress,
    request.headers["x-forwarded-for"],
    trustedProxyHops,
  );
  if (address) {
    request.headers["x-forwarded-for"] = address;
    request.headers["x-real-ip"] = address;
  } else {
    delete request.headers["x-forwarded-for"];
    delete request.headers["x-real-ip"];
  }
}
