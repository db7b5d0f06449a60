/**
 * KPIs, targets, emission factors, the annual review and the open statistics through the HTTP
 * API on the real local stack.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { ictMonth } from '../../shared/time/ict';
import { assertApiError, request } from '../support/api';
import { bearer, signIn, startTestStack } from '../support/stack';

const PHUOC_DONG = '22405-2409'; // a commune with nothing else recorded in this file
const VINH_HAI = '22330-2409';
const LOC_THO = '22363-2409';
const CITY = '568-2409';
const PROVINCE = '56-2409';

let stack: LocalStack;
const tokens: Record<string, string> = {};
type Rec = Record<string, any>;
const api = (who: string, method: string, path: string, body?: unknown) =>
  request(stack.url, method, path, body, bearer(tokens[who]));

const month = ictMonth(new Date());
const year = Number(month.slice(0, 4));
let minute = 0;
/** Moments of the current Vietnam month, never ahead of now. */
const recent = () => {
  minute += 1;
  const at = new Date(Date.now() - minute * 60_000);

  return ictMonth(at) === month ? at.toISOString() : new Date().toISOString();
};

let active = 0;
const OWNER = 'Trương Thị Riêng Tư';

before(async () => {
  stack = await startTestStack(20);
  for (const who of [
    'vanhanh',
    'ketoan',
    'tnmt.nhatrang',
    'vinhhai.admin',
    'vinhhai.xem',
    'loctho.admin',
  ]) {
    tokens[who] = await signIn(stack, who);
  }
  const households: Rec[] = [];
  for (const code of ['KPI-1', 'KPI-2']) {
    const response = await api('vanhanh', 'POST', '/api/households', {
      code,
      ownerName: OWNER,
      unitId: PHUOC_DONG,
      phone: '0905999888',
    });
    assert.equal(response.status, 201, response.text);
    households.push(response.body);
  }
  const pickups: Rec[] = [
    { householdId: households[0].id, sortingStatus: 'sorted', recyclableKg: 3, foodKg: 5 },
    { householdId: households[0].id, sortingStatus: 'sorted', recyclableKg: 2, otherKg: 1 },
    { householdId: households[1].id, sortingStatus: 'sorted', foodKg: 4 },
    { householdId: households[1].id, sortingStatus: 'unsorted', otherKg: 10 },
  ];
  for (const fields of pickups) {
    const response = await api('vanhanh', 'POST', '/api/collections', {
      at: recent(),
      unitId: PHUOC_DONG,
      collectorId: 'collector-city',
      ...fields,
    });
    assert.equal(response.status, 201, response.text);
  }
  const register = await api('vanhanh', 'GET', `/api/stats/register?parentId=${CITY}`);
  active = register.body.find((row: Rec) => row.unitId === PHUOC_DONG).active;
});

after(async () => {
  await stack?.stop();
});

describe('the KPI page', () => {
  test("a commune's month: tonnage, landfill, GHG and the households sorting, by hand", async () => {
    const response = await api('vanhanh', 'GET', `/api/kpis?unitId=${PHUOC_DONG}&month=${month}`);
    assert.equal(response.status, 200, response.text);
    const { figures, unit, kpis, trend, children, definitions } = response.body;
    assert.equal(unit.id, PHUOC_DONG);
    assert.deepEqual(figures.weightsKg, {
      recyclable: 5,
      food: 9,
      other: 11,
      bulky: 0,
      hazardous: 0,
      total: 25,
    });
    assert.equal(figures.recyclablesKg, 5);
    assert.equal(figures.recyclablesShare, 0.2);
    assert.equal(figures.landfillKg, 11);
    // 0.009 t compost × 191.5 + 0.011 t landfill × 1,120 = 1.7235 + 12.32
    assert.equal(figures.ghgKgCo2e, 14);
    // KPI-1: 2 of 2 sorted; KPI-2: 1 of 2 (50%).
    assert.deepEqual(figures.households, {
      active,
      withPickups: 2,
      sorting: 1,
      sortingShare: 1 / active,
    });
    assert.deepEqual(
      kpis.map((k: Rec) => k.key),
      ['sortingShare', 'recyclables', 'landfill', 'ghg', 'completeShare'],
    );
    assert.equal(trend.length, 12);
    assert.equal(trend[11].month, month);
    assert.ok(children.length >= 3, 'the hamlets of the commune');
    assert.ok(definitions.kpis[0].definition.vi.includes('80%'));
  });

  test('the city page drills into its 27 wards and communes; each child has its own statuses', async () => {
    const response = await api('tnmt.nhatrang', 'GET', `/api/kpis?unitId=${CITY}&month=${month}`);
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.children.length, 27);
    const commune = response.body.children.find((c: Rec) => c.unit.id === PHUOC_DONG);
    assert.equal(commune.figures.weightsKg.total, 25);
    assert.equal(commune.kpis.length, 5);
  });

  test('the area decides: a ward official sees their own ward by default and no other', async () => {
    const own = await api('loctho.admin', 'GET', '/api/kpis');
    assert.equal(own.status, 200, own.text);
    assert.equal(own.body.unit.id, LOC_THO);
    assertApiError(await api('loctho.admin', 'GET', `/api/kpis?unitId=${VINH_HAI}`), 404);
    assertApiError(await api('loctho.admin', 'GET', '/api/kpis?unitId=*'), 404);
    const platform = await api('ketoan', 'GET', '/api/kpis');
    assert.equal(platform.body.unit.id, '*');
    assert.equal(platform.body.children[0].unit.id, PROVINCE);
    assertApiError(await api('vanhanh', 'GET', '/api/kpis?month=2025-3'), 400, {
      fields: ['month'],
    });
  });
});

