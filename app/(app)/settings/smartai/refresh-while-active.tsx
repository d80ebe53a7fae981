"use client";
// Keeps the page current while a sync run is queued or running: the server renders the
// progress, this only asks for a fresh render every couple of seconds until it is done.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshWhileActive({ active, intervalMs = 2_000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
