/**
 * The annual review: a year's results against its targets, and next year's targets proposed
 * from them.
 *
 * Year results: for recyclables, landfill and GHG the average month of the year (over months with
 * pickups), so they compare with a baseline month; the sorting share is the average of the
 * monthly shares over months with pickups; register completeness is the value at the end of the
 * year (or of the current month, for the year in progress). Statuses are those of status.ts for
 * month 12: on-track means the target was met.
 *
 * Proposal for the next year (baseline: December of the reviewed year):
 * - sorting share and completeness: met → 5 points higher (at most 100); not met → unchanged;
 * - recyclables, landfill, GHG: met → the same % change again from the new baseline; not met →
 *   what was promised stays the goal: the % that takes the new baseline to last year's target
 *   value (bounded to −50…+100%); the same % again when the new baseline has no data or is
 *   already past that value.
 */
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { getItem } from '../db/items';
import { keys, stripInternal } from '../db/keys';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { factorSetsOf } from '../emissions/store';
import type { Target, TargetInForce, TargetInput } from '../targets/fields';
import { createTarget, targetsInForce } from '../targets/store';
import { ictMonth, monthsBetween } from '../time/ict';
import { pathIds } from '../units/fields';
import { aggregatesOf, aggregatesOfUnit } from './aggregates';
import type { MonthFigures } from './figures';
import { registerHistory } from './register-history';
import { figuresOf, reportUnit, type ReportUnit, type UnitData } from './report';
import { type KpiKey, type KpiStatus, kpiStatuses } from './status';

export interface AnnualReview {
  unit: ReportUnit;
  year: number;
  target: TargetInForce;
  baseline: MonthFigures;
  /** January to December, or to the current month for the year in progress. */
  months: MonthFigures[];
  monthsWithData: number;
  kpis: KpiStatus[];
  proposal: TargetInput;
}

const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