describe('emission factors', () => {
  const factors = (fields: Rec = {}) => ({
    unitId: PROVINCE,
    recyclableDestination: 'recycling',
    foodDestination: 'composting',
    otherDestination: 'landfill',
    bulkyDestination: 'landfill',
    hazardousDestination: 'incineration',
    recyclingFactor: 0,
    compostingFactor: 0,
    landfillFactor: 500,
    incinerationFactor: 352,
    source: 'Số liệu bãi chôn lấp Lương Hòa (thử)',
    ...fields,
  });

  test("a province's own factors change its GHG estimate; deleting them restores the defaults", async () => {
    const created = await api('vanhanh', 'POST', '/api/emission-factors', factors());
    assert.equal(created.status, 201, created.text);
    const ghg = async () =>
      (await api('ketoan', 'GET', `/api/kpis?unitId=${PHUOC_DONG}&month=${month}`)).body;
    const withOwn = await ghg();
    // 0.011 t landfill × 500
    assert.equal(withOwn.figures.ghgKgCo2e, 5.5);
    assert.equal(withOwn.emissionFactors.origin, 'province');
    const read = await api('vinhhai.xem', 'GET', `/api/emission-factors/${PROVINCE}`);
    assert.equal(read.status, 200);

    assert.equal((await api('vanhanh', 'DELETE', `/api/emission-factors/${PROVINCE}`)).status, 200);
    const back = await ghg();
    assert.equal(back.figures.ghgKgCo2e, 14);
    assert.equal(back.emissionFactors.origin, 'default');
  });

  test('one record per province, for provinces only, managed by the operator', async () => {
    assert.equal((await api('vanhanh', 'POST', '/api/emission-factors', factors())).status, 201);
    assertApiError(await api('vanhanh', 'POST', '/api/emission-factors', factors()), 409, {
      code: 'emission_factors.exists',
    });
    assertApiError(
      await api('vanhanh', 'POST', '/api/emission-factors', factors({ unitId: CITY })),
      400,
      { fields: ['unitId'] },
    );
    assertApiError(
      await api('vanhanh', 'PUT', `/api/emission-factors/${PROVINCE}`, {
        ...factors({ landfillFactor: 'nhiều' }),
        version: 1,
      }),
      400,
      { fields: ['landfillFactor'] },
    );
    assertApiError(
      await api('vanhanh', 'POST', '/api/emission-factors', factors({ foodDestination: 'sea' })),
      400,
      { fields: ['foodDestination'] },
    );
    assertApiError(await api('tnmt.nhatrang', 'POST', '/api/emission-factors', factors()), 403);
    await api('vanhanh', 'DELETE', `/api/emission-factors/${PROVINCE}`);
  });
});

