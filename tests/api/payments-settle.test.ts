/**
 * settleBills on DynamoDB Local: exactly once per (method, reference), bills paid in the same
 * transaction, and every payment that cannot settle cleanly kept for review with its bills
 * left exactly as they were.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { queryAll } from '../../shared/db/items';
import { keys } from '../../shared/db/keys';
import {
  findPaymentByReference,
  SettlementCancelled,
  settleBills,
} from '../../shared/payments/settle';
import { readPayment } from '../../shared/payments/store';
import { startTestStack } from '../support/stack';
import { committeeOf, putBill, storedBill, uniqueRef, WARD } from '../support/payments';

let stack: LocalStack;
const NOW = '2024-06-20T03:00:00.000Z';

const gateway = (billIds: string[], amount: number, reference = uniqueRef()) => ({
  method: 'vnpay' as const,
  reference,
  amount,
  paidAt: '2024-06-20T02:59:00.000Z',
  accountId: committeeOf(WARD),
  billIds,
  orderId: `ORD${reference}`,
  details: { bankCode: 'NCB' },
});

/** Audit events of one bill: each change to it leaves exactly one. */
const billEvents = async (billId: string) =>
  queryAll(stack.db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `AUDIT#bills#${billId}` },
  });

before(async () => {
  stack = await startTestStack(0);
});

after(async () => {
  await stack?.stop();
});

