/**
 * Bill runs on DynamoDB Local, against hand-worked amounts: which households get a bill and for
 * how much, running a month twice or twice at once makes each bill once, and which month is
 * open to billing follows Vietnam time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import type { Bill } from '../../shared/bills/fields';
import { listBills } from '../../shared/bills/list';
import { REFERENCE_PATTERN } from '../../shared/bills/reference';
import { runBills } from '../../shared/bills/run';
import { billByReference, billsOfHousehold, getBill } from '../../shared/bills/store';
import { writeBills } from '../../shared/bills/writes';
import { SYSTEM_ACTOR } from '../../shared/audit/events';
import { createDb } from '../../shared/db/client';
import type { Household } from '../../shared/households/fields';
import { assertApiError, request } from '../support/api';
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
/** Each household of the area and the amount it owes a month (undefined: no bill). */
const expected: Array<{ household: Household; amount: number | undefined; why: string }> = [];

const call = (method: string, path: string, body?: unknown) =>
  request(stack.url, method, path, body, bearer(operator));

const billsOfMonth = async (month: string): Promise<Bill[]> =>
  (
    await listBills(stack.db, {
      sort: { field: 'householdCode', order: 'ASC' },
      range: { start: 0, end: 999 },
      filter: { unitId: area.wardId, month },
    })
  ).records;

before(async () => {
  stack = await startTestStack(0);
  operator = await signIn(stack);
  area = await feeArea(stack.db, 'bills');
  await addFeeLine(stack.db, area.cityId, CEILING_TIERS);
  await addFeeLine(stack.db, area.cityId, { feeClass: 'poor', pricing: 'exempt', amount: null });
  await addFeeLine(stack.db, area.cityId, { feeClass: 'business-small', amount: 100_000 });
  await addFeeLine(stack.db, area.cityId, { pricing: 'per-person', amount: 11_000 });

  const add = async (amount: number | undefined, why: string, fields: Record<string, unknown>) =>
    expected.push({ household: await addHousehold(stack.db, area, fields), amount, why });
  await add(44_000, 'standard, 3 people', { members: 3 });
  await add(44_000, 'standard, 4 people', { members: 4 });
  await add(55_000, 'standard, 5 people', { members: 5, hamletId: area.hamlets[1] });
  await add(66_000, 'standard, 8 people', { members: 8, hamletId: null });
  await add(undefined, 'poor: exempt, no bill', { feeClass: 'poor', members: 6 });
  await add(100_000, 'small business', { kind: 'business', feeClass: 'business-small' });
  await add(33_000, 'no fee class: per person', { feeClass: null, members: 3 });
  await add(11_000, 'no class, members unknown: one person', { feeClass: null, members: null });
  await add(undefined, 'inactive', {
    status: 'inactive',
    inactiveSince: '2025-01-10',
    inactiveReason: 'moved-away',
  });
  await add(44_000, 'inactive only after the month', {
    status: 'inactive',
    inactiveSince: '2025-09-01',
    inactiveReason: 'moved-away',
  });
});

after(async () => {
  await stack?.stop();
});

