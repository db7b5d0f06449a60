import { recentMonthsInVietnam } from '../format/dates';

/** How far back the month pickers of billing go: three years of ended months. */
export const MONTHS_BACK = 36;

/** Months that have ended in Vietnam, newest first: the only months billing can bill. */
export const endedMonths = (count = MONTHS_BACK, now = new Date()): string[] =>
  recentMonthsInVietnam(count + 1, now).slice(1);

/** `2026-11` as people read it: `11/2026`. */
export const monthLabel = (month: string): string => {
  const [year, number] = month.split('-');

  return `${number}/${year}`;
};
