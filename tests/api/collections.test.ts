/**
 * Collections through the HTTP API on the real local stack: validation (every bad input a 4xx
 * with Vietnamese field messages, never a 500), scoping by area and by collector, the rule that
 * a household with collections is made inactive rather than deleted, lists and their totals,
 * the batch upload, and a household's sorting record.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { addDays } from '../../shared/time/days';
import { ictDate, ictMonth } from '../../shared/time/ict';
import { assertApiError, listQuery, request, totalOf } from '../support/api';
import { bearer, signIn, startTestStack } from '../support/stack';

const VINH_HAI = '22330-2409';
const LOC_THO = '22363-2409';
const hamletOf = (ward: string, n: number) => `${ward}-t0${n}`;

let stack: LocalStack;
const tokens: Record<string, string> = {};
let serial = 0;

type Rec = Record<string, any>;
const api = (who: string, method: string, path: string, body?: unknown) =>
  request(stack.url, method, path, body, bearer(tokens[who]));

/** A moment in the current Vietnam month, a few minutes apart for each pickup, never ahead. */
const recent = () => {
  serial += 1;
  const at = new Date(Date.now() - serial * 60_000);

  return ictMonth(at) === ictMonth(new Date()) ? at.toISOString() : new Date().toISOString();
};

let household: Rec;
let householdB: Rec;

const pickup = (fields: Rec = {}): Rec => ({
  at: recent(),
  unitId: VINH_HAI,
  householdId: household.id,
  collectorId: 'collector-city',
  recyclableKg: 1.5,
  foodKg: 2.3,
  otherKg: 0.7,
  sortingStatus: 'sorted',
  ...fields,
});

const create = async (fields: Rec = {}, who = 'vanhanh'): Promise<Rec> => {
  const response = await api(who, 'POST', '/api/collections', pickup(fields));
  assert.equal(response.status, 201, response.text);

  return response.body;
};

const newHousehold = async (fields: Rec = {}): Promise<Rec> => {
  const response = await api('vanhanh', 'POST', '/api/households', {
    code: `COL-${process.pid}-${(serial += 1)}`,
    ownerName: 'Lê Thị Thu Gom',
    unitId: VINH_HAI,
    hamletId: hamletOf(VINH_HAI, 1),
    kind: 'household',
    ...fields,
  });
  assert.equal(response.status, 201, response.text);

  return response.body;
};

before(async () => {
  stack = await startTestStack(20);
  for (const who of ['vanhanh', 'loctho.admin', 'vinhhai.admin', 'vinhhai.xem', 'thugom.dothi']) {
    tokens[who] = await signIn(stack, who);
  }
  household = await newHousehold();
  householdB = await newHousehold({ unitId: LOC_THO, hamletId: hamletOf(LOC_THO, 1) });
});

after(async () => {
  await stack?.stop();
});

