/**
 * The KPI benchmark's data: a city of 27 wards (the Nha Trang rollout) and a province of 65
 * commune-level units (Khánh Hòa after the July 2025 reform), units and accounts written with
 * the store, and 12 months of collection aggregates and register history bulk-loaded. The
 * aggregates are built by the product's own roll-up (`AggregateDeltas`: every ancestor and the
 * platform) from per-hamlet monthly totals; loading them this way instead of through 100,000s
 * of collection transactions is how the table gets its history quickly, and the KPI page reads
 * only these items whatever the number of collections behind them.
 */
import { createAccount } from '../shared/accounts/store';
import type { Db } from '../shared/db/client';
import { keys } from '../shared/db/keys';
import { AggregateDeltas, type Aggregate } from '../shared/kpi/aggregates';
import { addCounterDeltas, type HouseholdCount } from '../shared/households/counters';
import { monthsBetween } from '../shared/time/ict';
import { createUnit } from '../shared/units/store';
import type { UnitLevel } from '../shared/units/fields';
import { streamFor } from '../infra/local/seed/random';
import { batchWriteAll } from './load';

const NOW = '2026-01-15T08:00:00.000Z';
const SEED = 20_250_331;

export interface KpiArea {
  provinceId: string;
  /** The unit whose KPI page is measured: the city, or the province itself. */
  pageUnitId: string;
  wards: Array<{ id: string; unitPath: string; hamlets: Array<{ id: string; unitPath: string }> }>;
  collectorId: string;
  units: number;
}

const unit = (db: Db, id: string, name: string, level: UnitLevel, parentId: string | null) =>
  createUnit(
    db,
    { code: id.toUpperCase(), name, level, parentId, validFrom: null, validTo: null },
    NOW,
    id,
  );

/** province → (city →) wards → hamlets, and one collector serving the whole area. */
export const createKpiArea = async (
  db: Db,
  spec: { stem: string; wards: number; hamletsPerWard: number; withCity: boolean },
): Promise<KpiArea> => {
  const province = await unit(db, `${spec.stem}-p`, `Tỉnh ${spec.stem}`, 'province', null);
  const parent = spec.withCity
    ? await unit(db, `${spec.stem}-c`, `Thành phố ${spec.stem}`, 'city', province.id)
    : province;
  let units = spec.withCity ? 2 : 1;
  const wards: KpiArea['wards'] = [];
  for (let w = 1; w <= spec.wards; w += 1) {
    const ward = await unit(db, `${spec.stem}-w${w}`, `Phường ${w}`, 'ward', parent.id);
    const hamlets = [];
    for (let h = 1; h <= spec.hamletsPerWard; h += 1) {
      const hamlet = await unit(db, `${ward.id}-t${h}`, `Tổ ${h}`, 'hamlet', ward.id);
      hamlets.push({ id: hamlet.id, unitPath: hamlet.unitPath });
    }
    units += 1 + hamlets.length;
    wards.push({ id: ward.id, unitPath: ward.unitPath, hamlets });
  }
  const collector = await createAccount(
    db,
    {
      name: `Thu gom ${spec.stem}`,
      kind: 'collector',
      unitId: province.id,
      contactName: null,
      phone: null,
      email: null,
      status: 'active',
      activatedOn: null,
    },
    NOW,
    `${spec.stem}-collector`,
  );

  return {
    provinceId: province.id,
    pageUnitId: parent.id,
    wards,
    collectorId: collector.id,
    units,
  };
};

/**
 * Per hamlet and month: about 180 household pickups and 8 route pickups, weights and statuses
 * drawn around the rollout's figures; the register grows through the year (one month item per
 * unit and month). Returns how many collections the aggregates stand for.
 */
export const loadHistory = async (db: Db, areas: KpiArea[], from: string, to: string) => {
  const rng = streamFor(SEED, 'kpi-history');
  const deltas = new AggregateDeltas();
  const counters = new Map<string, HouseholdCount>();
  const moves = new Map<string, Map<string, HouseholdCount>>();
  let collections = 0;
  const months = monthsBetween(from, to);
  for (const ward of areas.flatMap((area) => area.wards)) {
    for (const hamlet of ward.hamlets) {
      for (const [index, month] of months.entries()) {
        const household = rng.int(150, 210);
        const route = 8;
        const sorted = Math.round(household * (0.4 + 0.4 * (index / months.length)));
        const refused = rng.int(0, 6);
        const partly = rng.int(10, 30);
        const unsorted = Math.max(0, household + route - sorted - partly - refused);
        const tenths = (kg: number) => Math.round(kg * 10 * (0.8 + 0.4 * rng.next()));
        const delta: Partial<Aggregate> = {
          'w.recyclable': tenths(180),
          'w.food': tenths(520),
          'w.other': tenths(900),
          'w.bulky': tenths(40),
          'w.hazardous': tenths(2),
          'wu.other': tenths(400),
          'wu.food': tenths(120),
          'n.sorted': sorted,
          'n.partly': partly,
          'n.unsorted': unsorted,
          'n.refused': refused,
          'n.household': household,
          'n.route': route,
          covered: household + route * 30,
          'r.not-sorted': refused,
          'hh.withPickups': Math.round(household / 4),
          'hh.sorting': Math.round(sorted / 5),
        };
        deltas.add(hamlet.unitPath, month, delta);
        collections += household + route;

        // Households registered this month, all active, about 40% complete.
        const added = rng.int(2, 8);
        for (let i = 0; i < added; i += 1) {
          const counted = {
            unitPath: hamlet.unitPath,
            status: 'active',
            completeness: rng.chance(0.4) ? 10 : 8,
          };
          const monthly = new Map<string, HouseholdCount>();
          addCounterDeltas(monthly, undefined, counted);
          addCounterDeltas(counters, undefined, counted);
          for (const [unitId, count] of monthly) {
            const byMonth = moves.get(unitId) ?? new Map<string, HouseholdCount>();
            const sum = byMonth.get(month) ?? { total: 0, active: 0, complete: 0, incomplete: 0 };
            for (const field of ['total', 'active', 'complete', 'incomplete'] as const) {
              sum[field] += count[field];
            }
            byMonth.set(month, sum);
            moves.set(unitId, byMonth);
          }
        }
      }
    }
  }

  const items = [
    ...[...deltas.byKey.entries()].map(([key, values]) => {
      const [unitId, month] = key.split('|');

      return { ...keys.kpiMonth(unitId, month), ...values };
    }),
    ...[...counters.entries()].map(([unitId, count]) => ({
      ...keys.householdCounter(unitId),
      ...count,
    })),
    ...[...moves.entries()].flatMap(([unitId, byMonth]) =>
      [...byMonth.entries()].map(([month, count]) => ({
        ...keys.householdCounterMonth(unitId, month),
        ...count,
      })),
    ),
  ];
  await batchWriteAll(db, items, 4);

  return { collections, aggregateItems: deltas.byKey.size };
};
