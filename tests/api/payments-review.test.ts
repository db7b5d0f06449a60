/**
 * Finance's review: matching an unmatched or flagged payment to bills (which it then pays),
 * recording a refund, the review queue; and the daily totals per method.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { settleBills } from '../../shared/payments/settle';
import { assertApiError, listQuery, request, totalOf } from '../support/api';
import { committeeOf, OTHER_WARD, putBill, storedBill, uniqueRef, WARD } from '../support/payments';
import { bearer, signIn, startTestStack } from '../support/stack';

let stack: LocalStack;
const token: Record<string, string> = {};
const NOW = '2024-07-02T03:00:00.000Z';

const api = (user: string, method: string, path: string, body?: unknown) =>
  request(stack.url, method, path, body, bearer(token[user]));

const resolve = (user: string, id: string, body: unknown) =>
  api(user, 'POST', `/api/payments/${id}/resolve`, body);

/** A transfer that reached the ward's account, for the bills named (none: unmatched). */
const transfer = async (billIds: string[], amount: number, paidAt = '2024-07-01T02:00:00.000Z') =>
  (
    await settleBills(
      stack.db,
      {
        method: 'bank-transfer',
        reference: `${committeeOf(WARD)}/${uniqueRef('FT')}`,
        amount,
        paidAt,
        accountId: committeeOf(WARD),
        billIds,
      },
      NOW,
    )
  ).payment;

before(async () => {
  stack = await startTestStack(0);
  for (const user of ['ketoan', 'vanhanh', 'vinhhai.admin', 'loctho.admin', 'vinhhai.xem']) {
    token[user] = await signIn(stack, user);
  }
});

after(async () => {
  await stack?.stop();
});

describe('resolving payments under review', () => {
  test('finance matches an unmatched transfer to a bill, which is then paid by it', async () => {
    const bill = await putBill(stack.db, { month: '2024-06' });
    const payment = await transfer([], 44_000);
    const response = await resolve('ketoan', payment.id, { action: 'match', billIds: [bill.id] });

    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.status, 'matched');
    assert.deepEqual(response.body.billIds, [bill.id]);
    assert.equal(response.body.resolution.by.username, 'ketoan');
    const paid = await storedBill(stack.db, bill.id);
    assert.equal(paid.status, 'paid');
    assert.equal(paid.paymentId, payment.id);

    const twice = await resolve('ketoan', payment.id, { action: 'refund', refundReference: 'HT1' });
    assertApiError(twice, 409, { code: 'payment.not_in_review' });
  });

  test('finance records the refund of an overpayment with its reference', async () => {
    const bill = await putBill(stack.db);
    await transfer([bill.id], 44_000);
    const paidBill = await storedBill(stack.db, bill.id);
    const second = await transfer([bill.id], 44_000);
    assert.equal(second.status, 'overpayment');

    const response = await resolve('vanhanh', second.id, {
      action: 'refund',
      refundReference: 'FT24190HOANTIEN',
      note: 'Hoàn cho hộ đã trả hai lần',
    });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.status, 'refunded');
    assert.equal(response.body.resolution.refundReference, 'FT24190HOANTIEN');
    assert.deepEqual(await storedBill(stack.db, bill.id), paidBill);
  });

  test('matching to bills that do not add up to the amount is refused, both sums in VND', async () => {
    const bill = await putBill(stack.db);
    const payment = await transfer([bill.id], 50_000);
    assert.equal(payment.status, 'flagged');

    const response = await resolve('ketoan', payment.id, { action: 'match', billIds: [bill.id] });
    assertApiError(response, 400, { code: 'payment.amount_mismatch', fields: ['billIds'] });
    const expected = (await storedBill(stack.db, bill.id)).amount.toLocaleString('de-DE');
    assert.match(response.body.message, new RegExp(`\\(50\\.000 ₫\\).*\\(${expected} ₫\\)`));
    assert.equal((await storedBill(stack.db, bill.id)).status, 'unpaid');
  });

  test('a payment that settled its bills has nothing to resolve', async () => {
    const bill = await putBill(stack.db);
    const payment = await transfer([bill.id], 44_000);

    assertApiError(
      await resolve('ketoan', payment.id, { action: 'refund', refundReference: 'X' }),
      409,
      { code: 'payment.not_in_review' },
    );
  });

  test('only finance and the operator resolve; bad input answers 400 in Vietnamese', async () => {
    const payment = await transfer([], 10_000);

    assertApiError(
      await resolve('vinhhai.admin', payment.id, { action: 'refund', refundReference: 'X' }),
      403,
    );
    assertApiError(await resolve('ketoan', payment.id, { action: 'refund' }), 400, {
      fields: ['refundReference'],
    });
    assertApiError(await resolve('ketoan', payment.id, { action: 'xoa' }), 400);
    assertApiError(await resolve('ketoan', payment.id, { action: 'match', billIds: [] }), 400, {
      fields: ['billIds'],
    });
    assertApiError(
      await resolve('ketoan', 'khong-co', { action: 'refund', refundReference: 'X' }),
      404,
    );
  });

  test('the review queue lists what waits, whenever paid, and drops what is resolved', async () => {
    const payment = await transfer([], 12_000, '2023-12-31T10:00:00.000Z');
    const queue = async () =>
      (
        await api(
          'ketoan',
          'GET',
          `/api/payments${listQuery({ filter: { status: ['flagged', 'unmatched', 'overpayment'] }, range: [0, 999] })}`,
        )
      ).body.map((p: { id: string }) => p.id);

    assert.ok((await queue()).includes(payment.id));
    await resolve('ketoan', payment.id, { action: 'refund', refundReference: 'HT-2024-01' });
    assert.ok(!(await queue()).includes(payment.id));
  });
});

