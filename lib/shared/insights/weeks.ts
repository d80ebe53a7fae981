// Calendar weeks for the completion charts: Monday 00:00 UTC to the next Monday, the same
// clock the pages print times in (components/format.ts), so a week reads the same everywhere.

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the week `date` falls in. */
export function weekStart(date: Date): Date {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const daysSinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * DAY_MS);
}

/** The starts of `count` consecutive weeks, oldest first, the last being the week of `last`. */
export function weeksEndingWith(last: Date, count: number): Date[] {
  const final = weekStart(last).getTime();
  return Array.from({ length: count }, (_, index) => new Date(final - (count - 1 - index) * WEEK_MS));
}

/** A week's key in the kept week tallies (WeekTally): its Monday as YYYY-MM-DD. */
export function weekKey(start: Date): string {
  return weekStart(start).toISOString().slice(0, 10);
}
