// Opaque keyset cursors: the sort key of the last row seen, so paging stays fast at any depth.
import { z } from "zod";

const cursorSchema = z.object({ u: z.iso.datetime(), i: z.string().min(1) });

export interface KeysetPosition {
  updatedAt: Date;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify({ u: position.updatedAt.toISOString(), i: position.id })).toString("base64url");
}

export function decodeCursor(cursor: string): KeysetPosition | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { updatedAt: new Date(parsed.data.u), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}
