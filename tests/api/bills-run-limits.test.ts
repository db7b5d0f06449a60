/**
 * How far back a bill run reaches: a household is billed only for months that end after it was
 * registered (its creation, Vietnam time), and no month before 01/2000 or after the current
 * Vietnam month is billed at all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { runBills } from '../../shared/bills/run';
import { billsOfHousehold } from '../../shared/bills/store';
import type { Household } from '../../shared/households/fields';
import { householdInputSchema } from '../../shared/households/schema';
import { createHousehold } from '../../shared/households/store';
import { parseOrThrow } from '../../shared/validation';
import { assertApiError, request } from '../support/api';
import { addFeeLine, type FeeArea, feeArea, ict } from '../support/fees';
import { bearer, signIn, startTestStack } from '../support/stack';

let stack: LocalStack;
let operator: string;
let area: FeeArea;
let serial = 0;

const call = (method: string, path: string, body?: unknown) =>
  request(stack.url, method, path, body, bearer(operator));

/** A household of the area's second hamlet, registered at `createdAt`. */
const registeredAt = (createdAt: string): Promise<Household> => {
  serial += 1;
  const input = parseOrThrow(householdInputSchema, {
    code: `DK-${serial}`,
    ownerName: `Trần Thị Đăng Ký ${serial}`,
    unitId: area.wardId,
    hamletId: area.hamlets[1],
    feeClass: 'standard',
    members: 2,
  });

  return createHousehold(stack.db, input, createdAt);
};

const monthsBilled = async (household: Household) =>
  (await billsOfHousehold(stack.db, household.id)).map((bill) => bill.month);

before(async () => {
  stack = await startTestStack(0);
  operator = await signIn(stack);
  area = await feeArea(stack.db, 'run-limits');
  await addFeeLine(stack.db, area.cityId, { effectiveFrom: '2000-01-01', amount: 44_000 });
});

after(async () => {
  await stack?.stop();
});

describe('a household is billed only from the month it was registered in', () => {
  test('months that ended before the registration are not billed, and counted as such', async () => {
    // 00:30 on 1 November in Vietnam is still 31 October in UTC: registered in November.
    const household = await registeredAt('2025-10-31T17:30:00.000Z');
    const october = await runBills(
      stack.db,
      { unitId: area.hamlets[1], month: '2025-10' },
      ict('2025-11-02'),
    );
    assert.equal(october.households, 1);
    assert.equal(october.notYetRegistered, 1);
    assert.equal(october.created, 0);
    const january = await runBills(
      stack.db,
      { unitId: area.hamlets[1], month: '2025-01' },
      ict('2025-11-02'),
    );
    assert.deepEqual([january.notYetRegistered, january.created], [1, 0]);
    assert.deepEqual(await monthsBilled(household), []);
  });

  test('the month of the registration and those after it are billed', async () => {
    const household = await registeredAt('2025-10-31T17:30:00.000Z');
    for (const month of ['2025-11', '2025-12']) {
      const run = await runBills(stack.db, { unitId: area.hamlets[1], month }, ict('2025-12-02'));
      assert.equal(run.notYetRegistered, 0, month);
    }
    assert.deepEqual(await monthsBilled(household), ['2025-11', '2025-12']);
  });

  test('through the API, a past month bills those registered then and counts the others', async () => {
    const early = await registeredAt(ict('2024-03-20'));
    const late = await registeredAt(ict('2024-06-01'));
    const response = await call('POST', '/api/bills/run', {
      unitId: area.hamlets[1],
      month: '2024-04',
    });
    assert.equal(response.status, 201, response.text);
    assert.equal(response.body.created, 1);
    assert.equal(response.body.notYetRegistered, response.body.households - 1);
    assert.deepEqual(await monthsBilled(early), ['2024-04']);
    assert.deepEqual(await monthsBilled(late), []);
  });
});

describe('the months a run may bill', () => {
  test('a month before 01/2000 is refused with a Vietnamese 400 naming the month', async () => {
    for (const month of ['1900-01', '1999-12']) {
      const response = await call('POST', '/api/bills/run', { unitId: area.wardId, month });
      assertApiError(response, 400, { code: 'bill.month_too_early', fields: ['month'] });
    }
  });

  test('01/2000 itself may be run: nobody registered yet, so nothing is billed', async () => {
    const response = await call('POST', '/api/bills/run', {
      unitId: area.wardId,
      month: '2000-01',
    });
    assert.equal(response.status, 201, response.text);
    assert.equal(response.body.created, 0);
    assert.equal(response.body.notYetRegistered, response.body.households);
    assert.ok(response.body.households > 0);
  });

  test('a month after the current Vietnam month is refused with a 400 naming the month', async () => {
    const next = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 7);
    const response = await call('POST', '/api/bills/run', { unitId: area.wardId, month: next });
    assertApiError(response, 400, { code: 'bill.month_not_started', fields: ['month'] });
  });
});
