import type { MediaItem } from "@/lib/server/domain/events";
import { safeHttpUrl } from "@/components/format";
import { RecordingPlayer } from "./recording-player";
import { mediaLinkNote } from "./media-link-note";

function mediaKind(url: string): "video" | "audio" | null {
  const path = new URL(url).pathname.toLowerCase();
  if (/\.(mp4|webm|mov|m4v|ogv)$/.test(path)) return "video";
  if (/\.(mp3|wav|m4a|ogg|oga|aac)$/.test(path)) return "audio";
  return null;
}

/** Per-answer recordings and other media the provider attached. */
export function AttemptMedia({
  items,
  receivedAt = null,
  now = new Date(0),
}: {
  items: MediaItem[];
  /** When these links arrived; a signed link past its expiry (as of `now`) is marked. */
  receivedAt?: Date | null;
  now?: Date;
}) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">Answer recordings and media</h3>
      <ul className="mt-2 grid gap-4 md:grid-cols-2">
        {items.map((item, index) => {
          const url = safeHttpUrl(item.url);
          const kind = url ? mediaKind(url) : null;
          return (
            <li key={`${item.url}-${index}`} className="space-y-1">
              <p className="text-sm font-medium">{item.label}</p>
              {url && kind ? (
                <RecordingPlayer url={url} label={item.label} kind={kind} note={mediaLinkNote(url, receivedAt, now)} />
              ) : url ? (
                <a
                  href={url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-sm text-indigo-700 hover:underline"
                >
                  Open
                </a>
              ) : (
                <p className="text-sm text-slate-500">Link not shown: not a web address.</p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
