// What a page says about a provider media link's age: when it arrived and, for a signed link,
// when it stops working. Plain data, so the server decides "expired" once and the browser
// renders the same text.
import { linkExpiresAt } from "@/lib/shared/media-expiry";

export interface MediaLinkNote {
  receivedAt: string | null;
  expiresAt: string | null;
  expired: boolean;
}

export function mediaLinkNote(url: string, receivedAt: Date | null, now: Date): MediaLinkNote {
  const expiresAt = linkExpiresAt(url);
  return {
    receivedAt: receivedAt?.toISOString() ?? null,
    expiresAt: expiresAt?.toISOString() ?? null,
    expired: expiresAt !== null && expiresAt <= now,
  };
}
