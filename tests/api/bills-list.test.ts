/**
 * Listing bills in the ra-data-simple-rest form (month, unit, hamlet, status and household
 * filters, totals in Content-Range), and the unpaid report per hamlet against hand sums.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import type { Bill } from '../../shared/bills/fields';
import { runBills } from '../../shared/bills/run';
import type { Household } from '../../shared/households/fields';
import { assertApiError, listQuery, request, totalOf } from '../support/api';
import {
  addFeeLine,
  addHousehold,
  CEILING_TIERS,
  type FeeArea,
  feeArea,
  ict,
} from '../support/fees';
import { bearer, signIn, startTestStack } from '../support/stack';

let stack: LocalStack;
let operator: string;
let area: FeeArea;
const MONTH = '2025-03';
/** First hamlet: 44,000 × 3 and 55,000; second: 66,000 × 2; no hamlet: 100,000. */
const households: Household[] = [];

const call = (method: string, path: string, body?: unknown, token = operator) =>
  request(stack.url, method, path, body, bearer(token));

const list = (filter: Record<string, unknown>, range = [0, 99]) =>
  call('GET', `/api/bills${listQuery({ filter, range })}`);

const unpaid = (unitId: string, month = MONTH, token = operator) =>
  call('GET', `/api/bills/unpaid-by-hamlet?unitId=${unitId}&month=${month}`, undefined, token);

before(async () => {
  stack = await startTestStack(0);
  operator = await signIn(stack);
  area = await feeArea(stack.db, 'list');
  await addFeeLine(stack.db, area.cityId, CEILING_TIERS);
  await addFeeLine(stack.db, area.cityId, { feeClass: 'business-small', amount: 100_000 });
  const [first, second] = area.hamlets;
  for (const fields of [
    { members: 2, hamletId: first },
    { members: 3, hamletId: first },
    { members: 4, hamletId: first },
    { members: 5, hamletId: first },
    { members: 7, hamletId: second },
    { members: 9, hamletId: second },
    { kind: 'business', feeClass: 'business-small', hamletId: null },
  ]) {
    households.push(await addHousehold(stack.db, area, fields));
  }
  await runBills(stack.db, { unitId: area.wardId, month: MONTH }, ict('2025-03-01'));
  await runBills(stack.db, { unitId: area.wardId, month: '2025-04' }, ict('2025-04-01'));
});

after(async () => {
  await stack?.stop();
});

describe('bill list', () => {
  test('a ward’s month lists every bill, unpaid first, with the total in Content-Range', async () => {
    const response = await list({ unitId: area.wardId, month: MONTH });
    assert.equal(response.status, 200, response.text);
    assert.equal(totalOf(response), 7);
    assert.equal(response.body.length, 7);
    assert.ok(response.body.every((bill: Bill) => bill.month === MONTH));
    const codes = response.body.map((bill: Bill) => bill.householdCode);
    // Hamlet by hamlet, then without a hamlet; by code within each.
    assert.deepEqual(
      codes,
      households.map((h) => h.code),
    );
  });

  test('pages read only their range, and the total stays the whole month', async () => {
    const response = await list({ unitId: area.wardId, month: MONTH }, [2, 4]);
    assert.equal(totalOf(response), 7);
    assert.deepEqual(
      response.body.map((bill: Bill) => bill.householdCode),
      households.slice(2, 5).map((h) => h.code),
    );
    assert.equal(response.headers.get('content-range'), 'bills 2-4/7');
  });

  test('status, hamlet and household filters narrow the list and its total', async () => {
    const [first, second] = area.hamlets;
    const waived = await call('POST', `/api/bills/${households[0].id}.${MONTH}/waive`, {
      reason: 'Hộ khó khăn',
    });
    assert.equal(waived.status, 200, waived.text);

    const unpaidOnly = await list({ unitId: area.wardId, month: MONTH, status: 'unpaid' });
    assert.equal(totalOf(unpaidOnly), 6);
    assert.ok(unpaidOnly.body.every((bill: Bill) => bill.status === 'unpaid'));
    const waivedOnly = await list({ unitId: area.wardId, month: MONTH, status: ['waived'] });
    assert.deepEqual(
      waivedOnly.body.map((bill: Bill) => bill.householdId),
      [households[0].id],
    );
    const inSecond = await list({ unitId: area.wardId, hamletId: second, month: MONTH });
    assert.equal(totalOf(inSecond), 2);
    assert.ok(inSecond.body.every((bill: Bill) => bill.hamletId === second));
    const firstUnpaid = await list({ hamletId: first, month: MONTH, status: 'unpaid' });
    assert.equal(totalOf(firstUnpaid), 3);

    const own = await list({ householdId: households[4].id });
    assert.deepEqual(
      own.body.map((bill: Bill) => bill.month),
      ['2025-04', MONTH],
    );
    const ids = [`${households[1].id}.${MONTH}`, `${households[6].id}.2025-04`];
    const many = await list({ id: ids });
    assert.deepEqual(many.body.map((bill: Bill) => bill.id).sort(), [...ids].sort());
  });

  test('a month of another unit, or a unit outside the caller’s area, lists nothing', async () => {
    assert.equal(totalOf(await list({ unitId: area.wardId, month: '2024-12' })), 0);
    const ward = await signIn(stack, 'vinhhai.admin');
    const outside = await call(
      'GET',
      `/api/bills${listQuery({ filter: { unitId: area.wardId, month: MONTH } })}`,
      undefined,
      ward,
    );
    assert.equal(outside.status, 200);
    assert.equal(totalOf(outside), 0);
    const byHousehold = await call(
      'GET',
      `/api/bills${listQuery({ filter: { householdId: households[1].id } })}`,
      undefined,
      ward,
    );
    assert.equal(totalOf(byHousehold), 0);
  });

  test('bad filters and sorts answer 400 in Vietnamese', async () => {
    assertApiError(await list({ status: 'overdue' }), 400, { fields: ['status'] });
    assertApiError(await list({ month: '2025-3' }), 400, { fields: ['month'] });
    assertApiError(await list({ color: 'red' }), 400, { fields: ['color'] });
    assertApiError(await call('GET', `/api/bills${listQuery({ sort: ['amount', 'ASC'] })}`), 400, {
      code: 'list.unsortable',
    });
  });
});

