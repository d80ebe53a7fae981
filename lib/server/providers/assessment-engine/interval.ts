import "server-only";
// The engine's `time_taken` is a PostgreSQL INTERVAL rendered as text. Its default style
// ("postgres") writes "00:45:10", "1 day 02:00:00", "2 days", "1 year 2 mons 3 days 04:05:06.5"
// or "-00:01:00"; the other styles write "@ 1 day 2 hours" (postgres_verbose) or "P1DT2H"
// (iso_8601). All three are read; months count 30 days and years 365.25, as PostgreSQL's own
// EXTRACT(EPOCH FROM interval) does.

const UNIT_SECONDS: Record<string, number> = {
  year: 365.25 * 86_400,
  mon: 30 * 86_400,
  month: 30 * 86_400,
  week: 7 * 86_400,
  day: 86_400,
  hour: 3_600,
  min: 60,
  minute: 60,
  sec: 1,
  second: 1,
};

/** Seconds in the interval (rounded), or null when the text is not an interval. */
export function intervalToSeconds(text: string | null | undefined): number | null {
  if (typeof text !== "string") return null;
  const value = text.trim().toLowerCase();
  if (value === "") return null;
  const seconds = value.startsWith("p") || value.startsWith("-p") ? iso8601(value) : postgresStyle(value);
  return seconds === null ? null : Math.round(seconds);
}

function postgresStyle(value: string): number | null {
  let rest = value.replace(/^@\s*/, "");
  const agoSign = /\sago$/.test(rest) ? -1 : 1;
  rest = rest.replace(/\s*ago$/, "");
  let total = 0;
  let matchedAnything = false;

  const clock = /(^|\s)([+-])?(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?$/.exec(rest);
  if (clock) {
    const sign = clock[2] === "-" ? -1 : 1;
    total += sign * (Number(clock[3]) * 3_600 + Number(clock[4]) * 60 + Number(clock[5] ?? 0));
    rest = rest.slice(0, clock.index).trim();
    matchedAnything = true;
  }
  const unitPattern =
    /([+-]?\d+(?:\.\d+)?)\s*(years?|mons?|months?|weeks?|days?|hours?|mins?|minutes?|secs?|seconds?)\b/g;
  let consumed = rest;
  for (const match of rest.matchAll(unitPattern)) {
    const unit = match[2]!.replace(/s$/, "");
    total += Number(match[1]) * UNIT_SECONDS[unit]!;
    consumed = consumed.replace(match[0], "");
    matchedAnything = true;
  }
  if (!matchedAnything || consumed.trim() !== "") return null;
  return total * agoSign;
}

function iso8601(value: string): number | null {
  const match =
    /^(-)?p(?:(\d+(?:\.\d+)?)y)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)w)?(?:(\d+(?:\.\d+)?)d)?(?:t(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?)?$/.exec(
      value,
    );
  if (!match || value === "p" || value.endsWith("t")) return null;
  const [, negative, years, months, weeks, days, hours, minutes, seconds] = match;
  const total =
    Number(years ?? 0) * UNIT_SECONDS.year! +
    Number(months ?? 0) * UNIT_SECONDS.mon! +
    Number(weeks ?? 0) * UNIT_SECONDS.week! +
    Number(days ?? 0) * UNIT_SECONDS.day! +
    Number(hours ?? 0) * 3_600 +
    Number(minutes ?? 0) * 60 +
    Number(seconds ?? 0);
  return negative ? -total : total;
}
