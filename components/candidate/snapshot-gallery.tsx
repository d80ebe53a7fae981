import type { MediaItem } from "@/lib/server/domain/events";
import { safeHttpUrl } from "@/components/format";

/** Stills the proctoring captured (screen, webcam): thumbnails, each opening full size in a new tab. */
export function SnapshotGallery({ items }: { items: MediaItem[] }) {
  const snapshots = items.flatMap((item) => {
    const url = safeHttpUrl(item.url);
    return url ? [{ label: item.label, url }] : [];
  });
  if (snapshots.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">Proctoring snapshots ({snapshots.length})</h3>
      <ul className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6">
        {snapshots.map((snapshot, index) => (
          <li key={`${snapshot.url}-${index}`}>
            <a
              href={snapshot.url}
              target="_blank"
              rel="noopener noreferrer"
              title={`${snapshot.label}: open full size`}
              className="block overflow-hidden rounded-md border border-slate-200 hover:ring-2 hover:ring-indigo-400"
            >
              {/* Provider images on other hosts: next/image would need each host configured. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={snapshot.url}
                alt={snapshot.label}
                loading="lazy"
                referrerPolicy="no-referrer"
                className="aspect-video w-full object-cover"
              />
              <span className="block truncate px-1 py-0.5 text-xs text-slate-600">{snapshot.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
