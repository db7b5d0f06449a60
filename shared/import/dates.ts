const pad2 = (n: number): string => String(n).padStart(2, '0');

const isRealDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one, leap years included.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();

  return day <= daysInMonth;
};

/**
 * Vietnamese registers write day first: "05/03/2024", "5/3/2024", "05-03-2024", "05.03.2024";
 * exports and our own files write "2024-03-05". Returns yyyy-MM-dd, or undefined when the text
 * is not such a date or names a day that does not exist (31/02).
 */
export const toIsoDate = (value: string): string | undefined => {
  const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(value);
  const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);

  let year: number;
  let month: number;
  let day: number;
  if (dayFirst) {
    [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[3]), Number(dayFirst[4])];
  } else if (yearFirst) {
    [year, month, day] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  } else {
    return undefined;
  }

  return isRealDate(year, month, day) ? `${year}-${pad2(month)}-${pad2(day)}` : undefined;
};