describe('bill runs', () => {
  test('a run bills each billable household at its price, and counts the others by why', async () => {
    const response = await call('POST', '/api/bills/run', {
      unitId: area.wardId,
      month: '2025-03',
    });
    assert.equal(response.status, 201, response.text);
    const billed = expected.filter((e) => e.amount !== undefined);
    assert.deepEqual(response.body, {
      unitId: area.wardId,
      month: '2025-03',
      households: expected.length,
      created: billed.length,
      createdTotal: billed.reduce((sum, e) => sum + (e.amount ?? 0), 0),
      alreadyBilled: 0,
      notYetRegistered: 0,
      inactive: 1,
      exempt: 1,
      unpriced: 0,
      skipped: 0,
    });

    const bills = await billsOfMonth('2025-03');
    for (const { household, amount, why } of expected) {
      const bill = bills.find((b) => b.householdId === household.id);
      assert.equal(bill?.amount, amount, why);
      if (!bill) continue;
      assert.equal(bill.id, `${household.id}.2025-03`);
      assert.equal(bill.status, 'unpaid');
      assert.equal(bill.accountId, area.accountId);
      assert.equal(bill.hamletId, household.hamletId);
      assert.equal(bill.householdCode, household.code);
      assert.match(bill.reference, new RegExp(`^${REFERENCE_PATTERN.source}$`));
      assert.ok(Number.isSafeInteger(bill.amount) && bill.amount > 0, why);
    }
    assert.equal(new Set(bills.map((b) => b.reference)).size, bills.length);
  });

  test('running the same month again creates nothing and changes no bill', async () => {
    const before = await billsOfMonth('2025-03');
    const response = await call('POST', '/api/bills/run', {
      unitId: area.wardId,
      month: '2025-03',
    });
    assert.equal(response.status, 201, response.text);
    assert.equal(response.body.created, 0);
    assert.equal(response.body.alreadyBilled, before.length);
    assert.deepEqual(await billsOfMonth('2025-03'), before);
  });

  test('two runs of a month at the same moment make each bill exactly once', async () => {
    const clients = [
      stack.db,
      createDb({ endpoint: stack.dynamoEndpoint, tableName: 'nguon-test' }),
    ];
    const results = await Promise.all(
      clients.map((db) =>
        runBills(db, { unitId: area.wardId, month: '2025-04' }, ict('2025-04-02')),
      ),
    );
    const billed = expected.filter((e) => e.amount !== undefined).length;
    assert.equal(results[0].created + results[1].created, billed);
    assert.equal(results[0].created + results[0].alreadyBilled, billed);
    assert.equal(results[1].created + results[1].alreadyBilled, billed);
    const bills = await billsOfMonth('2025-04');
    assert.equal(bills.length, billed);
    assert.equal(new Set(bills.map((b) => b.householdId)).size, billed);
    for (const { household } of expected) {
      const own = (await billsOfHousehold(stack.db, household.id)).filter(
        (b) => b.month === '2025-04',
      );
      assert.ok(own.length <= 1, `household ${household.code} has ${own.length} bills of 2025-04`);
    }
  });

  test('a run for a city bills its wards, and one for a hamlet only that hamlet', async () => {
    const city = await runBills(
      stack.db,
      { unitId: area.cityId, month: '2025-05' },
      ict('2025-05-01'),
    );
    assert.equal(city.created, expected.filter((e) => e.amount !== undefined).length);
    const hamlet = await runBills(
      stack.db,
      { unitId: area.hamlets[1], month: '2025-06' },
      ict('2025-06-01'),
    );
    assert.equal(hamlet.households, 1);
    assert.equal(hamlet.created, 1);
    const [bill] = await billsOfMonth('2025-06');
    assert.equal(bill.hamletId, area.hamlets[1]);
    assert.equal(bill.amount, 55_000);
  });

  test('a month opens for billing at midnight Vietnam time on its 1st, whatever UTC says', async () => {
    // 00:30 on 1 July in Vietnam is still 30 June in UTC.
    const open = await runBills(
      stack.db,
      { unitId: area.hamlets[1], month: '2025-07' },
      '2025-06-30T17:30:00.000Z',
    );
    assert.equal(open.created, 1);
    // 23:59 on 31 July in Vietnam is 16:59 UTC: August has not begun there.
    await assert.rejects(
      runBills(stack.db, { unitId: area.hamlets[1], month: '2025-08' }, '2025-07-31T16:59:00.000Z'),
      (error: Error & { code?: string }) => error.code === 'bill.month_not_started',
    );
  });

  test('a bill is found by its reference, also inside a transfer content typed by hand', async () => {
    const [bill] = await billsOfMonth('2025-03');
    const spaced = `ck ${bill.reference.slice(0, 5).toLowerCase()} ${bill.reference.slice(5)} phi rac`;
    assert.equal((await billByReference(stack.db, bill.reference))?.id, bill.id);
    assert.equal((await billByReference(stack.db, spaced))?.id, bill.id);
    assert.equal(await billByReference(stack.db, 'NGPAAAAAAAA'), undefined);
    assert.equal(await billByReference(stack.db, 'chuyen tien'), undefined);
  });
});