describe('settling bills', () => {
  test('a payment for exactly what an unpaid bill asks pays it in the same write', async () => {
    const bill = await putBill(stack.db);
    const { result, payment } = await settleBills(stack.db, gateway([bill.id], 44_000), NOW);

    assert.equal(result, 'paid');
    assert.equal(payment.status, 'recorded');
    assert.equal(payment.householdId, bill.householdId);
    assert.equal(payment.unitPath, bill.unitPath);
    const stored = await storedBill(stack.db, bill.id);
    assert.equal(stored.status, 'paid');
    assert.equal(stored.paymentId, payment.id);
    assert.deepEqual(await readPayment(stack.db, payment.id), payment);
    assert.equal((await billEvents(bill.id)).length, 1);
  });

  test('the same method and reference again answers duplicate with the first payment', async () => {
    const bill = await putBill(stack.db);
    const first = await settleBills(stack.db, gateway([bill.id], 44_000, 'VNP-DUP-1'), NOW);
    const again = await settleBills(stack.db, gateway([bill.id], 44_000, 'vnp-dup-1 '), NOW);

    assert.equal(again.result, 'duplicate');
    assert.equal(again.payment.id, first.payment.id);
    assert.equal((await storedBill(stack.db, bill.id)).version, 2);
  });

  test('ten identical calls at once make one payment and pay the bill once', async () => {
    const bill = await putBill(stack.db);
    const incoming = gateway([bill.id], 44_000);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => settleBills(stack.db, incoming, NOW)),
    );

    const paid = outcomes.filter((outcome) => outcome.result === 'paid');
    assert.equal(paid.length, 1, JSON.stringify(outcomes.map((o) => o.result)));
    assert.ok(outcomes.every((o) => o.result === 'paid' || o.result === 'duplicate'));
    assert.equal(new Set(outcomes.map((o) => o.payment.id)).size, 1);
    const households = await queryAll(stack.db, {
      IndexName: 'byHousehold',
      KeyConditionExpression: 'householdPk = :pk',
      ExpressionAttributeValues: { ':pk': `FEE_PAYMENTS_OF#${bill.householdId}` },
    });
    assert.equal(households.length, 1);
    const stored = await storedBill(stack.db, bill.id);
    assert.equal(stored.paymentId, paid[0].payment.id);
    assert.equal(stored.version, 2);
    assert.equal((await billEvents(bill.id)).length, 1);
  });

  test('an amount other than the bill asks is flagged and leaves the bill unpaid', async () => {
    const bill = await putBill(stack.db);
    const { result, payment } = await settleBills(stack.db, gateway([bill.id], 40_000), NOW);

    assert.equal(result, 'flagged');
    assert.equal(payment.reviewReason, 'amount-mismatch');
    assert.equal(payment.expectedAmount, 44_000);
    assert.deepEqual(await storedBill(stack.db, bill.id), bill);
  });

  test('a second payment of a paid bill by another method is kept as an overpayment', async () => {
    const bill = await putBill(stack.db);
    const first = await settleBills(stack.db, gateway([bill.id], 44_000), NOW);
    const paidBill = await storedBill(stack.db, bill.id);
    const second = await settleBills(
      stack.db,
      { ...gateway([bill.id], 44_000), method: 'momo', reference: uniqueRef('MOMO') },
      NOW,
    );

    assert.equal(second.result, 'overpayment');
    assert.notEqual(second.payment.id, first.payment.id);
    assert.equal(second.payment.reviewReason, 'bill-not-unpaid');
    assert.deepEqual(await storedBill(stack.db, bill.id), paidBill);
    assert.equal((await readPayment(stack.db, second.payment.id))?.status, 'overpayment');
  });

  test('a payment naming no bill is stored unmatched under its account', async () => {
    const { result, payment } = await settleBills(stack.db, gateway([], 44_000), NOW);

    assert.equal(result, 'unmatched');
    assert.equal(payment.reviewReason, 'no-bill');
    assert.equal(payment.unitId, WARD);
    assert.match(payment.unitPath, new RegExp(`/${WARD}/$`));
    assert.equal((await readPayment(stack.db, payment.id))?.status, 'unmatched');
  });

  test('a bill id that does not exist makes the payment unmatched', async () => {
    const { result, payment } = await settleBills(
      stack.db,
      gateway(['khong-co.2024-06'], 44_000),
      NOW,
    );

    assert.equal(result, 'unmatched');
    assert.equal(payment.reviewReason, 'bill-not-found');
  });

  test('a bill another account collects is flagged, not paid', async () => {
    const bill = await putBill(stack.db, { accountId: 'collector-city' });
    const { result, payment } = await settleBills(stack.db, gateway([bill.id], 44_000), NOW);

    assert.equal(result, 'flagged');
    assert.equal(payment.reviewReason, 'account-mismatch');
    assert.equal((await storedBill(stack.db, bill.id)).status, 'unpaid');
  });

  test('extra items are written with the payment', async () => {
    const bill = await putBill(stack.db);
    const marker = { pk: `TEST#${uniqueRef()}`, sk: 'ATTEMPT' };
    await settleBills(stack.db, gateway([bill.id], 44_000), NOW, {
      extraItems: [{ Put: { TableName: stack.db.tableName, Item: { ...marker, done: true } } }],
    });

    const [item] = await queryAll(stack.db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': marker.pk },
    });
    assert.equal(item?.done, true);
  });

  test('an extra item failing its condition leaves nothing written at all', async () => {
    const bill = await putBill(stack.db);
    const incoming = gateway([bill.id], 44_000);
    const failing = {
      ConditionCheck: {
        TableName: stack.db.tableName,
        Key: keys.account('khong-co-tai-khoan'),
        ConditionExpression: 'attribute_exists(pk)',
      },
    };

    await assert.rejects(
      settleBills(stack.db, incoming, NOW, { extraItems: [failing] }),
      SettlementCancelled,
    );
    assert.equal(await findPaymentByReference(stack.db, 'vnpay', incoming.reference), undefined);
    assert.deepEqual(await storedBill(stack.db, bill.id), bill);
  });

  test('nonsense input is refused in Vietnamese before anything is read', async () => {
    await assert.rejects(
      settleBills(stack.db, { ...gateway([], 0) }, NOW),
      (error: Error) => error.name === 'ValidationError' && /Số tiền/.test(error.message),
    );
    await assert.rejects(
      settleBills(stack.db, { ...gateway([], 100), reference: '  ' }, NOW),
      /Thiếu mã giao dịch/,
    );
  });
});
