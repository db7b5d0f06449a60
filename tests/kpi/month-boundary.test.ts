/**
 * KPI arithmetic on the real store and DynamoDB Local, against figures computed by hand: the
 * month boundary in Vietnam time (23:30 on 31 March ICT is March, 00:30 on 1 April ICT is April,
 * although both are 31 March in UTC) and the roll-up from hamlet to ward, city, province and
 * platform. The file runs itself once under TZ=UTC and once under TZ=Asia/Ho_Chi_Minh: the
 * answers must not depend on the server's time zone.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { createCollection } from '../../shared/collections/store';
import type { CollectionInput } from '../../shared/collections/fields';
import type { HouseholdInput } from '../../shared/households/fields';
import { createHousehold } from '../../shared/households/store';
import { kpiReport } from '../../shared/kpi/report';
import { startTestStack } from '../support/stack';

const UNDER_TEST = process.env.NGUON_KPI_TZ;
const ZONES = ['UTC', 'Asia/Ho_Chi_Minh'];

if (!UNDER_TEST) {
  describe('KPI month boundary and roll-up', () => {
    for (const zone of ZONES) {
      test(`holds under TZ=${zone}`, async () => {
        // Run as a plain script (node:test runs a file's tests when it is executed directly);
        // without the runner's mark of its own child processes, which would swallow the run.
        const { NODE_TEST_CONTEXT, ...env } = process.env;
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', '--test-reporter=spec', fileURLToPath(import.meta.url)],
          { env: { ...env, TZ: zone, NGUON_KPI_TZ: zone }, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        assert.equal(code, 0, `under TZ=${zone}:\n${output}`);
        assert.match(output, /ℹ pass [1-9]/, `no test ran under TZ=${zone}:\n${output}`);
        assert.match(output, /ℹ fail 0/, output);
      });
    }
  });
} else {
  const VINH_HAI = '22330-2409';
  const VINH_HOA = '22327-2409';
  const CITY = '568-2409';
  const PROVINCE = '56-2409';
  const t = (ward: string, n: number) => `${ward}-t0${n}`;

  let stack: LocalStack;
  const households: Record<string, string> = {};

  const household = (code: string, unitId: string, hamletId: string): HouseholdInput => ({
    code,
    ownerName: `Hộ ${code}`,
    unitId,
    kind: 'household',
    address: null,
    hamletId,
    phone: null,
    members: 3,
    feeClass: 'standard',
    sortingSince: '2025-01-01',
    collectorId: 'collector-city',
    status: 'active',
    inactiveSince: null,
    inactiveReason: null,
    location: null,
    note: null,
  });

  const pickup = (fields: Partial<CollectionInput>): CollectionInput => ({
    at: '',
    unitId: VINH_HAI,
    hamletId: null,
    householdId: null,
    householdsCovered: null,
    collectorId: 'collector-city',
    recyclableKg: 0,
    foodKg: 0,
    otherKg: 0,
    bulkyKg: 0,
    hazardousKg: 0,
    sortingStatus: 'sorted',
    refusalReason: null,
    note: null,
    photoUrl: null,
    ...fields,
  });

  before(async () => {
    stack = await startTestStack(0);
    const db = stack.db;
    // Registered in February, so they are on the register at the end of March; H4 only in April.
    const registered = [
      ['H1', VINH_HAI, t(VINH_HAI, 1), '2025-02-10T03:00:00.000Z'],
      ['H2', VINH_HAI, t(VINH_HAI, 2), '2025-02-10T03:00:00.000Z'],
      ['H3', VINH_HOA, t(VINH_HOA, 1), '2025-02-10T03:00:00.000Z'],
      ['H4', VINH_HAI, t(VINH_HAI, 1), '2025-04-02T03:00:00.000Z'],
    ] as const;
    for (const [code, ward, hamlet, when] of registered) {
      households[code] = (await createHousehold(db, household(code, ward, hamlet), when)).id;
    }

    const now = '2025-04-05T00:00:00.000Z';
    const pickups: Array<Partial<CollectionInput>> = [
      // 23:30 ICT on 31 March: March.
      {
        householdId: households.H1,
        at: '2025-03-31T23:30:00+07:00',
        recyclableKg: 2.5,
        foodKg: 4,
        otherKg: 1.5,
      },
      // 00:30 ICT on 1 April, which is still 31 March in UTC: April.
      {
        householdId: households.H1,
        at: '2025-03-31T17:30:00Z',
        sortingStatus: 'unsorted',
        otherKg: 6,
      },
      {
        householdId: households.H1,
        at: '2025-03-15T08:00+07:00',
        sortingStatus: 'partly',
        recyclableKg: 1,
        foodKg: 2,
        otherKg: 1,
      },
      {
        householdId: households.H2,
        at: '2025-03-31T23:59+07:00',
        sortingStatus: 'refused',
        refusalReason: 'not-sorted',
      },
      // Midnight ICT on 1 March is 28 February in UTC: March.
      { householdId: households.H2, at: '2025-03-01T00:00+07:00', foodKg: 3 },
      {
        hamletId: t(VINH_HAI, 1),
        householdsCovered: 30,
        at: '2025-03-20T07:00+07:00',
        sortingStatus: 'unsorted',
        otherKg: 250,
        recyclableKg: 10,
      },
      {
        unitId: VINH_HOA,
        householdId: households.H3,
        at: '2025-03-31T16:59:59Z',
        recyclableKg: 5,
        bulkyKg: 20,
      },
      { unitId: VINH_HOA, householdId: households.H3, at: '2025-02-28T17:00:00Z', foodKg: 1 },
    ];
    for (const fields of pickups) await createCollection(db, pickup(fields), now);
  });

  after(async () => {
    await stack?.stop();
  });

  describe(`KPIs under TZ=${UNDER_TEST}`, () => {
    test('the process really runs in that zone', () => {
      assert.equal(
        new Date('2025-03-31T17:30:00Z').getTimezoneOffset(),
        UNDER_TEST === 'UTC' ? 0 : -420,
      );
    });

    test('hamlet 1 of Vĩnh Hải in March: the 23:30 pickup is in, the 00:30 one is not', async () => {
      const { figures } = await kpiReport(stack.db, { unitId: t(VINH_HAI, 1), month: '2025-03' });
      assert.deepEqual(figures.weightsKg, {
        recyclable: 13.5,
        food: 6,
        other: 252.5,
        bulky: 0,
        hazardous: 0,
        total: 272,
      });
      assert.equal(figures.unsortedKg, 260);
      assert.equal(figures.recyclablesKg, 3.5);
      assert.deepEqual(figures.byDestinationKg, {
        recycling: 3.5,
        composting: 6,
        landfill: 262.5,
        incineration: 0,
      });
      // 0.006 t × 191.5 + 0.2625 t × 1,120 = 1.149 + 294
      assert.equal(figures.ghgKgCo2e, 295.1);
      assert.deepEqual(figures.pickups, {
        total: 3,
        sorted: 1,
        partly: 1,
        unsorted: 1,
        refused: 0,
        household: 2,
        route: 1,
      });
      assert.equal(figures.householdsCovered, 32);
      // H1: one sorted, one partly = 75% < 80%: not sorting. H4 was not yet registered.
      assert.deepEqual(figures.households, {
        active: 1,
        withPickups: 1,
        sorting: 0,
        sortingShare: 0,
      });
    });

    test('Vĩnh Hải in March adds hamlet 2 (a refusal and the midnight pickup of 1 March)', async () => {
      const { figures } = await kpiReport(stack.db, { unitId: VINH_HAI, month: '2025-03' });
      assert.deepEqual(figures.weightsKg, {
        recyclable: 13.5,
        food: 9,
        other: 252.5,
        bulky: 0,
        hazardous: 0,
        total: 275,
      });
      assert.equal(figures.landfillKg, 262.5);
      // 0.009 × 191.5 + 0.2625 × 1,120 = 1.7235 + 294
      assert.equal(figures.ghgKgCo2e, 295.7);
      assert.deepEqual(figures.pickups, {
        total: 5,
        sorted: 2,
        partly: 1,
        unsorted: 1,
        refused: 1,
        household: 4,
        route: 1,
      });
      assert.deepEqual(figures.refusals, { 'not-sorted': 1, 'wrong-bag': 0, 'not-put-out': 0 });
      assert.deepEqual(figures.households, {
        active: 2,
        withPickups: 2,
        sorting: 0,
        sortingShare: 0,
      });
    });

    test('Vĩnh Hải in April: only the 00:30 pickup, and H4 is now on the register', async () => {
      const { figures } = await kpiReport(stack.db, { unitId: VINH_HAI, month: '2025-04' });
      assert.deepEqual(figures.weightsKg, {
        recyclable: 0,
        food: 0,
        other: 6,
        bulky: 0,
        hazardous: 0,
        total: 6,
      });
      assert.equal(figures.landfillKg, 6);
      assert.equal(figures.ghgKgCo2e, 6.7);
      assert.deepEqual(figures.households, {
        active: 3,
        withPickups: 1,
        sorting: 0,
        sortingShare: 0,
      });
    });

    test('city, province and platform roll up both wards: H3 sorts, 1 of 3 households', async () => {
      for (const unitId of [CITY, PROVINCE, '*']) {
        const { figures } = await kpiReport(stack.db, { unitId, month: '2025-03' });
        assert.deepEqual(
          figures.weightsKg,
          { recyclable: 18.5, food: 10, other: 252.5, bulky: 20, hazardous: 0, total: 301 },
          unitId,
        );
        assert.equal(figures.recyclablesKg, 8.5, unitId);
        assert.equal(figures.landfillKg, 282.5, unitId);
        // 0.010 × 191.5 + 0.2825 × 1,120 = 1.915 + 316.4
        assert.equal(figures.ghgKgCo2e, 318.3, unitId);
        assert.equal(figures.pickups.total, 7, unitId);
        assert.equal(figures.householdsCovered, 36, unitId);
        assert.deepEqual(
          figures.households,
          { active: 3, withPickups: 3, sorting: 1, sortingShare: 1 / 3 },
          unitId,
        );
      }
    });

    test('each level equals the sum of its children, from hamlets to the province', async () => {
      for (const unitId of [VINH_HAI, VINH_HOA, CITY, PROVINCE]) {
        const report = await kpiReport(stack.db, { unitId, month: '2025-03' });
        const sum = (pick: (f: typeof report.figures) => number) =>
          Math.round(
            report.children.reduce((total, child) => total + pick(child.figures), 0) * 10,
          ) / 10;
        assert.equal(
          sum((f) => f.weightsKg.total),
          report.figures.weightsKg.total,
          unitId,
        );
        assert.equal(
          sum((f) => f.landfillKg),
          report.figures.landfillKg,
          unitId,
        );
        assert.equal(
          sum((f) => f.pickups.total),
          report.figures.pickups.total,
          unitId,
        );
        assert.equal(
          sum((f) => f.households.sorting),
          report.figures.households.sorting,
          unitId,
        );
        assert.equal(
          sum((f) => f.households.withPickups),
          report.figures.households.withPickups,
          unitId,
        );
      }
    });

    test('the trend has the twelve months to the one asked, March and April in place', async () => {
      const { trend } = await kpiReport(stack.db, { unitId: VINH_HAI, month: '2025-04' });
      assert.deepEqual(
        trend.map((m) => m.month),
        [
          '2024-05',
          '2024-06',
          '2024-07',
          '2024-08',
          '2024-09',
          '2024-10',
          '2024-11',
          '2024-12',
          '2025-01',
          '2025-02',
          '2025-03',
          '2025-04',
        ],
      );
      assert.deepEqual(
        trend.slice(-3).map((m) => m.weightsKg.total),
        [0, 275, 6],
      );
      assert.deepEqual(
        trend.slice(-4).map((m) => m.register.active),
        [0, 2, 2, 3],
      );
    });
  });
}
