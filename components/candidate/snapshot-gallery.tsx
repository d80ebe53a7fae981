"use client";

import { useState } from "react";
import { useTimeZone } from "@/components/time-zone";
import { formatDateTime } from "@/lib/shared/date-time";
import { safeHttpUrl } from "@/lib/shared/safe-url";
import type { MediaLinkNote } from "./media-link-note";

export interface Snapshot {
  label: string;
  url: string;
  note?: MediaLinkNote;
}

/**
 * Stills the proctoring captured (screen, webcam): thumbnails, each opening full size in a new
 * tab. A still that no longer loads (provider links expire) says so, with when it was received.
 */
export function SnapshotGallery({ items }: { items: Snapshot[] }) {
  const [broken, setBroken] = useState<ReadonlySet<number>>(new Set());
  const timeZone = useTimeZone();
  const snapshots = items.flatMap((item) => {
    const url = safeHttpUrl(item.url);
    return url ? [{ ...item, url }] : [];
  });
  if (snapshots.length === 0) return null;
  const receivedAt = snapshots.find((snapshot) => snapshot.note?.receivedAt)?.note?.receivedAt ?? null;
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">Proctoring snapshots ({snapshots.length})</h3>
      {receivedAt && (
        <p className="text-xs text-slate-500" data-testid="media-received">
          Links received {formatDateTime(receivedAt, timeZone)}
        </p>
      )}
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
              {broken.has(index) || snapshot.note?.expired ? (
                <span
                  role="status"
                  className="flex aspect-video items-center justify-center p-1 text-center text-xs text-slate-500"
                >
                  {snapshot.note?.expired
                    ? `Link expired ${formatDateTime(snapshot.note.expiresAt, timeZone)}`
                    : "No longer loads: the link may have expired"}
                </span>
              ) : (
                // Provider images on other hosts: next/image would need each host configured.
                // eslint-disable-next-line @next/next/no-img-element
                <img
                  src={snapshot.url}
                  alt={snapshot.label}
                  loading="lazy"
                  referrerPolicy="no-referrer"
                  onError={() => setBroken((current) => new Set(current).add(index))}
                  className="aspect-video w-full object-cover"
                />
              )}
              <span className="block truncate px-1 py-0.5 text-xs text-slate-600">{snapshot.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