describe('the guards a bill is written with', () => {
  const billFor = (householdId: string, reference: string): Bill => ({
    id: `${householdId}.2025-09`,
    householdId,
    householdCode: 'HD-GUARD',
    unitId: area.wardId,
    hamletId: null,
    unitPath: `/${area.provinceId}/${area.cityId}/${area.wardId}/`,
    accountId: area.accountId,
    month: '2025-09',
    amount: 44_000,
    status: 'unpaid',
    reference,
    scheduleId: 'guard-test',
    pricing: 'fixed',
    kind: 'household',
    feeClass: 'standard',
    members: 1,
    paymentId: null,
    settledAt: null,
    waivedBy: null,
    reason: null,
    createdAt: ict('2025-09-01'),
    updatedAt: ict('2025-09-01'),
    version: 1,
  });

  test('a reference already taken is drawn again; the first bill keeps it', async () => {
    const [taken] = await billsOfMonth('2025-03');
    const household = await addHousehold(stack.db, area, { hamletId: null });
    const written = await writeBills(
      stack.db,
      [billFor(household.id, taken.reference)],
      SYSTEM_ACTOR,
    );
    assert.equal(written.created.length, 1);
    const stored = await getBill(stack.db, `${household.id}.2025-09`);
    assert.ok(stored && stored.reference !== taken.reference);
    assert.match(stored.reference, REFERENCE_PATTERN);
    assert.equal((await billByReference(stack.db, taken.reference))?.id, taken.id);
  });

  test('a bill for a household that no longer exists is not written', async () => {
    const written = await writeBills(stack.db, [billFor('da-xoa', 'NGPAAAA2222')], SYSTEM_ACTOR);
    assert.deepEqual([written.created.length, written.gone], [0, 1]);
    assert.equal(await getBill(stack.db, 'da-xoa.2025-09'), undefined);
    assert.equal(await billByReference(stack.db, 'NGPAAAA2222'), undefined);
  });
});

describe('bill run input', () => {
  test('a month not yet begun, a malformed month, an unknown field: 400 in Vietnamese', async () => {
    const future = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 7);
    assertApiError(
      await call('POST', '/api/bills/run', { unitId: area.wardId, month: future }),
      400,
      {
        code: 'bill.month_not_started',
        fields: ['month'],
      },
    );
    assertApiError(
      await call('POST', '/api/bills/run', { unitId: area.wardId, month: '2025-13' }),
      400,
      { fields: ['month'] },
    );
    assertApiError(
      await call('POST', '/api/bills/run', { unitId: area.wardId, month: '2025-03', dryRun: 1 }),
      400,
      { fields: ['dryRun'] },
    );
    assertApiError(await call('POST', '/api/bills/run', { month: '2025-03' }), 400, {
      fields: ['unitId'],
    });
  });

  test('a unit outside the caller’s area answers 404, exactly as a unit that does not exist', async () => {
    const missing = await call('POST', '/api/bills/run', { unitId: 'khong-co', month: '2025-03' });
    assertApiError(missing, 404, { code: 'unit.not_found' });
    const ward = await signIn(stack, 'vinhhai.admin');
    const response = await request(
      stack.url,
      'POST',
      '/api/bills/run',
      { unitId: area.wardId, month: '2025-03' },
      bearer(ward),
    );
    assertApiError(response, 404, { code: 'unit.not_found' });
    assert.deepEqual(response.body, missing.body);
  });
});