describe('targets', () => {
  const target = (fields: Rec = {}) => ({
    unitId: CITY,
    year,
    baselineMonth: `${year - 1}-12`,
    sortingSharePct: 95,
    recyclablesChangePct: 40,
    landfillChangePct: -15,
    ghgChangePct: -12,
    completeSharePct: 85,
    ...fields,
  });

  test("the city's targets apply to its wards until a ward sets its own", async () => {
    const created = await api('tnmt.nhatrang', 'POST', '/api/targets', target());
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.id, `${CITY}.${year}`);
    const inherited = await api(
      'vinhhai.admin',
      'GET',
      `/api/kpis?unitId=${VINH_HAI}&month=${month}`,
    );
    assert.equal(inherited.body.target.origin, 'inherited');
    assert.equal(inherited.body.target.targetId, `${CITY}.${year}`);
    assert.equal(inherited.body.kpis[0].target, 0.95);

    const own = await api(
      'vinhhai.admin',
      'POST',
      '/api/targets',
      target({ unitId: VINH_HAI, sortingSharePct: 80 }),
    );
    assert.equal(own.status, 201, own.text);
    const mine = await api('vinhhai.admin', 'GET', `/api/kpis?unitId=${VINH_HAI}&month=${month}`);
    assert.equal(mine.body.target.origin, 'unit');
    assert.equal(mine.body.kpis[0].target, 0.8);
    // A unit without any record follows the rollout's defaults.
    const other = await api('loctho.admin', 'GET', `/api/kpis?month=${month}`);
    assert.equal(other.body.target.origin, 'inherited');
    const elsewhere = await api('vanhanh', 'GET', `/api/kpis?unitId=${LOC_THO}&month=2021-06`);
    assert.equal(elsewhere.body.target.origin, 'default');
    assert.equal(elsewhere.body.target.sortingSharePct, 90);
  });

  test('targets are checked, unique per unit and year, and kept to the area', async () => {
    assertApiError(await api('tnmt.nhatrang', 'POST', '/api/targets', target()), 409, {
      code: 'target.exists',
    });
    assertApiError(
      await api(
        'vanhanh',
        'POST',
        '/api/targets',
        target({ year: year + 5, sortingSharePct: 120 }),
      ),
      400,
      { fields: ['sortingSharePct'] },
    );
    assertApiError(
      await api(
        'vanhanh',
        'POST',
        '/api/targets',
        target({ year: year + 5, baselineMonth: `${year + 6}-01` }),
      ),
      400,
      { fields: ['baselineMonth'] },
    );
    assertApiError(
      await api(
        'vinhhai.admin',
        'POST',
        '/api/targets',
        target({ unitId: LOC_THO, year: year + 5 }),
      ),
      400,
      { fields: ['unitId'] },
    );
    assertApiError(
      await api('vinhhai.xem', 'POST', '/api/targets', target({ year: year + 5 })),
      403,
    );
    assertApiError(await api('loctho.admin', 'GET', `/api/targets/${VINH_HAI}.${year}`), 404);
  });
});

describe('the annual review', () => {
  test('compares the year with its targets and proposes the next; carrying it over is idempotent', async () => {
    const review = await api(
      'vanhanh',
      'GET',
      `/api/kpis/review?unitId=${PHUOC_DONG}&year=${year}`,
    );
    assert.equal(review.status, 200, review.text);
    assert.equal(review.body.year, year);
    assert.equal(review.body.months.at(-1).month, month);
    assert.ok(review.body.monthsWithData >= 1);
    assert.equal(review.body.kpis.length, 5);
    assert.equal(review.body.proposal.year, year + 1);
    assert.equal(review.body.proposal.baselineMonth, `${year}-12`);

    const first = await api('vanhanh', 'POST', '/api/kpis/review', { unitId: PHUOC_DONG, year });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.body.created, true);
    assert.equal(first.body.target.id, `${PHUOC_DONG}.${year + 1}`);
    const second = await api('vanhanh', 'POST', '/api/kpis/review', { unitId: PHUOC_DONG, year });
    assert.equal(second.status, 200, second.text);
    assert.equal(second.body.created, false);
    assert.deepEqual(second.body.target, first.body.target);

    assertApiError(await api('vanhanh', 'POST', '/api/kpis/review', { unitId: PHUOC_DONG }), 400, {
      fields: ['year'],
    });
    assertApiError(
      await api('vinhhai.xem', 'POST', '/api/kpis/review', { unitId: VINH_HAI, year }),
      403,
    );
  });
});

describe('open statistics for the city operations centre', () => {
  test('need no token, are cacheable for 5 minutes and carry no personal data', async () => {
    const response = await request(
      stack.url,
      'GET',
      `/api/public/stats?unitId=${PHUOC_DONG}&month=${month}`,
    );
    assert.equal(response.status, 200, response.text);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
    assert.equal(response.body.figures.weightsKg.total, 25);
    assert.equal(response.body.figures.households.sorting, 1);
    for (const personal of [OWNER, '0905999888', 'KPI-1', 'collector-city']) {
      assert.ok(!response.text.includes(personal), `public stats leak "${personal}"`);
    }
  });

  test('a missing or unknown unit is a JSON error, never cached', async () => {
    const missing = await request(stack.url, 'GET', '/api/public/stats');
    assertApiError(missing, 400, { fields: ['unitId'] });
    assert.equal(missing.headers.get('cache-control'), null);
    assertApiError(await request(stack.url, 'GET', '/api/public/stats?unitId=khong-co'), 404);
  });
});
