"use client";
// The viewer's time zone for client components. The app layout sets it from the signed-in
// user (server side), so the server render and the browser's hydration write the same text;
// reading the browser's own zone here would differ from the server's and mismatch.
import { createContext, useContext, type ReactNode } from "react";
import { UTC, formatDateTime } from "@/lib/shared/date-time";

const TimeZoneContext = createContext<string>(UTC);

export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children?: ReactNode }) {
  return <TimeZoneContext value={timeZone}>{children}</TimeZoneContext>;
}

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

/** A time in the viewer's zone, named; machines read the ISO instant (UTC) in `dateTime`. */
export function DateTimeText({ value, zone }: { value: Date | string | null | undefined; zone?: boolean }) {
  const timeZone = useTimeZone();
  const text = formatDateTime(value, timeZone, { zone });
  if (!value) return <>{text}</>;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? <>{text}</> : <time dateTime={date.toISOString()}>{text}</time>;
}
