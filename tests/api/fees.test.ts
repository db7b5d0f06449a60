/**
 * Fee schedules through the API: lines are created, read, changed and removed as the admin
 * does; what is wrong is answered 4xx in Vietnamese; a ward sees the schedule it inherits but
 * changes only its own; and a run prices each household by the schedule of the lowest unit
 * that has one in force for the month.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cityLines, communeLines } from '../../infra/local/seed/fees';
import type { LocalStack } from '../../infra/local/stack';
import { runBills } from '../../shared/bills/run';
import { billsOfHousehold } from '../../shared/bills/store';
import type { FeeSchedule } from '../../shared/fees/fields';
import { feeScheduleInputSchema } from '../../shared/fees/schema';
import { parseOrThrow } from '../../shared/validation';
import { assertApiError, listQuery, request, totalOf } from '../support/api';
import { addFeeLine, addHousehold, feeArea, feeLine, ict } from '../support/fees';
import { bearer, signIn, startTestStack } from '../support/stack';

const VINH_HAI = '22330-2409';
const LOC_THO = '22363-2409';
const NHA_TRANG = '568-2409';

let stack: LocalStack;
let operator: string;
let wardAdmin: string;

const call = (method: string, path: string, body?: unknown, token = operator) =>
  request(stack.url, method, path, body, bearer(token));

before(async () => {
  stack = await startTestStack(0);
  operator = await signIn(stack);
  wardAdmin = await signIn(stack, 'vinhhai.admin');
});

after(async () => {
  await stack?.stop();
});

describe('fee schedule lines', () => {
  test('a line is created, read back, listed under its unit, changed and removed', async () => {
    const body = feeLine(NHA_TRANG, {
      effectiveFrom: '2030-01-01',
      feeClass: 'standard',
      name: 'Hộ gia đình',
      pricing: 'household-tiers',
      amount: 44_000,
      firstTierUpTo: 4,
      aboveAmount: 60_000,
    });
    const created = await call('POST', '/api/fee-schedules', body);
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.id, `${NHA_TRANG}.2030-01-01.all.standard`);
    assert.equal(created.body.unitPath, '/56-2409/568-2409/');
    const id = encodeURIComponent(created.body.id);
    assert.deepEqual((await call('GET', `/api/fee-schedules/${id}`)).body, created.body);
    const listed = await call(
      'GET',
      `/api/fee-schedules${listQuery({ filter: { unitId: NHA_TRANG } })}`,
    );
    assert.ok(listed.body.some((line: FeeSchedule) => line.id === created.body.id));

    const changed = await call('PUT', `/api/fee-schedules/${id}`, {
      ...created.body,
      aboveAmount: 66_000,
    });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.body.aboveAmount, 66_000);
    assert.equal(changed.body.version, 2);
    assertApiError(
      await call('PUT', `/api/fee-schedules/${id}`, { ...created.body, note: 'cũ' }),
      409,
      { code: 'record.stale_version' },
    );
    const removed = await call('DELETE', `/api/fee-schedules/${id}`);
    assert.equal(removed.status, 200);
    assertApiError(await call('GET', `/api/fee-schedules/${id}`), 404, {
      code: 'fee_schedule.not_found',
    });
  });

  test('a second line for the same unit, day, kind and class is a 409', async () => {
    const body = feeLine(NHA_TRANG, { effectiveFrom: '2031-01-01', amount: 10_000 });
    assert.equal((await call('POST', '/api/fee-schedules', body)).status, 201);
    assertApiError(await call('POST', '/api/fee-schedules', body), 409, {
      code: 'fee_schedule.exists',
      fields: ['effectiveFrom'],
    });
  });

  test('what a line is for cannot change: unit, day, kind and class are its identity', async () => {
    const created = await call(
      'POST',
      '/api/fee-schedules',
      feeLine(NHA_TRANG, { effectiveFrom: '2032-01-01', amount: 1_000 }),
    );
    const response = await call('PUT', `/api/fee-schedules/${created.body.id}`, {
      ...created.body,
      feeClass: 'poor',
    });
    assertApiError(response, 400, {
      code: 'fee_schedule.identity_immutable',
      fields: ['feeClass'],
    });
  });

  test('each way of pricing needs its own figures and refuses the others: 400', async () => {
    const bad = async (fields: Parameters<typeof feeLine>[1], field: string) =>
      assertApiError(await call('POST', '/api/fee-schedules', feeLine(NHA_TRANG, fields)), 400, {
        fields: [field],
      });
    await bad({ pricing: 'household-tiers', amount: 44_000, aboveAmount: 50_000 }, 'firstTierUpTo');
    await bad({ pricing: 'household-tiers', amount: 44_000, firstTierUpTo: 4 }, 'aboveAmount');
    await bad(
      {
        pricing: 'household-tiers',
        amount: 44_000,
        firstTierUpTo: 4,
        secondTierUpTo: 4,
        secondTierAmount: 50_000,
        aboveAmount: 60_000,
      },
      'secondTierUpTo',
    );
    await bad(
      {
        pricing: 'household-tiers',
        amount: 44_000,
        firstTierUpTo: 4,
        secondTierUpTo: 6,
        aboveAmount: 60_000,
      },
      'secondTierAmount',
    );
    await bad({ pricing: 'exempt', amount: 44_000 }, 'amount');
    await bad({ pricing: 'fixed', amount: 100_000, firstTierUpTo: 4 }, 'firstTierUpTo');
    await bad({ pricing: 'per-person', amount: null }, 'amount');
    await bad({ amount: 44_000.5 }, 'amount');
    await bad({ amount: -1 }, 'amount');
    const midMonth = await bad({ effectiveFrom: '2025-01-15' }, 'effectiveFrom');
    assert.match(midMonth.errors.effectiveFrom, /ngày 01 của một tháng/);
    await bad({ feeClass: 'rich' as never }, 'feeClass');
    await bad({ pricing: 'per-bag' as never }, 'pricing');
    await bad({ name: '' }, 'name');
    assertApiError(
      await call('POST', '/api/fee-schedules', { ...feeLine(NHA_TRANG), color: 'xanh' }),
      400,
      { fields: ['color'] },
    );
  });

  test('a 1st out of range (before 2000, from 3000) is refused as out of range, not as not a 1st', async () => {
    for (const effectiveFrom of ['1800-01-01', '1999-12-01', '3000-01-01']) {
      const response = await call(
        'POST',
        '/api/fee-schedules',
        feeLine(NHA_TRANG, { effectiveFrom }),
      );
      const { errors } = assertApiError(response, 400, { fields: ['effectiveFrom'] });
      assert.match(errors.effectiveFrom, /01\/01\/2000/, effectiveFrom);
      assert.doesNotMatch(errors.effectiveFrom, /ngày 01 của một tháng/, effectiveFrom);
    }
    const first = await call(
      'POST',
      '/api/fee-schedules',
      feeLine(NHA_TRANG, { effectiveFrom: '2000-01-01', amount: 1_000 }),
    );
    assert.equal(first.status, 201, first.text);
    // The earliest day is accepted; the line is removed again so no run here is priced by it.
    assert.equal((await call('DELETE', `/api/fee-schedules/${first.body.id}`)).status, 200);
  });
});

describe('who sees and sets which schedule', () => {
  test('a ward admin sets lines for their ward; a unit outside it is a 404, as one not there', async () => {
    const own = await call(
      'POST',
      '/api/fee-schedules',
      feeLine(VINH_HAI, { effectiveFrom: '2033-01-01', amount: 30_000 }),
      wardAdmin,
    );
    assert.equal(own.status, 201, own.text);
    const lineFor = (unitId: string) =>
      call(
        'POST',
        '/api/fee-schedules',
        feeLine(unitId, { effectiveFrom: '2033-01-01' }),
        wardAdmin,
      );
    const missing = await lineFor('khong-co');
    assertApiError(missing, 404, { code: 'unit.not_found' });
    for (const unitId of [LOC_THO, NHA_TRANG]) {
      const response = await lineFor(unitId);
      assertApiError(response, 404, { code: 'unit.not_found' });
      assert.deepEqual(response.body, missing.body, unitId);
    }
    assertApiError(await lineFor(''), 400, { fields: ['unitId'] });
  });

  test("a ward admin reads the city's lines they inherit, but cannot change them: 403", async () => {
    const city = await addFeeLine(stack.db, NHA_TRANG, { effectiveFrom: '2034-01-01' });
    const other = await addFeeLine(stack.db, LOC_THO, { effectiveFrom: '2034-01-01' });
    assert.equal(
      (await call('GET', `/api/fee-schedules/${city.id}`, undefined, wardAdmin)).status,
      200,
    );
    assertApiError(
      await call('PUT', `/api/fee-schedules/${city.id}`, { ...city, note: 'sửa' }, wardAdmin),
      403,
      { code: 'fee_schedule.above_area' },
    );
    assertApiError(
      await call('DELETE', `/api/fee-schedules/${city.id}`, undefined, wardAdmin),
      403,
    );
    assertApiError(await call('GET', `/api/fee-schedules/${other.id}`, undefined, wardAdmin), 404);

    const listed = await call(
      'GET',
      `/api/fee-schedules${listQuery({ range: [0, 999] })}`,
      undefined,
      wardAdmin,
    );
    const ids = listed.body.map((line: FeeSchedule) => line.id);
    assert.ok(ids.includes(city.id), 'the inherited city line is listed');
    assert.ok(!ids.includes(other.id), "another ward's line is not");
    assert.equal(totalOf(listed), ids.length);
  });
});

describe('pricing a run by inheritance and effective dates', () => {
  test('each month is priced by the lowest unit with a version in force on its 1st', async () => {
    const area = await feeArea(stack.db, 'fees');
    await addFeeLine(stack.db, area.provinceId, { effectiveFrom: '2025-01-01', amount: 20_000 });
    await addFeeLine(stack.db, area.cityId, { effectiveFrom: '2025-03-01', amount: 44_000 });
    await addFeeLine(stack.db, area.cityId, { effectiveFrom: '2025-06-01', amount: 50_000 });
    await addFeeLine(stack.db, area.hamlets[1], { effectiveFrom: '2025-05-01', amount: 30_000 });
    const inFirst = await addHousehold(stack.db, area, { hamletId: area.hamlets[0] });
    const inSecond = await addHousehold(stack.db, area, { hamletId: area.hamlets[1] });

    const months = ['2024-12', '2025-02', '2025-03', '2025-05', '2025-06'];
    for (const month of months) {
      await runBills(stack.db, { unitId: area.wardId, month }, ict(`${month}-01`));
    }
    const amounts = async (householdId: string) => {
      const bills = await billsOfHousehold(stack.db, householdId);

      return months.map((month) => bills.find((bill) => bill.month === month)?.amount ?? null);
    };
    // Nothing before the province's first version; then province, city, its next version.
    assert.deepEqual(await amounts(inFirst.id), [null, 20_000, 44_000, 44_000, 50_000]);
    // The second hamlet's own schedule takes over from May, whatever the city does after.
    assert.deepEqual(await amounts(inSecond.id), [null, 20_000, 44_000, 30_000, 30_000]);
  });
});

describe('the demo fee schedule', () => {
  test('every demo line is valid input, and every made-up amount says it is a demo', () => {
    for (const input of [...cityLines(), ...communeLines()]) {
      assert.deepEqual(parseOrThrow(feeScheduleInputSchema, input), input);
      const figures = [input.amount, input.secondTierAmount, input.aboveAmount];
      const published = input.amount === 44_000 || input.pricing === 'exempt';
      const marked = /mẫu|demo/.test(`${input.name} ${input.note ?? ''}`);
      if (!published && figures.some((n) => n !== null)) assert.ok(marked, input.name);
    }
    const ceiling = cityLines().find((input) => input.feeClass === 'standard');
    assert.equal(ceiling?.amount, 44_000);
    assert.equal(ceiling?.firstTierUpTo, 4);
    assert.match(ceiling?.note ?? '', /demo/);
    assert.equal(cityLines().find((input) => input.feeClass === 'poor')?.pricing, 'exempt');
  });
});
