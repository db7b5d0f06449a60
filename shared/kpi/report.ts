import { type Principal, scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { PLATFORM } from '../db/keys';
import { DEFAULT_FACTOR_SET, type FactorSet } from '../emissions/fields';
import { factorSetsOf } from '../emissions/store';
import { NotFoundError, ValidationError } from '../errors';
import type { TargetInForce } from '../targets/fields';
import { targetsInForce } from '../targets/store';
import { addMonths, isMonth } from '../time/days';
import { ictMonth, monthsBetween } from '../time/ict';
import { isUnder, pathIds } from '../units/fields';
import { getStoredUnit, unitsUnder } from '../units/store';
import { type Aggregate, aggregatesOf, aggregatesOfUnit, emptyAggregate } from './aggregates';
import { KPI_DEFINITIONS, STATUS_DEFINITIONS } from './definitions';
import { computeFigures, type MonthFigures, withProvinceSums } from './figures';
import { registerAt, registerHistory, type RegisterHistory } from './register-history';
import { type KpiStatus, kpiStatuses } from './status';

/** Months of the trend, the asked month included. */
export const TREND_MONTHS = 12;

export interface ReportUnit {
  id: string;
  name: string;
  level: string;
  unitPath: string;
  parentId: string | null;
}

export interface UnitKpis {
  unit: ReportUnit;
  figures: MonthFigures;
  baseline: MonthFigures;
  target: TargetInForce;
  kpis: KpiStatus[];
}

export interface KpiReport extends UnitKpis {
  month: string;
  /** Oldest first, ending with `month`. */
  trend: MonthFigures[];
  /** One level down the tree (province → cities or wards → hamlets), for drilling down. */
  children: UnitKpis[];
  emissionFactors: FactorSet;
  definitions: { kpis: typeof KPI_DEFINITIONS; statuses: typeof STATUS_DEFINITIONS };
}

const PLATFORM_UNIT: ReportUnit = {
  id: PLATFORM,
  name: 'Toàn nền tảng',
  level: 'platform',
  unitPath: '/',
  parentId: null,
};

const asReportUnit = (unit: ReportUnit): ReportUnit => ({
  id: unit.id,
  name: unit.name,
  level: unit.level,
  unitPath: unit.unitPath,
  parentId: unit.parentId ?? null,
});

/** The unit asked for (default: the caller's own area), answered 404 outside the caller's area. */
export const reportUnit = async (
  db: Db,
  unitId: string | undefined,
  caller?: Principal,
): Promise<ReportUnit> => {
  const scope = scopeOf(caller);
  const id = unitId || pathIds(scope).at(-1) || PLATFORM;
  if (id === PLATFORM) {
    if (scope !== '/')
      throw new NotFoundError('Không tìm thấy đơn vị hành chính', 'unit.not_found');

    return PLATFORM_UNIT;
  }
  const unit = await getStoredUnit(db, id);
  if (!unit || !isUnder(unit.unitPath, scope)) {
    throw new NotFoundError('Không tìm thấy đơn vị hành chính', 'unit.not_found');
  }

  return asReportUnit(unit as ReportUnit);
};

export const checkMonth = (month: string | undefined, now = new Date()): string => {
  const value = month || ictMonth(now);
  if (!isMonth(value)) {
    throw new ValidationError(
      'Tháng phải có dạng YYYY-MM',
      { month: 'Không hợp lệ' },
      'kpi.bad_month',
    );
  }

  return value;
};

const provinceOf = (unit: ReportUnit): string => pathIds(unit.unitPath)[0] ?? PLATFORM;

/** Reads shared by a report and the annual review: aggregates, registers, targets, factors. */
export interface UnitData {
  unit: ReportUnit;
  aggregates: Map<string, Aggregate>;
  history: RegisterHistory;
  target: TargetInForce;
  factors: FactorSet;
  /** For the platform only: each province's aggregates and factors, for GHG sums. */
  provinces?: Array<{ aggregates: Map<string, Aggregate>; factors: FactorSet }>;
}

export const figuresOf = (data: UnitData, month: string): MonthFigures => {
  const register = registerAt(data.history, month);
  const own = computeFigures(
    month,
    data.aggregates.get(month) ?? emptyAggregate(),
    register,
    data.factors,
  );
  if (!data.provinces) return own;
  // Only the destinations and GHG of these are used.
  const sums = data.provinces.map((p) =>
    computeFigures(month, p.aggregates.get(month) ?? emptyAggregate(), register, p.factors),
  );

  return withProvinceSums(own, sums);
};

const unitKpis = (data: UnitData, month: string): UnitKpis => {
  const figures = figuresOf(data, month);
  const baseline = figuresOf(data, data.target.baselineMonth);

  return {
    unit: data.unit,
    figures,
    baseline,
    target: data.target,
    kpis: kpiStatuses(figures, baseline, data.target, Number(month.slice(5, 7))),
  };
};

/**
 * The KPI page of a unit for a month: its figures, baseline, targets and statuses, a 12-month
 * trend, and the same for each child unit. Everything comes from the monthly aggregates, the
 * register counters and their month moves, the targets and the factors — a number of reads
 * proportional to the units shown, never to their collections.
 */
export const kpiReport = async (
  db: Db,
  query: { unitId?: string; month?: string },
  caller?: Principal,
): Promise<KpiReport> => {
  const month = checkMonth(query.month);
  const unit = await reportUnit(db, query.unitId, caller);
  const from = addMonths(month, 1 - TREND_MONTHS);
  const year = Number(month.slice(0, 4));

  const below = await unitsUnder(db, unit.unitPath);
  const children = below
    .filter((u) => (unit.id === PLATFORM ? !u.parentId : u.parentId === unit.id))
    .map((u) => asReportUnit(u as ReportUnit));
  const paths = new Map([unit, ...children].map((u) => [u.id, u.unitPath]));
  const provinceIds = unit.id === PLATFORM ? children.map((c) => c.id) : [provinceOf(unit)];

  const [targets, trendAggregates, history, childHistories, factorSets] = await Promise.all([
    targetsInForce(db, paths, year),
    aggregatesOfUnit(db, unit.id, from, month),
    registerHistory(db, unit.id),
    Promise.all(children.map((child) => registerHistory(db, child.id))),
    factorSetsOf(db, provinceIds),
  ]);
  const target = targets.get(unit.id) as TargetInForce;
  const childTarget = (id: string) => targets.get(id) as TargetInForce;

  // The baseline month may lie outside the trend; children need their month and baseline.
  const pairs = [
    ...(target.baselineMonth < from ? [{ unitId: unit.id, month: target.baselineMonth }] : []),
    ...children.flatMap((c) => [
      { unitId: c.id, month },
      { unitId: c.id, month: childTarget(c.id).baselineMonth },
      // The platform's baseline sums its provinces' GHG in that month too.
      ...(unit.id === PLATFORM ? [{ unitId: c.id, month: target.baselineMonth }] : []),
    ]),
  ];
  const single = await aggregatesOf(db, pairs);
  const aggregatesFor = (unitId: string) =>
    new Map(
      [...single.entries()]
        .filter(([key]) => key.startsWith(`${unitId}|`))
        .map(([key, aggregate]) => [key.slice(unitId.length + 1), aggregate]),
    );
  const factorsFor = (provinceId: string) => factorSets.get(provinceId) ?? DEFAULT_FACTOR_SET;

  const childData: UnitData[] = children.map((child, i) => ({
    unit: child,
    aggregates: aggregatesFor(child.id),
    history: childHistories[i],
    target: childTarget(child.id),
    factors: factorsFor(unit.id === PLATFORM ? child.id : provinceOf(unit)),
  }));
  const data: UnitData = {
    unit,
    aggregates: new Map([...aggregatesFor(unit.id), ...trendAggregates]),
    history,
    target,
    factors: unit.id === PLATFORM ? DEFAULT_FACTOR_SET : factorsFor(provinceOf(unit)),
  };
  if (unit.id === PLATFORM) {
    // Provinces differ in factors: the platform's GHG sums theirs, month by month.
    const provinceTrends = await Promise.all(
      children.map((child) => aggregatesOfUnit(db, child.id, from, month)),
    );
    data.provinces = childData.map((child, i) => ({
      aggregates: new Map([...child.aggregates, ...provinceTrends[i]]),
      factors: child.factors,
    }));
  }

  return {
    ...unitKpis(data, month),
    month,
    trend: monthsBetween(from, month).map((m) => figuresOf(data, m)),
    children: childData.map((child) => unitKpis(child, month)),
    emissionFactors: data.factors,
    definitions: { kpis: KPI_DEFINITIONS, statuses: STATUS_DEFINITIONS },
  };
};
