// The one way the app writes a time for people: the viewer's time zone, always named. Server
// and browser must produce the same text (hydration), so the string is assembled from numeric
// parts and fixed English month names rather than a locale's pattern or zone abbreviation,
// which differ between ICU versions ("Sep"/"Sept", "14 Dec 2026, 01:41" / "… at 01:41",
// "IST"/"GMT+5:30"). The zone is named by its IANA name: unambiguous where "CST" is not.
// Machine-readable output (CSV, the API, <time dateTime>) stays ISO 8601 in UTC.
import { z } from "zod";

export const UTC = "UTC";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// Each segment capitalised as IANA writes it: Intl also accepts "europe/berlin", which should
// not be stored and shown in that spelling.
const IANA_SPELLING = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)*$/;

/**
 * Whether `name` is an IANA time zone this runtime knows. Aliases count ("Asia/Kolkata" and
 * "Asia/Calcutta" both): browsers report either, depending on their ICU data.
 */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64 || !IANA_SPELLING.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone to show times in: the given one when valid, otherwise UTC (which the text then names). */
export function resolveTimeZone(name: string | null | undefined): string {
  return name && isTimeZone(name) ? name : UTC;
}

/** A time zone sent from outside (a browser, a form): an IANA name this runtime knows. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone.")
  .max(64)
  .refine(isTimeZone, { message: "Unknown time zone: choose one from the list (an IANA name such as Europe/Berlin)." });

let zoneList: string[] | null = null;

/** Every zone a person can choose, UTC first. */
export function timeZoneNames(): string[] {
  zoneList ??= [UTC, ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== UTC)];
  return zoneList;
}

/**
 * "14 Dec 2026, 01:41 Europe/Berlin"; with `zone: false` the zone is left out (for a column
 * whose header names it), with `seconds` they are added (runs seconds apart). An unknown zone
 * falls back to UTC and says "UTC".
 */
export function formatDateTime(
  value: Date | string | null | undefined,
  timeZone: string | null | undefined,
  options: { zone?: boolean; seconds?: boolean } = {},
): string {
  if (!value) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  const zone = resolveTimeZone(timeZone);
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(zone).formatToParts(date)) parts[part.type] = part.value;
  const clock = `${parts.hour}:${parts.minute}${options.seconds ? `:${parts.second}` : ""}`;
  const text = `${Number(parts.day)} ${MONTHS[Number(parts.month) - 1]} ${parts.year}, ${clock}`;
  return options.zone === false ? text : `${text} ${zone}`;
}