describe('collections: writing one', () => {
  test('a household pickup is stored with its Vietnam month and day, weights in kg and their total', async () => {
    const at = '2025-03-31T16:30:00.000Z'; // 23:30 on 31 March in Vietnam
    const created = await create({ at, recyclableKg: 12.3, foodKg: 0.1, otherKg: 0 });
    assert.equal(created.month, '2025-03');
    assert.equal(created.day, '2025-03-31');
    assert.equal(created.hamletId, household.hamletId);
    assert.equal(created.householdsCovered, 1);
    assert.equal(created.unitPath, household.unitPath);
    assert.deepEqual(
      [created.recyclableKg, created.foodKg, created.otherKg, created.bulkyKg, created.totalKg],
      [12.3, 0.1, 0, 0, 12.4],
    );
    const read = await api('vanhanh', 'GET', `/api/collections/${created.id}`);
    assert.deepEqual(read.body, created);
  });

  test('an update carries the version; a stale one answers 409 and changes nothing', async () => {
    const created = await create();
    const updated = await api('vanhanh', 'PUT', `/api/collections/${created.id}`, {
      ...created,
      sortingStatus: 'partly',
      otherKg: 3,
    });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.body.version, 2);
    assert.equal(updated.body.totalKg, 6.8);
    const stale = await api('vanhanh', 'PUT', `/api/collections/${created.id}`, {
      ...created,
      note: 'cũ',
    });
    assertApiError(stale, 409, { code: 'record.stale_version' });
  });

  test('a whole-hamlet pickup says how many households it covered', async () => {
    const route = await create({
      householdId: null,
      hamletId: hamletOf(VINH_HAI, 2),
      householdsCovered: 45,
      otherKg: 820.5,
      recyclableKg: 0,
      foodKg: 0,
      sortingStatus: 'unsorted',
    });
    assert.equal(route.householdsCovered, 45);
    assert.equal(route.unitPath, `/56-2409/568-2409/${VINH_HAI}/${hamletOf(VINH_HAI, 2)}/`);
  });

  const bad: Array<[string, Rec, string[]]> = [
    ['a time in the future', { at: new Date(Date.now() + 3_600_000).toISOString() }, ['at']],
    ['a time that is no time', { at: '31/02/2025 10:00' }, ['at']],
    ['a negative weight', { recyclableKg: -1 }, ['recyclableKg']],
    ['a weight finer than 0.1 kg', { foodKg: 1.25 }, ['foodKg']],
    ['a weight that is text', { otherKg: 'nhiều' }, ['otherKg']],
    ['600 kg from one household', { otherKg: 600, foodKg: 0, recyclableKg: 0 }, ['otherKg']],
    [
      'a refusal without a reason',
      { sortingStatus: 'refused', recyclableKg: 0, foodKg: 0, otherKg: 0 },
      ['refusalReason'],
    ],
    [
      'a refusal with something taken',
      { sortingStatus: 'refused', refusalReason: 'wrong-bag' },
      ['recyclableKg', 'foodKg', 'otherKg'],
    ],
    ['a reason without a refusal', { refusalReason: 'wrong-bag' }, ['refusalReason']],
    ['an unknown status', { sortingStatus: 'maybe' }, ['sortingStatus']],
    ['a household pickup covering 5 households', { householdsCovered: 5 }, ['householdsCovered']],
    [
      'a route pickup without households covered',
      { householdId: null, hamletId: hamletOf(VINH_HAI, 1) },
      ['householdsCovered'],
    ],
    [
      'a route pickup of 25 tonnes',
      { householdId: null, householdsCovered: 10, otherKg: 25_000 },
      ['otherKg'],
    ],
    ['a household of another ward', { householdId: 'x', unitId: VINH_HAI }, ['householdId']],
    [
      'a hamlet of another ward',
      { householdId: null, householdsCovered: 3, hamletId: hamletOf(LOC_THO, 1) },
      ['hamletId'],
    ],
    ['a unit that is not a ward', { unitId: '568-2409' }, ['unitId']],
    ['a ward committee as collector', { collectorId: 'ubnd-22330-2409' }, ['collectorId']],
    ['a collector that does not exist', { collectorId: 'khong-co' }, ['collectorId']],
    ['a photo link over http', { photoUrl: 'http://anh.example.com/1.jpg' }, ['photoUrl']],
  ];
  for (const [name, fields, errorFields] of bad) {
    test(`${name} answers 400 naming the field`, async () => {
      const body = pickup(fields);
      if (name === 'a household of another ward') body.householdId = householdB.id;
      assertApiError(await api('vanhanh', 'POST', '/api/collections', body), 400, {
        fields: errorFields,
      });
    });
  }

  test('unknown fields, an id, a body that is not JSON: 400', async () => {
    assertApiError(
      await api('vanhanh', 'POST', '/api/collections', { ...pickup(), weightKg: 3 }),
      400,
      {
        code: 'validation.unknown_fields',
        fields: ['weightKg'],
      },
    );
    assertApiError(
      await api('vanhanh', 'POST', '/api/collections', { ...pickup(), id: 'x' }),
      400,
      {
        code: 'record.id_not_allowed',
      },
    );
    assertApiError(await api('vanhanh', 'POST', '/api/collections', '{"at":'), 400, {
      code: 'request.bad_json',
    });
  });

  test('a pickup for a household that stopped before it is refused', async () => {
    const gone = await newHousehold();
    const stopped = await api('vanhanh', 'PUT', `/api/households/${gone.id}`, {
      ...gone,
      status: 'inactive',
      inactiveSince: '2025-01-01',
      inactiveReason: 'moved-away',
    });
    assert.equal(stopped.status, 200, stopped.text);
    assertApiError(
      await api('vanhanh', 'POST', '/api/collections', pickup({ householdId: gone.id })),
      400,
      { fields: ['householdId'] },
    );
  });
});

