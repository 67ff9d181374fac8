/**
 * Calendar dates as the content writes them: `YYYY-MM-DD` strings.
 *
 * Dates stay strings end to end. ISO calendar strings compare correctly as
 * strings, and keeping them out of `Date` avoids time-zone drift turning
 * 2026-10-01 into 2026-09-30 on someone's laptop.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export type CalendarDate = string;

/** True for a well-formed string that names a real day (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads years 0-99 as 1900-1999, which would judge 0029-02-29 by
  // 1929's calendar: set the year on its own so every year is itself.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isWellFormedDate(value: string): boolean {
  return DATE_PATTERN.test(value);
}

/** Today's date in UTC, which is what `--today` defaults to. */
export function todayUtc(now: Date = new Date()): CalendarDate {
  return now.toISOString().slice(0, 10);
}

function toUtcMs(date: CalendarDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * One formatter for every page: `toLocaleDateString` with options builds a
 * new formatter on each call, which at 10,000 feature pages was the largest
 * single cost of the site build.
 */
const peopleDates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Formats a date for people: "1 Oct 2026". */
export function formatDate(date: CalendarDate): string {
  const when = new Date(toUtcMs(date));
  if (when.getUTCFullYear() >= 1000) return peopleDates.format(when);
  // Intl prints year 50 as "50": keep the four digits the page was written with.
  return peopleDates
    .formatToParts(when)
    .map((part) => (part.type === 'year' ? date.slice(0, 4) : part.value))
    .join('');
}
