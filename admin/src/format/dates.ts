/**
 * Dates as the register shows them: `dd/MM/yyyy`, and instants as `dd/MM/yyyy HH:mm` in
 * Vietnam time whatever the browser's time zone, so two offices never see different days.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const instantParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const partsOf = (instant: Date): Record<string, string> =>
  Object.fromEntries(instantParts.formatToParts(instant).map((part) => [part.type, part.value]));

/** A calendar date ("2024-05-01") is a day, not an instant: it is reformatted, never shifted. */
export const formatDate = (value: string | null | undefined): string => {
  if (!value) return '';
  const match = ISO_DATE.exec(value);
  if (match) return `${match[3]}/${match[2]}/${match[1]}`;

  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const parts = partsOf(instant);

  return `${parts.day}/${parts.month}/${parts.year}`;
};

export const formatDateTime = (value: string | null | undefined): string => {
  if (!value) return '';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const parts = partsOf(instant);

  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
};

/** Today in Vietnam as `yyyy-MM-dd`, for file names. */
export const todayInVietnam = (now: Date = new Date()): string => {
  const parts = partsOf(now);

  return `${parts.year}-${parts.month}-${parts.day}`;
};

/** This month in Vietnam as `yyyy-MM`, the form the API takes for a calendar month. */
export const currentMonthInVietnam = (now: Date = new Date()): string => {
  const parts = partsOf(now);

  return `${parts.year}-${parts.month}`;
};

/**
 * The last `count` calendar months in Vietnam, newest first, as `yyyy-MM`. A month picker built
 * from these reads the same in every browser, unlike `<input type="month">`, which follows the
 * browser's own language rather than the panel's.
 */
export const recentMonthsInVietnam = (count: number, now: Date = new Date()): string[] => {
  const [year, month] = currentMonthInVietnam(now).split('-').map(Number);

  return Array.from({ length: count }, (_, back) => {
    const index = year * 12 + (month - 1) - back;

    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
};
