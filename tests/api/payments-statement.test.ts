/**
 * Bank statements: reading a bank's CSV, previewing what each line would do, settling the lines
 * whose transfer content names a bill (or a VietQR attempt), keeping the rest unmatched, and
 * recording nothing new when the same statement comes again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../infra/local/stack';
import { attemptItem, findAttempt, type PaymentAttempt } from '../../shared/payments/attempts';
import { statementRowsFromCsv } from '../../admin/src/payments/statementFile';
import { amountOf } from '../../shared/payments/bank-statement';
import { findPaymentByReference } from '../../shared/payments/settle';
import { assertApiError, request } from '../support/api';
import { committeeOf, putBill, storedBill, uniqueRef, WARD } from '../support/payments';
import { bearer, signIn, startTestStack } from '../support/stack';

let stack: LocalStack;
const token: Record<string, string> = {};
const ACCOUNT = committeeOf(WARD);

const importStatement = (user: string, body: unknown) =>
  request(stack.url, 'POST', '/api/payments/bank-statement', body, bearer(token[user]));

const line = (content: string, amount: unknown = '44.000', reference = uniqueRef('FT')) => ({
  reference,
  paidAt: '12/06/2024 09:15',
  amount,
  content,
});

before(async () => {
  stack = await startTestStack(0);
  for (const user of ['vinhhai.admin', 'thugom.dothi', 'ketoan']) {
    token[user] = await signIn(stack, user);
  }
});

after(async () => {
  await stack?.stop();
});

describe('reading a statement file', () => {
  test('title lines are skipped and Vietnamese headers mapped', () => {
    const csv =
      '\uFEFFNGÂN HÀNG TMCP THỬ NGHIỆM;;;\r\nSao kê tài khoản 0123456789;;;\r\n' +
      'Ngày giao dịch;Số tham chiếu;Số tiền ghi có;Nội dung giao dịch\r\n' +
      '12/06/2024 09:15;FT24164001;44.000;CK NGP4K7QX2MA phi rac\r\n' +
      '13/06/2024;FT24165002;1,250,000;"Thanh toan; thang 6"\r\n';

    assert.deepEqual(statementRowsFromCsv(csv), [
      {
        paidAt: '12/06/2024 09:15',
        reference: 'FT24164001',
        amount: '44.000',
        content: 'CK NGP4K7QX2MA phi rac',
      },
      {
        paidAt: '13/06/2024',
        reference: 'FT24165002',
        amount: '1,250,000',
        content: 'Thanh toan; thang 6',
      },
    ]);
  });

  test('a file without a content column says which column is missing', () => {
    assert.throws(
      () => statementRowsFromCsv('Ngày;Số tham chiếu;Số tiền\n12/06/2024;FT1;44000\n'),
      /Không tìm thấy cột: Nội dung/,
    );
  });

  test('amounts are read the ways banks write them, whole VND only', () => {
    assert.equal(amountOf('44.000'), 44_000);
    assert.equal(amountOf('1,250,000'), 1_250_000);
    assert.equal(amountOf('44000.00'), 44_000);
    assert.equal(amountOf('44.000 VND'), 44_000);
    assert.equal(amountOf('-44.000'), -44_000);
    assert.equal(amountOf(44_000), 44_000);
    assert.equal(amountOf('44.5'), undefined);
    assert.equal(amountOf('bốn mươi'), undefined);
  });
});

describe('importing a statement', () => {
  test('a dry run previews matched and unmatched lines and writes nothing', async () => {
    const bill = await putBill(stack.db);
    const spaced = `CK ${bill.reference.slice(0, 3)} ${bill.reference.slice(3)} phi rac thang 6`;
    const rows = [line(spaced), line('chuyen tien khong ro noi dung')];
    const response = await importStatement('vinhhai.admin', {
      accountId: ACCOUNT,
      rows,
      dryRun: true,
    });

    assert.equal(response.status, 200, response.text);
    assert.deepEqual(
      response.body.results.map((r: { status: string }) => r.status),
      ['paid', 'unmatched'],
    );
    assert.equal(response.body.results[0].billReference, bill.reference);
    assert.deepEqual(response.body.results[0].billIds, [bill.id]);
    assert.equal((await storedBill(stack.db, bill.id)).status, 'unpaid');
    for (const row of rows) {
      assert.equal(
        await findPaymentByReference(stack.db, 'bank-transfer', `${ACCOUNT}/${row.reference}`),
        undefined,
      );
    }
  });

  test('matched lines settle their bills, the rest is kept, and a re-import adds nothing', async () => {
    const bill = await putBill(stack.db);
    const rows = [
      line(`Thanh toan ${bill.reference}`),
      line('ung ho quy'),
      line('phi chuyen tien', '-1.100'),
      { ...line('ngay sai'), paidAt: '31/02/2024' },
    ];
    const first = await importStatement('vinhhai.admin', { accountId: ACCOUNT, rows });

    assert.equal(first.status, 201, first.text);
    assert.deepEqual(
      first.body.results.map((r: { status: string }) => r.status),
      ['paid', 'unmatched', 'skipped', 'invalid'],
    );
    assert.match(first.body.results[3].errors.paidAt, /Ngày giao dịch/);
    const paid = await storedBill(stack.db, bill.id);
    assert.equal(paid.status, 'paid');
    assert.equal(paid.paymentId, first.body.results[0].paymentId);
    const kept = await findPaymentByReference(
      stack.db,
      'bank-transfer',
      `${ACCOUNT}/${rows[1].reference}`,
    );
    assert.equal(kept?.status, 'unmatched');
    assert.equal(kept?.details.content, 'ung ho quy');

    const again = await importStatement('vinhhai.admin', { accountId: ACCOUNT, rows });
    assert.equal(again.status, 201, again.text);
    assert.deepEqual(again.body.counts, {
      paid: 0,
      flagged: 0,
      overpayment: 0,
      unmatched: 0,
      duplicate: 2,
      skipped: 1,
      invalid: 1,
    });
    assert.equal(again.body.results[0].paymentId, paid.paymentId);
    assert.deepEqual(await storedBill(stack.db, bill.id), paid);

    const preview = await importStatement('vinhhai.admin', {
      accountId: ACCOUNT,
      rows,
      dryRun: true,
    });
    assert.equal(preview.body.counts.duplicate, 2);
  });

  test('a transfer for a VietQR attempt of several months pays all its bills', async () => {
    const first = await putBill(stack.db, { month: '2024-05' });
    const second = await putBill(stack.db, { month: '2024-06', householdId: first.householdId });
    const orderId = '240612091500123456789';
    const attempt: PaymentAttempt = {
      id: `vietqr.NG${orderId}`,
      orderId: `NG${orderId}`,
      gateway: 'vietqr',
      target: {
        kind: 'bills',
        householdId: first.householdId,
        billIds: [first.id, second.id],
        months: ['2024-05', '2024-06'],
      },
      accountId: ACCOUNT,
      merchantId: null,
      amount: 88_000,
      description: `Phi rac NG${orderId}`,
      unitPath: first.unitPath,
      status: 'pending',
      createdAt: '2024-06-12T02:15:00.000Z',
      expiresAt: '2024-06-12T02:30:00.000Z',
      settledAt: null,
      gatewayTxnId: null,
      resultCode: null,
      paymentId: null,
    };
    await stack.db.doc.send(
      new PutCommand({ TableName: stack.db.tableName, Item: attemptItem(attempt) }),
    );

    const response = await importStatement('vinhhai.admin', {
      accountId: ACCOUNT,
      rows: [line(`IBFT NG ${orderId} Phi rac`, '88.000')],
    });

    assert.equal(response.status, 201, response.text);
    assert.equal(response.body.results[0].status, 'paid');
    const paymentId = response.body.results[0].paymentId;
    assert.equal((await storedBill(stack.db, first.id)).paymentId, paymentId);
    assert.equal((await storedBill(stack.db, second.id)).paymentId, paymentId);
    const settled = await findAttempt(stack.db, 'vietqr', attempt.orderId);
    assert.equal(settled?.status, 'succeeded');
    assert.equal(settled?.paymentId, paymentId);
  });

  test("another account's statement, and roles other than ward officials, are refused", async () => {
    const rows = [line('khong ro')];

    assertApiError(
      await importStatement('vinhhai.admin', { accountId: committeeOf('22363-2409'), rows }),
      400,
      { code: 'statement.not_own_account', fields: ['accountId'] },
    );
    assertApiError(
      await importStatement('thugom.dothi', { accountId: 'collector-city', rows }),
      403,
    );
    assertApiError(await importStatement('ketoan', { accountId: ACCOUNT, rows }), 403);
  });

  test('malformed requests answer 400 in Vietnamese', async () => {
    const send = (body: unknown) => importStatement('vinhhai.admin', body);

    assertApiError(await send({ accountId: ACCOUNT, rows: [] }), 400, { fields: ['rows'] });
    assertApiError(await send({ accountId: ACCOUNT, rows: 'FT1;44000' }), 400, {
      fields: ['rows'],
    });
    assertApiError(await send({ accountId: ACCOUNT, rows: Array(201).fill(line('x')) }), 400, {
      code: 'statement.too_many_rows',
    });
    assertApiError(await send({ accountId: ACCOUNT, rows: [line('x')], dryRun: 'yes' }), 400, {
      fields: ['dryRun'],
    });
    assertApiError(await send({ accountId: ACCOUNT, rows: [line('x')], file: 'a.csv' }), 400, {
      fields: ['file'],
    });
  });
});