describe('collections: areas and collectors', () => {
  test('a ward official of Lộc Thọ neither sees nor records pickups of Vĩnh Hải', async () => {
    const created = await create();
    assertApiError(await api('loctho.admin', 'GET', `/api/collections/${created.id}`), 404);
    const list = await api(
      'loctho.admin',
      'GET',
      `/api/collections${listQuery({ filter: { unitId: VINH_HAI } })}`,
    );
    assert.equal(list.status, 200);
    assert.equal(totalOf(list), 0);
    assertApiError(await api('loctho.admin', 'POST', '/api/collections', pickup()), 400, {
      fields: ['unitId'],
    });
    assertApiError(
      await api('loctho.admin', 'PUT', `/api/collections/${created.id}`, { ...created, note: 'x' }),
      404,
    );
    assertApiError(await api('loctho.admin', 'DELETE', `/api/collections/${created.id}`), 404);
  });

  test('a collector records for its own company only, and changes only its own pickups', async () => {
    const own = await create({}, 'thugom.dothi');
    assert.equal(own.collectorId, 'collector-city');
    assertApiError(
      await api(
        'thugom.dothi',
        'POST',
        '/api/collections',
        pickup({ collectorId: 'collector-coop' }),
      ),
      400,
      { fields: ['collectorId'] },
    );
    const other = await create({ collectorId: 'collector-coop' });
    assertApiError(
      await api('thugom.dothi', 'PUT', `/api/collections/${other.id}`, { ...other, note: 'x' }),
      403,
      { code: 'collection.not_own' },
    );
    assertApiError(await api('thugom.dothi', 'DELETE', `/api/collections/${other.id}`), 403);
    const deleted = await api('thugom.dothi', 'DELETE', `/api/collections/${own.id}`);
    assert.equal(deleted.status, 200, deleted.text);
  });

  test('a collector cannot delete a household; a viewer cannot record', async () => {
    assertApiError(await api('thugom.dothi', 'DELETE', `/api/households/${household.id}`), 403);
    assertApiError(await api('vinhhai.xem', 'POST', '/api/collections', pickup()), 403);
  });
});

describe('a household with collections', () => {
  test('cannot be deleted (409, make it inactive instead); once its pickups are gone it can', async () => {
    const target = await newHousehold();
    const first = await create({ householdId: target.id });
    const second = await create({ householdId: target.id, sortingStatus: 'unsorted' });
    const refused = await api('vinhhai.admin', 'DELETE', `/api/households/${target.id}`);
    const error = assertApiError(refused, 409, { code: 'household.has_collections' });
    assert.match(error.message, /Ngừng/);
    assert.equal((await api('vanhanh', 'GET', `/api/households/${target.id}`)).status, 200);

    for (const pickupRecord of [first, second]) {
      assert.equal(
        (await api('vanhanh', 'DELETE', `/api/collections/${pickupRecord.id}`)).status,
        200,
      );
    }
    const deleted = await api('vinhhai.admin', 'DELETE', `/api/households/${target.id}`);
    assert.equal(deleted.status, 200, deleted.text);
  });

  test('a pickup moved to another household moves the rule with it', async () => {
    const a = await newHousehold();
    const b = await newHousehold();
    const moved = await create({ householdId: a.id });
    const update = await api('vanhanh', 'PUT', `/api/collections/${moved.id}`, {
      ...moved,
      householdId: b.id,
      hamletId: null,
    });
    assert.equal(update.status, 200, update.text);
    assert.equal((await api('vanhanh', 'DELETE', `/api/households/${a.id}`)).status, 200);
    assertApiError(await api('vanhanh', 'DELETE', `/api/households/${b.id}`), 409);
  });
});

