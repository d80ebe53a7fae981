"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { DateTimeText } from "@/components/time-zone";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./notification-actions";
import { NoticePreferencesForm, type NoticePreferencesView } from "./notice-preferences";

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
  href: string | null;
}

export function NotificationMenu({
  unread,
  items,
  preferences,
}: {
  unread: number;
  items: NotificationView[];
  preferences: NoticePreferencesView;
}) {
  const [open, setOpen] = useState(false);
  const [, startTransition] = useTransition();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  function markRead(id: string) {
    startTransition(async () => {
      await markNotificationReadAction({ id });
    });
  }

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="relative inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
      >
        <BellIcon />
        <span className="sr-only">Notifications</span>
        {unread > 0 && (
          <span
            data-testid="unread-count"
            className="min-w-5 rounded-full bg-rose-600 px-1.5 text-center text-xs font-semibold text-white"
          >
            {unread}
            <span className="sr-only"> unread</span>
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute right-0 z-20 mt-2 w-[min(22rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <h2 className="text-sm font-semibold">Notifications</h2>
            {unread > 0 && (
              <button
                type="button"
                onClick={() => startTransition(async () => void (await markAllNotificationsReadAction()))}
                className="text-xs text-indigo-700 hover:underline"
              >
                Mark all as read
              </button>
            )}
          </div>
          {items.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-slate-600">
              Nothing yet. Follow a job (or choose all jobs below) to hear when its candidates start or finish.
            </p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {items.map((item) => (
                <li key={item.id} className={item.read ? "" : "bg-indigo-50/50"}>
                  <div className="flex items-start gap-2 px-3 py-2">
                    <div className="min-w-0 flex-1">
                      {item.href ? (
                        <Link
                          href={item.href}
                          onClick={() => {
                            setOpen(false);
                            if (!item.read) markRead(item.id);
                          }}
                          className="text-sm font-medium text-indigo-700 hover:underline"
                        >
                          {item.title}
                        </Link>
                      ) : (
                        <p className="text-sm font-medium">{item.title}</p>
                      )}
                      <p className="text-xs text-slate-600">{item.body}</p>
                      <p className="text-xs text-slate-400">
                        <DateTimeText value={item.createdAt} />
                      </p>
                    </div>
                    {!item.read && (
                      <button
                        type="button"
                        onClick={() => markRead(item.id)}
                        className="shrink-0 text-xs text-slate-600 hover:text-slate-950 hover:underline"
                      >
                        Mark read
                        <span className="sr-only">: {item.title}</span>
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <NoticePreferencesForm initial={preferences} />
        </div>
      )}
    </div>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
    </svg>
  );
}
