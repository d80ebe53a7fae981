"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const POLL_INTERVAL_MS = 5_000;

/**
 * Keeps signed-in pages current: asks the server every few seconds whether anything changed
 * (a new or updated result, a notification) and re-renders the page only when it did. Quiet
 * while the tab is hidden.
 */
export function LiveUpdates() {
  const router = useRouter();
  useEffect(() => {
    let known: string | null = null;
    let stopped = false;
    async function check() {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch("/api/activity", { cache: "no-store" });
        if (!response.ok) return;
        const { stamp } = (await response.json()) as { stamp: string };
        if (known !== null && stamp !== known && !stopped) router.refresh();
        known = stamp;
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }
    void check();
    const timer = window.setInterval(() => void check(), POLL_INTERVAL_MS);
    const onVisible = () => void check();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router]);
  return null;
}
