import { addMonths } from './days';

/**
 * Vietnam time (ICT, UTC+7, no daylight saving). Calendar days and months are ICT whatever
 * the server's TZ, so they are computed from the instant, never from local time.
 */
const ICT_OFFSET_MS = 7 * 3600_000;

const shifted = (instant: string | Date): Date =>
  new Date(new Date(instant).getTime() + ICT_OFFSET_MS);

/** `YYYY-MM-DD` of the instant in Vietnam. */
export const ictDate = (instant: string | Date): string =>
  shifted(instant).toISOString().slice(0, 10);

/** `YYYY-MM` of the instant in Vietnam. */
export const ictMonth = (instant: string | Date): string => ictDate(instant).slice(0, 7);

/** The instant a Vietnam calendar day starts, as an ISO string in UTC. */
export const ictDayStart = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) - ICT_OFFSET_MS).toISOString();

/** The instants a Vietnam calendar month covers: `from` inclusive, `to` exclusive. */
export const ictMonthRange = (month: string): { from: string; to: string } => ({
  from: ictDayStart(`${month}-01`),
  to: ictDayStart(`${addMonths(month, 1)}-01`),
});

/** `YYYY-MM` months from `from` to `to`, both included, in order. */
export const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);

  return months;
};

/**
 * An instant from what people and clients send: ISO 8601 with `Z` or an offset is taken as
 * given; a date and time without an offset (`2025-03-31T23:30`, `31/03/2025 23:30`) is Vietnam
 * time; a date alone is the start of that day in Vietnam. Undefined when the text is none of
 * these or names a day that does not exist.
 */
export const parseInstant = (text: string): string | undefined => {
  const value = text.trim();
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value,
    );
  const dayFirst =
    /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/.exec(value);
  let parts: number[];
  let zone: string | undefined;
  let millis = 0;
  if (iso) {
    parts = [1, 2, 3, 4, 5, 6].map((i) => Number(iso[i] ?? 0));
    millis = iso[7] ? Math.round(Number(iso[7]) * 1000) : 0;
    zone = iso[8];
  } else if (dayFirst) {
    const [day, month, year] = [1, 2, 3].map((i) => Number(dayFirst[i]));
    parts = [year, month, day, ...[4, 5, 6].map((i) => Number(dayFirst[i] ?? 0))];
  } else {
    return undefined;
  }

  const [year, month, day, hour, minute, second] = parts;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  const real =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!real) return undefined;

  let offsetMs = ICT_OFFSET_MS;
  if (zone === 'Z') offsetMs = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }

  return new Date(utc - offsetMs).toISOString();
};