/** The year as one "average month", in the shape the status rules read. */
const yearFigures = (months: MonthFigures[]): MonthFigures => {
  const withData = months.filter((m) => m.pickups.total > 0);
  const last = months[months.length - 1];
  const shares = withData.flatMap((m) =>
    m.households.sortingShare === null ? [] : [m.households.sortingShare],
  );

  return {
    ...last,
    pickups: { ...last.pickups, total: withData.reduce((sum, m) => sum + m.pickups.total, 0) },
    recyclablesKg: mean(withData.map((m) => m.recyclablesKg)),
    landfillKg: mean(withData.map((m) => m.landfillKg)),
    ghgKgCo2e: mean(withData.map((m) => m.ghgKgCo2e)),
    households: { ...last.households, sortingShare: shares.length ? mean(shares) : null },
  };
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

const CHANGE_FIELDS: Partial<Record<KpiKey, keyof TargetInput>> = {
  recyclables: 'recyclablesChangePct',
  landfill: 'landfillChangePct',
  ghg: 'ghgChangePct',
};

export const proposeNextYear = (
  unitId: string,
  year: number,
  target: TargetInForce,
  kpis: KpiStatus[],
  december: MonthFigures | undefined,
): TargetInput => {
  const met = (key: KpiKey) => kpis.find((k) => k.key === key)?.status === 'on-track';
  const newBase: Partial<Record<KpiKey, number>> =
    december && december.pickups.total > 0
      ? {
          recyclables: december.recyclablesKg,
          landfill: december.landfillKg,
          ghg: december.ghgKgCo2e,
        }
      : {};
  const changePct = (key: KpiKey): number => {
    const field = CHANGE_FIELDS[key] as
      'recyclablesChangePct' | 'landfillChangePct' | 'ghgChangePct';
    const promised = kpis.find((k) => k.key === key)?.target ?? null;
    const base = newBase[key];
    if (met(key) || promised === null || !base) return target[field];
    const carried = round1(clamp((promised / base - 1) * 100, -50, 100));
    // December already past the promise (a year missed on average, ended well): ask again.
    const improves = target[field] >= 0 ? carried > 0 : carried < 0;

    return improves ? carried : target[field];
  };

  return {
    unitId,
    year: year + 1,
    baselineMonth: `${year}-12`,
    sortingSharePct: met('sortingShare')
      ? Math.min(100, target.sortingSharePct + 5)
      : target.sortingSharePct,
    recyclablesChangePct: changePct('recyclables'),
    landfillChangePct: changePct('landfill'),
    ghgChangePct: changePct('ghg'),
    completeSharePct: met('completeShare')
      ? Math.min(100, target.completeSharePct + 5)
      : target.completeSharePct,
    note: `Đề xuất từ đánh giá kết quả năm ${year}`,
  };
};

export const annualReview = async (
  db: Db,
  unitId: string | undefined,
  year: number,
  caller?: Principal,
  now = new Date(),
): Promise<AnnualReview> => {
  const unit = await reportUnit(db, unitId, caller);
  const last = `${year}-12` < ictMonth(now) ? `${year}-12` : ictMonth(now);
  const months = last < `${year}-01` ? [] : monthsBetween(`${year}-01`, last);
  const province = pathIds(unit.unitPath)[0] ?? unit.id;
  const [targets, aggregates, history, factors] = await Promise.all([
    targetsInForce(db, new Map([[unit.id, unit.unitPath]]), year),
    aggregatesOfUnit(db, unit.id, `${year}-01`, `${year}-12`),
    registerHistory(db, unit.id),
    factorSetsOf(db, [province]),
  ]);
  const target = targets.get(unit.id) as TargetInForce;
  const baselineAggregate = await aggregatesOf(db, [
    { unitId: unit.id, month: target.baselineMonth },
  ]);
  const data: UnitData = {
    unit,
    aggregates: new Map([
      ...[...baselineAggregate.values()].map((a) => [target.baselineMonth, a] as const),
      ...aggregates,
    ]),
    history,
    target,
    factors: factors.get(province) as UnitData['factors'],
  };
  const monthly = months.map((m) => figuresOf(data, m));
  const baseline = figuresOf(data, target.baselineMonth);
  const kpis = monthly.length ? kpiStatuses(yearFigures(monthly), baseline, target, 12) : [];

  return {
    unit,
    year,
    target,
    baseline,
    months: monthly,
    monthsWithData: monthly.filter((m) => m.pickups.total > 0).length,
    kpis,
    proposal: proposeNextYear(
      unit.id,
      year,
      target,
      kpis,
      monthly.find((m) => m.month === `${year}-12`),
    ),
  };
};

/**
 * Carries the review into next year's targets. Idempotent: when the unit already has targets for
 * next year (from an earlier call, or set by hand) they are returned unchanged, never overwritten.
 */
export const applyAnnualReview = async (
  db: Db,
  unitId: string,
  year: number,
  now: string,
  caller?: Principal,
): Promise<{ created: boolean; target: Target }> => {
  // The unit is a field of what is created: outside the caller's area it is a bad value (400).
  await reportUnit(db, unitId, caller).catch((error) => {
    if (error instanceof NotFoundError) {
      throw new ValidationError('Đơn vị không tồn tại', { unitId: 'Không tồn tại' });
    }
    throw error;
  });
  const review = await annualReview(db, unitId, year, caller);
  const existing = async () => {
    const item = await getItem(db, keys.target(review.unit.id, year + 1), true);

    return item ? stripInternal<Target>(item) : undefined;
  };
  const found = await existing();
  if (found) return { created: false, target: found };
  try {
    return { created: true, target: await createTarget(db, review.proposal, now, caller) };
  } catch (error) {
    // Two calls at once: the other one created it.
    const raced = error instanceof ConflictError ? await existing() : undefined;
    if (raced) return { created: false, target: raced };
    throw error;
  }
};