describe('unpaid bills per hamlet', () => {
  test('counts and sums the unpaid bills of each hamlet, with those without a hamlet apart', async () => {
    const response = await unpaid(area.wardId, '2025-04');
    assert.equal(response.status, 200, response.text);
    const [first, second] = area.hamlets;
    assert.deepEqual(
      response.body.rows.map((row: Record<string, unknown>) => [
        row.hamletId,
        row.hamletName,
        row.count,
        row.amount,
      ]),
      [
        [first, 'Tổ dân phố 1', 4, 44_000 * 3 + 55_000],
        [second, 'Tổ dân phố 2', 2, 66_000 * 2],
        [null, null, 1, 100_000],
      ],
    );
    assert.deepEqual(response.body.total, {
      count: 7,
      amount: 44_000 * 3 + 55_000 + 132_000 + 100_000,
    });
  });

  test('a waived or paid bill leaves the sums; a hamlet with nothing owed shows 0', async () => {
    // In March the first household's bill was waived above; now the whole second hamlet pays.
    const [first, second] = area.hamlets;
    for (const household of households.slice(4, 6)) {
      const bill = `${household.id}.${MONTH}`;
      assert.equal(
        (await call('POST', `/api/bills/${bill}/cancel`, { reason: 'Thử' })).status,
        200,
      );
    }
    const response = await unpaid(area.wardId);
    const rows = Object.fromEntries(
      response.body.rows.map((row: { hamletId: string | null; count: number; amount: number }) => [
        String(row.hamletId),
        [row.count, row.amount],
      ]),
    );
    assert.deepEqual(rows, {
      [first]: [3, 44_000 * 2 + 55_000],
      [second]: [0, 0],
      null: [1, 100_000],
    });
  });

  test('a city sums its wards; a unit outside the caller’s area is 404; no unit is 400', async () => {
    const city = await unpaid(area.cityId, '2025-04');
    assert.equal(city.body.total.count, 7);
    assert.ok(city.body.rows.every((row: { wardId: string }) => row.wardId === area.wardId));
    const ward = await signIn(stack, 'vinhhai.admin');
    assertApiError(await unpaid(area.wardId, MONTH, ward), 404);
    assertApiError(await call('GET', '/api/bills/unpaid-by-hamlet'), 400, { fields: ['unitId'] });
    assertApiError(await unpaid(area.wardId, '03/2025'), 400, { fields: ['month'] });
  });
});
