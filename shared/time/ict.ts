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