describe('daily totals', () => {
  test('money received is summed per day and method, split by what became of it', async () => {
    const day = '2024-08-05T03:00:00.000Z';
    const bill = await putBill(stack.db, { month: '2024-08' });
    await transfer([bill.id], 44_000, day);
    await transfer([], 30_000, day);
    await transfer([], 5_000, '2024-08-06T20:00:00.000Z'); // 7 August in Vietnam
    const other = await putBill(stack.db, { month: '2024-08', ward: OTHER_WARD });
    await settleBills(
      stack.db,
      {
        method: 'momo',
        reference: uniqueRef('MOMO'),
        amount: 44_000,
        paidAt: day,
        accountId: committeeOf(OTHER_WARD),
        billIds: [other.id],
      },
      NOW,
    );

    const daily = (user: string, query: string) => api(user, 'GET', `/api/payments/daily?${query}`);
    const all = await daily('ketoan', 'from=2024-08-01&to=2024-08-31');
    assert.equal(all.status, 200, all.text);
    assert.deepEqual(
      all.body.map((t: Record<string, unknown>) => [t.day, t.method, t.count, t.amount]),
      [
        ['2024-08-05', 'momo', 1, 44_000],
        ['2024-08-05', 'bank-transfer', 2, 74_000],
        ['2024-08-07', 'bank-transfer', 1, 5_000],
      ],
    );
    const [, bank] = all.body;
    assert.equal(bank.settledAmount, 44_000);
    assert.equal(bank.reviewAmount, 30_000);

    const ward = await daily('vinhhai.xem', 'from=2024-08-01&to=2024-08-31');
    assert.deepEqual(
      ward.body.map((t: Record<string, unknown>) => t.method),
      ['bank-transfer', 'bank-transfer'],
    );
    assert.equal(
      totalOf(await daily('loctho.admin', `from=2024-08-01&to=2024-08-31&unitId=${WARD}`)),
      0,
    );
  });

  test('a bad or too long range answers 400 in Vietnamese', async () => {
    const daily = (query: string) => api('ketoan', 'GET', `/api/payments/daily?${query}`);

    assertApiError(await daily('from=05/08/2024'), 400, { fields: ['from'] });
    assertApiError(await daily('from=2024-08-10&to=2024-08-01'), 400, { code: 'report.bad_range' });
    assertApiError(await daily('from=2024-01-01&to=2024-12-31'), 400, {
      code: 'report.range_too_long',
    });
    assertApiError(await daily('from=2024-08-01&ngay=1'), 400, { fields: ['ngay'] });
  });
});