describe('collections: lists', () => {
  test('a month of a ward, newest first; the total is the ward aggregate for that month', async () => {
    const ward = await newHousehold({ unitId: LOC_THO, hamletId: hamletOf(LOC_THO, 2) });
    const month = '2025-02';
    const times = [
      '2025-02-01T00:10:00+07:00',
      '2025-02-14T09:00:00+07:00',
      '2025-02-28T23:50:00+07:00',
    ];
    for (const at of times) await create({ at, unitId: LOC_THO, householdId: ward.id });
    // 00:10 on 1 March in Vietnam: March, not February.
    await create({ at: '2025-02-28T17:10:00Z', unitId: LOC_THO, householdId: ward.id });

    const response = await api(
      'vanhanh',
      'GET',
      `/api/collections${listQuery({ range: [0, 1], filter: { unitId: LOC_THO, month } })}`,
    );
    assert.equal(response.status, 200, response.text);
    assert.equal(response.headers.get('content-range'), 'collections 0-1/3');
    assert.deepEqual(
      response.body.map((c: Rec) => c.day),
      ['2025-02-28', '2025-02-14'],
    );
    const ascending = await api(
      'vanhanh',
      'GET',
      `/api/collections${listQuery({ sort: ['at', 'ASC'], range: [0, 9], filter: { unitId: LOC_THO, month } })}`,
    );
    assert.deepEqual(
      ascending.body.map((c: Rec) => c.day),
      ['2025-02-01', '2025-02-14', '2025-02-28'],
    );
    // The city's list merges its wards.
    const city = await api(
      'vanhanh',
      'GET',
      `/api/collections${listQuery({ filter: { unitId: '568-2409', month } })}`,
    );
    assert.equal(totalOf(city), 3);
    const byHousehold = await api(
      'vanhanh',
      'GET',
      `/api/collections${listQuery({ filter: { householdId: ward.id } })}`,
    );
    assert.equal(totalOf(byHousehold), 4);
  });

  test('filters count what they keep; bad filters and sorts answer 400', async () => {
    const month = ictMonth(new Date());
    const refusedCount = async () =>
      totalOf(
        await api(
          'vanhanh',
          'GET',
          `/api/collections${listQuery({ filter: { unitId: VINH_HAI, month, sortingStatus: 'refused' } })}`,
        ),
      );
    const before = await refusedCount();
    await create({
      sortingStatus: 'refused',
      refusalReason: 'not-put-out',
      recyclableKg: 0,
      foodKg: 0,
      otherKg: 0,
    });
    assert.equal(await refusedCount(), before + 1);

    const query = (params: Rec) => api('vanhanh', 'GET', `/api/collections${listQuery(params)}`);
    assertApiError(await query({ filter: { month: '2025-13' } }), 400, { fields: ['month'] });
    assertApiError(await query({ filter: { weight: 3 } }), 400, { code: 'list.unknown_filter' });
    assertApiError(await query({ filter: { sortingStatus: 'nope' } }), 400);
    assertApiError(await query({ sort: ['totalKg', 'DESC'] }), 400, { code: 'list.unsortable' });
  });
});

