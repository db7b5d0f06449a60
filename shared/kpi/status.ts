/**
 * Each KPI against its baseline and its target: on-track, at-risk or off-track.
 *
 * A year's target is to be reached by December, so a month is judged against the straight path
 * from the baseline value (at the start of the year) to the target value (at its end). For month
 * m of the year (1 = January):
 * - on-track: the target is already reached, or the value is at least where the straight path
 *   is in month m: baseline + (target − baseline) × m/12;
 * - at-risk: not there, but at least halfway along it: baseline + (target − baseline) × m/24;
 * - off-track: less than half the expected progress, or a move the wrong way;
 * - no-data: no pickups that month, or (for a change against the baseline) none in the baseline
 *   month to compare with.
 * "Reached" is ≥ for what should rise (sorting share, recyclables, completeness) and ≤ for what
 * should fall (landfill, GHG, when their target is a reduction). The annual review judges the
 * whole year with m = 12, so on-track there means the target was met.
 */
import type { TargetInForce } from '../targets/fields';
import type { MonthFigures } from './figures';

export const KPI_KEYS = [
  'sortingShare',
  'recyclables',
  'landfill',
  'ghg',
  'completeShare',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];
export type KpiState = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

export interface KpiStatus {
  key: KpiKey;
  /** Shares are 0–1; recyclables and landfill are kg; GHG is kg CO2e. */
  value: number | null;
  baseline: number | null;
  /** The value to reach by December. */
  target: number | null;
  /** Where the straight path from baseline to target is this month. */
  expected: number | null;
  direction: 'up' | 'down';
  status: KpiState;
}

export const assess = (
  value: number | null,
  baseline: number | null,
  target: number | null,
  direction: 'up' | 'down',
  monthOfYear: number,
): Pick<KpiStatus, 'expected' | 'status'> => {
  if (value === null || baseline === null || target === null) {
    return { expected: null, status: 'no-data' };
  }
  const better = (a: number, b: number) => (direction === 'up' ? a >= b : a <= b);
  const expected = baseline + ((target - baseline) * monthOfYear) / 12;
  const halfway = baseline + ((target - baseline) * monthOfYear) / 24;
  let status: KpiState = 'off-track';
  if (better(value, target) || better(value, expected)) status = 'on-track';
  else if (better(value, halfway)) status = 'at-risk';

  return { expected, status };
};

const hasPickups = (figures: MonthFigures | undefined) => (figures?.pickups.total ?? 0) > 0;

const change = (
  key: KpiKey,
  value: (f: MonthFigures) => number,
  pct: number,
  current: MonthFigures,
  baseline: MonthFigures | undefined,
  monthOfYear: number,
): KpiStatus => {
  const v = hasPickups(current) ? value(current) : null;
  const b = baseline && hasPickups(baseline) ? value(baseline) : null;
  const target = b === null ? null : b * (1 + pct / 100);
  const direction = pct >= 0 ? 'up' : 'down';

  return {
    key,
    value: v,
    baseline: b,
    target,
    direction,
    ...assess(v, b, target, direction, monthOfYear),
  };
};

const share = (
  key: KpiKey,
  value: number | null,
  baselineValue: number | null | undefined,
  pct: number,
): Omit<KpiStatus, 'expected' | 'status'> => ({
  key,
  value,
  // With nothing to compare, the path starts from zero.
  baseline: baselineValue ?? 0,
  target: pct / 100,
  direction: 'up',
});

/** The five KPIs of a month, each with its baseline, target and status. */
export const kpiStatuses = (
  current: MonthFigures,
  baseline: MonthFigures | undefined,
  target: TargetInForce,
  monthOfYear: number,
): KpiStatus[] => {
  const sorting = share(
    'sortingShare',
    hasPickups(current) ? current.households.sortingShare : null,
    baseline?.households.sortingShare,
    target.sortingSharePct,
  );
  const complete = share(
    'completeShare',
    current.register.completeShare,
    baseline?.register.completeShare,
    target.completeSharePct,
  );

  return [
    { ...sorting, ...assess(sorting.value, sorting.baseline, sorting.target, 'up', monthOfYear) },
    change(
      'recyclables',
      (f) => f.recyclablesKg,
      target.recyclablesChangePct,
      current,
      baseline,
      monthOfYear,
    ),
    change(
      'landfill',
      (f) => f.landfillKg,
      target.landfillChangePct,
      current,
      baseline,
      monthOfYear,
    ),
    change('ghg', (f) => f.ghgKgCo2e, target.ghgChangePct, current, baseline, monthOfYear),
    {
      ...complete,
      ...assess(complete.value, complete.baseline, complete.target, 'up', monthOfYear),
    },
  ];
};
