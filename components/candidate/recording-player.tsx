"use client";

import { useEffect, useRef, useState } from "react";
import { safeHttpUrl } from "@/lib/shared/safe-url";
import { useTimeZone } from "@/components/time-zone";
import { formatDateTime } from "@/lib/shared/date-time";
import type { MediaLinkNote } from "./media-link-note";

interface RecordingPlayerProps {
  url: string;
  label: string;
  kind?: "video" | "audio";
  /** When the link arrived and whether its signature has lapsed. */
  note?: MediaLinkNote;
}

/**
 * The provider's recording, played in place. Provider media links may expire or refuse
 * embedding; the direct link stays beside the player, and a load failure says so.
 */
export function RecordingPlayer({ url, label, kind = "video", note }: RecordingPlayerProps) {
  const [failed, setFailed] = useState(false);
  const timeZone = useTimeZone();
  const media = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const Media = kind;
  // The server-rendered element starts loading before React listens: catch an error it already had.
  useEffect(() => {
    if (media.current?.error) setFailed(true);
  }, []);
  // Callers pass checked links already; a provider URL reaches src/href only through this check.
  if (safeHttpUrl(url) === null) return null;
  return (
    <figure className="space-y-1">
      {!failed && (
        <Media
          ref={media}
          src={url}
          controls
          preload="metadata"
          aria-label={label}
          onError={() => setFailed(true)}
          className={kind === "video" ? "aspect-video w-full max-w-2xl rounded-md bg-slate-900" : "w-full max-w-md"}
        >
          <a href={url}>{label}</a>
        </Media>
      )}
      <figcaption className="text-sm text-slate-600">
        {failed && (
          <span role="status">
            {note?.expired
              ? `This recording no longer loads: the provider's link expired ${formatDateTime(note.expiresAt, timeZone)}. `
              : note?.receivedAt
                ? "This recording no longer loads here: the provider's link may have expired or the recording been removed. "
                : "This recording cannot be played here. "}
          </span>
        )}
        {note?.receivedAt && (
          <span className="block text-xs text-slate-500" data-testid="media-received">
            Link received {formatDateTime(note.receivedAt, timeZone)}
            {note.expiresAt &&
              (note.expired
                ? `; expired ${formatDateTime(note.expiresAt, timeZone)}`
                : `; works until ${formatDateTime(note.expiresAt, timeZone)}`)}
          </span>
        )}
        <a href={url} target="_blank" rel="noopener noreferrer" className="text-indigo-700 hover:underline">
          Open {label.toLowerCase()} in a new tab
        </a>
      </figcaption>
    </figure>
  );
}
