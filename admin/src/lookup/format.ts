import { formatVnd } from '../format/money';

export { formatVnd };

/** "2026-11" → "Tháng 11/2026". */
export const formatMonth = (month: string): string => {
  const match = /^(\d{4})-(\d{2})$/.exec(month);

  return match ? `Tháng ${Number(match[2])}/${match[1]}` : month;
};

/** Months in order, joined the Vietnamese way: "Tháng 10/2026, Tháng 11/2026". */
export const formatMonths = (months: string[]): string =>
  [...months].sort().map(formatMonth).join(', ');
