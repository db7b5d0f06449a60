/**
 * Cash receipts through the API: who may record them, the receipt number counted once per
 * collecting account, the checks made before anything is written, and who sees the payment.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { assertApiError, listQuery, request, totalOf } from '../support/api';
import { OTHER_WARD, putBill, storedBill, WARD } from '../support/payments';
import { bearer, signIn, startTestStack } from '../support/stack';

let stack: LocalStack;
const token: Record<string, string> = {};
const USERS = ['thugom.dothi', 'vinhhai.admin', 'vinhhai.xem', 'loctho.admin', 'ketoan'];

const api = (user: string, method: string, path: string, body?: unknown) =>
  request(stack.url, method, path, body, bearer(token[user]));

const cash = (user: string, body: unknown) => api(user, 'POST', '/api/payments/cash', body);

let receipt = 0;
const nextReceipt = () => `PT24-${String((receipt += 1)).padStart(5, '0')}`;

before(async () => {
  stack = await startTestStack(0);
  for (const user of USERS) token[user] = await signIn(stack, user);
});

after(async () => {
  await stack?.stop();
});

describe('cash receipts', () => {
  test('a collector records cash for a bill of their area and the bill is paid', async () => {
    const bill = await putBill(stack.db);
    const response = await cash('thugom.dothi', {
      billIds: [bill.id],
      amount: 44_000,
      receiptNo: 'PT24-A0001',
      paidAt: '2024-06-15T09:30',
    });

    assert.equal(response.status, 201, response.text);
    const { result, payment } = response.body;
    assert.equal(result, 'paid');
    assert.equal(payment.method, 'cash');
    assert.equal(payment.receiptNo, 'PT24-A0001');
    assert.equal(payment.paidAt, '2024-06-15T02:30:00.000Z');
    assert.equal(payment.recordedBy.username, 'thugom.dothi');
    const stored = await storedBill(stack.db, bill.id);
    assert.equal(stored.status, 'paid');
    assert.equal(stored.paymentId, payment.id);
  });

  test('two unpaid bills of one household go on one receipt for their total', async () => {
    const first = await putBill(stack.db, { month: '2024-05' });
    const second = await putBill(stack.db, { month: '2024-06', householdId: first.householdId });
    const response = await cash('vinhhai.admin', {
      billIds: [first.id, second.id],
      amount: 88_000,
      receiptNo: nextReceipt(),
      paidAt: '2024-06-16',
    });

    assert.equal(response.status, 201, response.text);
    assert.equal((await storedBill(stack.db, first.id)).status, 'paid');
    assert.equal((await storedBill(stack.db, second.id)).status, 'paid');
  });

  test('a receipt number already recorded answers 409 and pays nothing', async () => {
    const receiptNo = nextReceipt();
    const first = await putBill(stack.db);
    const second = await putBill(stack.db);
    const body = { amount: 44_000, receiptNo, paidAt: '2024-06-17T08:00' };
    assert.equal((await cash('vinhhai.admin', { ...body, billIds: [first.id] })).status, 201);

    const again = await cash('thugom.dothi', { ...body, billIds: [second.id] });
    assertApiError(again, 409, { code: 'payment.duplicate_receipt', fields: ['receiptNo'] });
    assert.equal((await storedBill(stack.db, second.id)).status, 'unpaid');
  });

  test('an amount other than the bills ask is refused with the right total', async () => {
    const bill = await putBill(stack.db);
    const response = await cash('thugom.dothi', {
      billIds: [bill.id],
      amount: 40_000,
      receiptNo: nextReceipt(),
      paidAt: '2024-06-17',
    });

    const error = assertApiError(response, 400, {
      code: 'payment.amount_mismatch',
      fields: ['amount'],
    });
    assert.match(error.message, /: 44\.000 ₫$/);
    assert.equal(error.errors.amount, 'Phải bằng 44.000 ₫');
    assert.equal((await storedBill(stack.db, bill.id)).status, 'unpaid');
  });

  test('a bill no longer unpaid is refused with 409', async () => {
    const bill = await putBill(stack.db, { status: 'waived' });
    const response = await cash('thugom.dothi', {
      billIds: [bill.id],
      amount: 44_000,
      receiptNo: nextReceipt(),
      paidAt: '2024-06-17',
    });

    assertApiError(response, 409, { code: 'bill.not_unpaid', fields: ['billIds'] });
  });

  test('a bill of another ward is a 404 for a ward official, as a bill that does not exist', async () => {
    const bill = await putBill(stack.db, { ward: OTHER_WARD });
    const body = { amount: 44_000, receiptNo: nextReceipt(), paidAt: '2024-06-17' };
    const response = await cash('vinhhai.admin', { ...body, billIds: [bill.id] });
    const missing = await cash('vinhhai.admin', { ...body, billIds: [`khong-co.2024-06`] });

    assertApiError(response, 404, { code: 'bill.not_found' });
    assertApiError(missing, 404, { code: 'bill.not_found' });
    assert.deepEqual(response.body, missing.body);
    assert.equal((await storedBill(stack.db, bill.id)).status, 'unpaid');
    // An id that cannot name a bill at all is malformed: 400.
    assertApiError(await cash('vinhhai.admin', { ...body, billIds: ['khong-co'] }), 400, {
      code: 'payment.bad_bills',
      fields: ['billIds'],
    });
  });

  test('finance and viewers may not record cash', async () => {
    const bill = await putBill(stack.db);
    const body = {
      billIds: [bill.id],
      amount: 44_000,
      receiptNo: nextReceipt(),
      paidAt: '2024-06-17',
    };

    assertApiError(await cash('ketoan', body), 403);
    assertApiError(await cash('vinhhai.xem', body), 403);
  });

  test('bad input answers 400 in Vietnamese, naming the field', async () => {
    const bill = await putBill(stack.db);
    const good = {
      billIds: [bill.id],
      amount: 44_000,
      receiptNo: nextReceipt(),
      paidAt: '2024-06-17',
    };

    assertApiError(await cash('thugom.dothi', { ...good, receiptNo: '' }), 400, {
      fields: ['receiptNo'],
    });
    assertApiError(await cash('thugom.dothi', { ...good, amount: 44_000.5 }), 400, {
      fields: ['amount'],
    });
    assertApiError(await cash('thugom.dothi', { ...good, billIds: [] }), 400, {
      fields: ['billIds'],
    });
    assertApiError(await cash('thugom.dothi', { ...good, paidAt: '2999-01-01' }), 400, {
      code: 'payment.bad_date',
      fields: ['paidAt'],
    });
    assertApiError(await cash('thugom.dothi', { ...good, method: 'vnpay' }), 400, {
      fields: ['method'],
    });
    assertApiError(await cash('thugom.dothi', '{"billIds": ['), 400, { code: 'request.bad_json' });
    assert.equal((await storedBill(stack.db, bill.id)).status, 'unpaid');
  });
});

describe('who sees a cash payment', () => {
  let paymentId = '';

  before(async () => {
    const bill = await putBill(stack.db, { month: '2024-04' });
    const response = await cash('vinhhai.admin', {
      billIds: [bill.id],
      amount: 44_000,
      receiptNo: nextReceipt(),
      paidAt: '2024-04-10T10:00',
    });
    paymentId = response.body.payment.id;
  });

  test('the ward and finance read it; another ward gets 404', async () => {
    assert.equal((await api('vinhhai.xem', 'GET', `/api/payments/${paymentId}`)).status, 200);
    assert.equal((await api('ketoan', 'GET', `/api/payments/${paymentId}`)).status, 200);
    assertApiError(await api('loctho.admin', 'GET', `/api/payments/${paymentId}`), 404, {
      code: 'payment.not_found',
    });
  });

  test('lists filter by month, day, method and status, within the area only', async () => {
    const list = (user: string, filter: unknown) =>
      api(user, 'GET', `/api/payments${listQuery({ filter })}`);

    const month = await list('vinhhai.admin', { month: '2024-04' });
    assert.deepEqual(
      month.body.map((p: { id: string }) => p.id),
      [paymentId],
    );
    assert.equal(totalOf(await list('loctho.admin', { month: '2024-04' })), 0);
    assert.equal(totalOf(await list('ketoan', { day: '2024-04-10', method: 'cash' })), 1);
    assert.equal(totalOf(await list('ketoan', { day: '2024-04-11' })), 0);
    assert.equal(totalOf(await list('ketoan', { month: '2024-04', method: 'momo' })), 0);
    assert.equal(totalOf(await list('ketoan', { month: '2024-04', status: 'recorded' })), 1);
    assert.equal(totalOf(await list('ketoan', { month: '2024-04', unitId: OTHER_WARD })), 0);
    assert.equal(totalOf(await list('ketoan', { month: '2024-04', unitId: WARD })), 1);
    assertApiError(await list('ketoan', { day: '10/04/2024' }), 400, { fields: ['day'] });
    assertApiError(await list('ketoan', { method: 'sec' }), 400, { fields: ['method'] });
  });
});