describe('collections: batch upload', () => {
  const rows = () => [
    {
      at: '10/03/2025 07:30',
      householdCode: household.code,
      recyclableKg: '1,2',
      sortingStatus: 'Đã phân loại',
    },
    {
      at: '10/03/2025 08:00',
      hamletId: 'Tổ dân phố 2',
      householdsCovered: '20',
      otherKg: '150',
      sortingStatus: 'mot phan',
    },
    { at: '10/03/2025 08:30', householdCode: 'KHONG-CO', sortingStatus: 'sorted' },
    {
      at: '10/03/2025 09:00',
      householdCode: household.code,
      sortingStatus: 'Từ chối thu gom',
      refusalReason: 'sai túi',
    },
  ];
  const upload = (body: Rec, who = 'thugom.dothi') =>
    api(who, 'POST', '/api/collections/import', body);

  test('a preview checks every row and writes nothing', async () => {
    const response = await upload({ unitId: VINH_HAI, rows: rows(), dryRun: true });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(
      response.body.results.map((r: Rec) => r.status),
      ['created', 'created', 'error', 'created'],
    );
    assert.ok(response.body.results[2].errors.householdCode);
    const list = await api(
      'vanhanh',
      'GET',
      `/api/collections${listQuery({ filter: { unitId: VINH_HAI, month: '2025-03', collectorId: 'collector-city', hamletId: hamletOf(VINH_HAI, 2) } })}`,
    );
    assert.equal(totalOf(list), 0);
  });

  test('the import writes the good rows; the same file again changes nothing; a corrected row updates', async () => {
    const first = await upload({ unitId: VINH_HAI, rows: rows() });
    assert.deepEqual(first.body.counts, { created: 3, updated: 0, unchanged: 0, error: 1 });
    const again = await upload({ unitId: VINH_HAI, rows: rows() });
    assert.deepEqual(again.body.counts, { created: 0, updated: 0, unchanged: 3, error: 1 });
    const corrected = rows();
    corrected[1].otherKg = '175,5';
    const third = await upload({ unitId: VINH_HAI, rows: corrected });
    assert.deepEqual(third.body.counts, { created: 0, updated: 1, unchanged: 2, error: 1 });
    const route = await api('vanhanh', 'GET', `/api/collections/${third.body.results[1].id}`);
    assert.equal(route.body.otherKg, 175.5);
    assert.equal(route.body.collectorId, 'collector-city');
    assert.equal(route.body.version, 2);
  });

  test('the same pickup twice in one file, and unknown columns, fail their rows', async () => {
    const [row] = rows();
    const response = await upload({
      unitId: VINH_HAI,
      rows: [row, row, { ...row, at: '11/03/2025 07:00', weight: '3' }],
      dryRun: true,
    });
    assert.deepEqual(
      response.body.results.map((r: Rec) => r.status),
      ['unchanged', 'error', 'error'],
    );
    assert.ok(response.body.results[2].errors.weight);
  });

  test('the request itself: rows required, at most 500, no unknown fields; a viewer may not', async () => {
    assertApiError(await upload({ unitId: VINH_HAI, rows: [] }), 400, { code: 'import.no_rows' });
    assertApiError(
      await upload({ rows: Array.from({ length: 501 }, () => ({ at: '10/03/2025' })) }),
      400,
      { code: 'import.too_many_rows' },
    );
    assertApiError(await upload({ rows: rows(), mode: 'x' }), 400, { fields: ['mode'] });
    assertApiError(await upload({ rows: rows() }, 'vinhhai.xem'), 403);
  });
});

describe("a household's sorting record", () => {
  test('counts its pickups by status over the last 30 and 90 Vietnam days, exactly', async () => {
    const target = await newHousehold();
    const today = ictDate(new Date());
    const startOfDay = (daysAgo: number) => `${addDays(today, -daysAgo)}T00:00:00+07:00`;
    const make = (daysAgo: number, fields: Rec) =>
      create({ householdId: target.id, at: startOfDay(daysAgo), ...fields });
    await make(0, {});
    await make(29, { sortingStatus: 'partly' });
    await make(30, { sortingStatus: 'unsorted' });
    await make(89, {
      sortingStatus: 'refused',
      refusalReason: 'wrong-bag',
      recyclableKg: 0,
      foodKg: 0,
      otherKg: 0,
    });
    await make(90, {});
    await make(200, {});

    const response = await api('vinhhai.xem', 'GET', `/api/households/${target.id}/sorting-record`);
    assert.equal(response.status, 200, response.text);
    const [last30, last90] = response.body.periods;
    assert.deepEqual(
      [
        last30.days,
        last30.from,
        last30.to,
        last30.pickups,
        last30.sorted,
        last30.partly,
        last30.unsorted,
      ],
      [30, addDays(today, -29), today, 2, 1, 1, 0],
    );
    assert.equal(last30.score, 0.75);
    assert.deepEqual(
      [last90.pickups, last90.sorted, last90.partly, last90.unsorted, last90.refused],
      [4, 1, 1, 1, 1],
    );
    assert.equal(last90.refusals['wrong-bag'], 1);
    assertApiError(
      await api('loctho.admin', 'GET', `/api/households/${target.id}/sorting-record`),
      404,
    );
  });
});
