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
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // The proleptic Gregorian calendar, as Date uses, for every year from 0000 (no Date
  // needed: Date.UTC reads years 0-99 as 1900-1999, and building one per date is slow).
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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
 * single cost of the site build. Made on first use, not when the module
 * loads: building it costs about 20 ms, which `validate` never needs to pay.
 */
let peopleDatesFormat: Intl.DateTimeFormat | undefined;
function peopleDates(): Intl.DateTimeFormat {
  return (peopleDatesFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
}

/**
 * Dates already formatted. Intl's formatting is the slow part and pages
 * format the same few thousand dates over and over (each feature's dates
 * appear on its page, its people's queues, the board): about 0.9 CPU s of a
 * 10,000-feature build without this. Bounded by the distinct dates of the
 * content, a few thousand at most.
 */
const formatted = new Map<CalendarDate, string>();

/** Formats a date for people: "1 Oct 2026". */
export function formatDate(date: CalendarDate): string {
  let text = formatted.get(date);
  if (text === undefined) {
    text = formatUncached(date);
    formatted.set(date, text);
  }
  return text;
}

function formatUncached(date: CalendarDate): string {
  const when = new Date(toUtcMs(date));
  if (when.getUTCFullYear() >= 1000) return peopleDates().format(when);
  // Intl prints year 50 as "50": keep the four digits the page was written with.
  return peopleDates()
    .formatToParts(when)
    .map((part) => (part.type === 'year' ? date.slice(0, 4) : part.value))
    .join('');
}
