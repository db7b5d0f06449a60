/**
 * The demo pickups of `npm start` (infra/local/seed/collections.ts): seeded once, the KPI page of
 * each demo unit has figures for every month from the baseline on, and the aggregates written in
 * bulk equal a recomputation from the raw pickups, as if each had gone through the API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WASTE_GROUPS } from '../../../shared/collections/fields';
import { queryAll } from '../../../shared/db/items';
import { collectionTreePk, keys } from '../../../shared/db/keys';
import { addMonths } from '../../../shared/time/days';
import { ictMonth, monthsBetween } from '../../../shared/time/ict';
import { request } from '../../../tests/support/api';
import { bearer, signIn } from '../../../tests/support/stack';
import { type LocalStack, startLocalStack } from '../stack';
import { DEMO_COLLECTION_UNITS, demoStartMonth, seedDemoCollections } from './collections';

type Rec = Record<string, any>;
let stack: LocalStack;
let token: string;
const now = new Date();
const lastWholeMonth = addMonths(ictMonth(now), -1);

before(async () => {
  stack = await startLocalStack({
    port: 0,
    seedPerUnit: 20,
    tableName: 'nguon-test',
    demoCollections: true,
  });
  token = await signIn(stack);
});

after(async () => {
  await stack?.stop();
});

const kpis = async (unitId: string, month: string) => {
  const response = await request(
    stack.url,
    'GET',
    `/api/kpis?unitId=${unitId}&month=${month}`,
    undefined,
    bearer(token),
  );
  assert.equal(response.status, 200, response.text);

  return response.body as Rec;
};

describe('demo pickups', () => {
  test('are seeded once, from the baseline month to today', async () => {
    const seeded = stack.demoCollections;
    assert.ok(seeded && seeded.collections > 1000, JSON.stringify(seeded));
    assert.equal(seeded.from, `${demoStartMonth(now)}-01`);
    assert.ok(demoStartMonth(now) <= `${now.getUTCFullYear() - 1}-12`);
    assert.equal(await seedDemoCollections(stack.db), undefined, 'a second seed does nothing');
  });

  test('give every demo unit, and the city, KPIs for each month from the baseline', async () => {
    for (const { id, campaign } of DEMO_COLLECTION_UNITS) {
      const report = await kpis(id, lastWholeMonth);
      const { figures } = report;
      assert.ok(figures.pickups.household > 0 && figures.pickups.route > 0, id);
      assert.ok(figures.weightsKg.total > 0 && figures.recyclablesKg > 0, id);
      const share = figures.households.sortingShare;
      assert.ok(share >= 0 && share <= 1, `${id}: a share, ${share}`);
      // With 20 households a unit, the weakest campaign (15%) may have no household sorting
      // in a given month; the others always have some.
      if (campaign >= 0.4) assert.ok(share > 0, `${id} has households sorting`);
      assert.ok(figures.register.active > 0, `${id} has its register in ${lastWholeMonth}`);
      for (const kpi of report.kpis) assert.notEqual(kpi.status, 'no-data', `${id} ${kpi.key}`);
      const shown = report.trend.filter((m: Rec) => m.month >= demoStartMonth(now));
      assert.ok(
        shown.every((m: Rec) => m.pickups.total > 0),
        `${id}: every month has pickups`,
      );
    }
    const city = await kpis('568-2409', lastWholeMonth);
    const withPickups = city.children.filter((c: Rec) => c.figures.pickups.total > 0);
    assert.deepEqual(
      withPickups.map((c: Rec) => c.unit.id).sort(),
      DEMO_COLLECTION_UNITS.map((u) => u.id).sort(),
    );
  });

  test("a ward's aggregates equal a recomputation from its raw pickups", async () => {
    const ward = DEMO_COLLECTION_UNITS[0].id;
    for (const month of monthsBetween(demoStartMonth(now), ictMonth(now))) {
      const pickups: Rec[] = await queryAll(stack.db, {
        IndexName: 'byTree',
        KeyConditionExpression: 'treePk = :pk',
        ExpressionAttributeValues: { ':pk': collectionTreePk(ward, month) },
      });
      const expected: Record<string, number> = {};
      const bump = (field: string, by: number) => {
        if (by !== 0) expected[field] = (expected[field] ?? 0) + by;
      };
      const households = new Map<string, Rec[]>();
      for (const p of pickups) {
        for (const g of WASTE_GROUPS) {
          bump(`w.${g}`, p.weights[g]);
          if (p.sortingStatus === 'unsorted') bump(`wu.${g}`, p.weights[g]);
        }
        bump(`n.${p.sortingStatus}`, 1);
        bump(p.householdId ? 'n.household' : 'n.route', 1);
        bump('covered', p.householdsCovered);
        if (p.refusalReason) bump(`r.${p.refusalReason}`, 1);
        if (p.householdId) {
          households.set(p.householdId, [...(households.get(p.householdId) ?? []), p]);
        }
      }
      // Sorting at source: (sorted + ½ partly) ≥ 80% of the pickups that say something.
      for (const own of households.values()) {
        bump('hh.withPickups', 1);
        const count = (s: string) => own.filter((p) => p.sortingStatus === s).length;
        const scored = own.filter((p) => p.refusalReason !== 'not-put-out').length;
        if (scored > 0 && 5 * (2 * count('sorted') + count('partly')) >= 8 * scored) {
          bump('hh.sorting', 1);
        }
      }
      const [item] = await queryAll(stack.db, {
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: {
          ':pk': keys.kpiMonth(ward, month).pk,
          ':sk': keys.kpiMonth(ward, month).sk,
        },
      });
      const stored = Object.fromEntries(
        Object.entries(item ?? {}).filter(
          ([key, value]) => (key.includes('.') || key === 'covered') && value !== 0,
        ),
      );
      assert.deepEqual(stored, expected, `${ward} ${month}`);
    }
  });
});
