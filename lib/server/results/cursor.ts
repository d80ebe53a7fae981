import "server-only";
// Opaque keyset cursors: the sort key of the last row seen, so paging stays fast at any depth.
// Every list (read API, job results, event log) encodes its own key with this one codec.
import { z } from "zod";

/** A value as an opaque URL-safe token. */
export function encodeOpaque(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** The value inside a token encodeOpaque made, or null for anything else (stale, tampered, garbage). */
export function decodeOpaque<T>(token: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const cursorSchema = z.object({ u: z.iso.datetime(), i: z.string().min(1) });

export interface KeysetPosition {
  updatedAt: Date;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return encodeOpaque({ u: position.updatedAt.toISOString(), i: position.id });
}

export function decodeCursor(cursor: string): KeysetPosition | null {
  const decoded = decodeOpaque(cursor, cursorSchema);
  return decoded ? { updatedAt: new Date(decoded.u), id: decoded.i } : null;
}
