/**
 * Calendar days (`YYYY-MM-DD`) and months (`YYYY-MM`) as plain strings. The arithmetic runs on
 * UTC midnights, so the server's TZ can never move a day; which day it is *now* in Vietnam comes
 * from shared/time/ict.ts.
 */
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const toUtc = (day: string): number => {
  const [year, month, date] = day.split('-').map(Number);

  return Date.UTC(year, month - 1, date);
};

const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A real calendar day between the years 1900 and 2999 (no 31 April, no 29 February 2026). */
export const isDay = (value: unknown): value is string => {
  if (typeof value !== 'string' || !DAY_PATTERN.test(value)) return false;
  const year = Number(value.slice(0, 4));

  return year >= 1900 && year < 3000 && fromUtc(toUtc(value)) === value;
};

/** A calendar month `YYYY-MM` between the years 1900 and 2999. */
export const isMonth = (value: unknown): value is string =>
  typeof value === 'string' &&
  MONTH_PATTERN.test(value) &&
  Number(value.slice(0, 4)) >= 1900 &&
  Number(value.slice(0, 4)) < 3000;

export const addDays = (day: string, days: number): string => fromUtc(toUtc(day) + days * DAY_MS);

/** Whole days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

export const monthOf = (day: string): string => day.slice(0, 7);

export const daysInMonth = (month: string): number => {
  const [year, number] = month.split('-').map(Number);

  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, number, 0)).getUTCDate();
};

export const firstDayOf = (month: string): string => `${month}-01`;

export const lastDayOf = (month: string): string => `${month}-${pad(daysInMonth(month))}`;

export const addMonths = (month: string, months: number): string => {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + months;

  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
};

/**
 * The same day `months` later; where that day does not exist (29 February in a common year,
 * 31 April), the last day of that month.
 */
export const addMonthsClamped = (day: string, months: number): string => {
  const month = addMonths(monthOf(day), months);
  const date = Math.min(Number(day.slice(8, 10)), daysInMonth(month));

  return `${month}-${pad(date)}`;
};

/** Every day of a month, in order. */
export const daysOfMonth = (month: string): string[] =>
  Array.from({ length: daysInMonth(month) }, (_, index) => `${month}-${pad(index + 1)}`);

/** `16/11/2026`, as Vietnamese documents write a day. */
export const viDay = (day: string): string =>
  `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** `11/2026`, as Vietnamese documents write a month. */
export const viMonth = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
