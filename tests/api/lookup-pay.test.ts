/**
 * Paying from the public look-up: the proof is checked again, a payment attempt is created for
 * the chosen unpaid bills, and the answer is the gateway's page or a VietQR code. The result
 * page reads the attempt's state and changes nothing. Gateways are the localhost fake.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { parseTlv } from '../../shared/payments/gateways/vietqr';
import { useMerchants } from '../../shared/payments/merchants';
import { assertApiError, request } from '../support/api';
import { startFakeGateway, type FakeGateway } from '../support/fake-gateway';
import { createResident, freshClient, lookupPath, type Resident } from '../support/lookup';
import { storedBill } from '../support/payments';
import { signIn, startTestStack } from '../support/stack';

let stack: LocalStack;
let fake: FakeGateway;
let operator: string;

before(async () => {
  stack = await startTestStack(0);
  operator = await signIn(stack);
  fake = await startFakeGateway(['ubnd-22330-2409']);
  useMerchants(fake.config);
});

after(async () => {
  useMerchants(null);
  await fake?.close();
  await stack?.stop();
});

const withBills = () =>
  createResident(stack, operator, {
    bills: [
      { month: '2026-09', amount: 44_000 },
      { month: '2026-10', amount: 55_000 },
    ],
  });

const pay = (resident: Resident, body: Record<string, unknown>) =>
  request(
    stack.url,
    'POST',
    '/api/public/households/pay',
    { unitId: resident.unitId, code: resident.code, phone: resident.phone, ...body },
    freshClient(),
  );

const attempt = (id: string) =>
  request(stack.url, 'GET', `/api/public/attempts/${encodeURIComponent(id)}`);

describe('starting a payment from the look-up', () => {
  test('all bills by VNPay: an attempt for their sum, and the signed VNPay page to go to', async () => {
    const resident = await withBills();
    const response = await pay(resident, { billIds: 'all', method: 'vnpay' });
    assert.equal(response.status, 201, response.text);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(response.body.attemptId, /^vnpay\./);
    const page = new URL(response.body.redirectUrl);
    assert.equal(page.origin, fake.url);
    assert.equal(page.searchParams.get('vnp_Amount'), String(99_000 * 100));
    assert.equal(
      page.searchParams.get('vnp_ReturnUrl'),
      `${stack.url.replace('http:', 'https:')}/lookup/result`,
    );
    assert.ok(page.searchParams.get('vnp_SecureHash'));

    const state = await attempt(response.body.attemptId);
    assert.equal(state.status, 200, state.text);
    assert.equal(state.headers.get('cache-control'), 'no-store');
    assert.deepEqual(
      { ...state.body, createdAt: undefined },
      {
        id: response.body.attemptId,
        status: 'pending',
        method: 'vnpay',
        amount: 99_000,
        months: ['2026-09', '2026-10'],
        createdAt: undefined,
        settledAt: null,
      },
    );
  });

  test('one bill by VietQR: the code for its amount with its reference as transfer content', async () => {
    const resident = await withBills();
    const [first] = resident.bills;
    const response = await pay(resident, { billIds: [first.id], method: 'vietqr' });
    assert.equal(response.status, 201, response.text);
    const { qr } = response.body;
    assert.equal(response.body.redirectUrl, undefined);
    assert.deepEqual(
      { bankName: qr.bankName, amount: qr.amount, content: qr.content },
      { bankName: 'Vietcombank', amount: first.amount, content: first.reference },
    );
    const fields = new Map(parseTlv(qr.payload).map((f) => [f.id, f.value]));
    assert.equal(fields.get('54'), String(first.amount));
    assert.ok(fields.get('62')?.includes(first.reference));
    assert.match(qr.image, /^data:image\/svg\+xml;base64,/);
    assert.match(Buffer.from(qr.image.split(',')[1], 'base64').toString(), /^<svg /);
  });

  test('by MoMo: the payment is made at the gateway and its page is the one to go to', async () => {
    const resident = await withBills();
    const response = await pay(resident, { billIds: 'all', method: 'momo' });
    assert.equal(response.status, 201, response.text);
    const created = fake.requests.filter((r) => r.gateway === 'momo' && r.kind === 'create');
    assert.equal(created.length, 1);
    assert.equal(created[0].signatureValid, true);
    assert.equal(`momo.${created[0].orderId}`, response.body.attemptId);
    // The fake answers each order's payUrl with the order id at its end.
    assert.ok(
      response.body.redirectUrl.endsWith(`/${created[0].orderId}`),
      response.body.redirectUrl,
    );
  });

  test('coming back to the result page reads the state and marks nothing paid', async () => {
    const resident = await withBills();
    const started = await pay(resident, { billIds: 'all', method: 'vnpay' });
    for (let i = 0; i < 3; i += 1) {
      assert.equal((await attempt(started.body.attemptId)).body.status, 'pending');
    }
    for (const bill of resident.bills)
      assert.equal((await storedBill(stack.db, bill.id)).status, 'unpaid');
  });
});

describe('what a payment start refuses', () => {
  test('a wrong proof gets the look-up’s own 404, and no attempt is made', async () => {
    const resident = await withBills();
    const before = fake.requests.length;
    const response = await pay(
      { ...resident, phone: '0905999999' },
      { billIds: 'all', method: 'momo' },
    );
    const lookup = await request(
      stack.url,
      'GET',
      lookupPath({ unitId: resident.unitId, code: resident.code, phone: '0905999999' }),
      undefined,
      freshClient(),
    );
    assert.equal(response.status, 404);
    assert.equal(response.text, lookup.text);
    assert.equal(fake.requests.length, before);
  });

  test('a bill that is not an unpaid bill of this household is a 409', async () => {
    const resident = await withBills();
    const other = await withBills();
    const response = await pay(resident, { billIds: [other.bills[0].id], method: 'vnpay' });
    assertApiError(response, 409, { code: 'lookup.bill_not_unpaid' });
  });

  test('nothing to pay is a 409', async () => {
    const resident = await createResident(stack, operator);
    const response = await pay(resident, { billIds: 'all', method: 'vnpay' });
    assertApiError(response, 409, { code: 'lookup.nothing_to_pay' });
  });

  test('an unknown way to pay, an empty choice or an unknown field is a 400', async () => {
    const resident = await withBills();
    assertApiError(await pay(resident, { billIds: 'all', method: 'cash' }), 400, {
      fields: ['method'],
    });
    assertApiError(await pay(resident, { billIds: [], method: 'vnpay' }), 400, {
      fields: ['billIds'],
    });
    assertApiError(await pay(resident, { billIds: 'all', method: 'vnpay', amount: 1 }), 400, {
      code: 'validation.unknown_fields',
      fields: ['amount'],
    });
  });

  test('a way the ward has not configured is a 400 naming the choice', async () => {
    const resident = await withBills();
    useMerchants({ merchants: [], bankAccounts: [] });
    try {
      const response = await pay(resident, { billIds: 'all', method: 'zalopay' });
      assertApiError(response, 400, { code: 'attempt.not_configured' });
    } finally {
      useMerchants(fake.config);
    }
  });

  test('an unknown attempt is a 404 in Vietnamese', async () => {
    assertApiError(await attempt('vnpay.KHONGCO123'), 404, { code: 'attempt.not_found' });
    assertApiError(await attempt('not-an-attempt'), 404, { code: 'attempt.not_found' });
  });
});
