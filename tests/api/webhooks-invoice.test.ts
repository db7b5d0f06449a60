/**
 * Paying an account invoice online (issue 6 through issue 5's attempts): the invoiced account's
 * own users open the payment, the money goes to the operator's merchant, and the gateway's
 * notification records the invoice payment once, reducing the invoice's balance.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseTlv } from '../../shared/payments/gateways/vietqr';
import { request } from '../support/api';
import { bearer, signIn } from '../support/stack';
import {
  merchantOf,
  newTxnId,
  notify,
  startWebhookStack,
  tableItemCount,
  type WebhookStack,
} from '../support/webhooks';

let env: WebhookStack;
const tokens: Record<string, string> = {};
let invoiceId = '';
let balance = 0;
const ACCOUNT = 'ubnd-22330-2409';

const call = (username: string, method: string, path: string, body?: unknown) =>
  request(env.stack.url, method, path, body, bearer(tokens[username]));

const asOperator = async (method: string, path: string, body?: unknown) => {
  const response = await call('vanhanh', method, path, body);
  assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${response.text}`);

  return response.body;
};

before(async () => {
  env = await startWebhookStack();
  for (const username of ['vanhanh', 'ketoan', 'vinhhai.admin', 'vinhhai.xem', 'loctho.admin']) {
    tokens[username] = await signIn(env.stack, username);
  }
  // The Vĩnh Hải committee's account, billed for June 2024 with no free months.
  const account = await asOperator('GET', `/api/accounts/${ACCOUNT}`);
  await asOperator('PUT', `/api/accounts/${ACCOUNT}`, { ...account, activatedOn: '2024-01-01' });
  await asOperator('POST', '/api/price-plans', {
    accountId: ACCOUNT,
    effectiveFrom: '2024-01-01',
    freeMonths: 0,
  });
  await asOperator('POST', '/api/billing-runs', { month: '2024-06' });
  const filter = encodeURIComponent(JSON.stringify({ accountId: ACCOUNT }));
  const [invoice] = await asOperator('GET', `/api/invoices?filter=${filter}`);
  invoiceId = invoice.id;
  balance = invoice.balanceDue;
});
after(async () => {
  await env?.stop();
});

const pay = (username: string, gateway: string, id = invoiceId) =>
  call(username, 'POST', `/api/invoices/${id}/pay`, { gateway });

describe('paying an account invoice online', () => {
  test('only the invoiced account’s own users may open a payment; others get 403 or 404', async () => {
    assert.equal((await pay('vinhhai.xem', 'vnpay')).status, 403);
    assert.equal((await pay('ketoan', 'vnpay')).status, 403);
    assert.equal((await pay('loctho.admin', 'vnpay')).status, 404);
    assert.equal((await pay('vinhhai.admin', 'bitcoin')).status, 400);
    assert.equal((await pay('vinhhai.admin', 'vnpay', 'NG-2024-999999')).status, 404);
  });

  test('a VietQR transfer goes to the operator’s bank account for the balance due', async () => {
    const response = await pay('vinhhai.admin', 'vietqr');
    assert.equal(response.status, 201, response.text);
    const operatorBank = env.fake.config.bankAccounts.find((b) => b.accountId === 'operator');
    const { qr } = response.body;
    assert.equal(qr.accountNumber, operatorBank?.accountNumber);
    assert.equal(qr.amount, balance);
    const fields = new Map(parseTlv(qr.payload).map((f) => [f.id, f.value]));
    assert.equal(fields.get('54'), String(balance));
    assert.ok(qr.payload.includes(qr.content));
  });

  test('MoMo opens its payment at the operator’s merchant through the adapter', async () => {
    const response = await pay('vinhhai.admin', 'momo');
    assert.equal(response.status, 201, response.text);
    const [, orderId] = response.body.attemptId.split('.');
    const created = env.fake.requests.find((r) => r.kind === 'create' && r.orderId === orderId);
    assert.ok(created?.signatureValid);
    const operatorMomo = merchantOf(env.fake, 'momo', 'operator');
    assert.equal(JSON.parse(created.body).partnerCode, operatorMomo.merchantId);
    assert.equal(JSON.parse(created.body).amount, balance);
    assert.match(response.body.redirectUrl, new RegExp(`/momo/${orderId}$`));
  });

  test('the VNPay notification records the payment once and reduces the invoice’s balance', async () => {
    const opened = await pay('vinhhai.admin', 'vnpay');
    assert.equal(opened.status, 201, opened.text);
    const url = new URL(opened.body.redirectUrl);
    assert.equal(
      url.searchParams.get('vnp_TmnCode'),
      merchantOf(env.fake, 'vnpay', 'operator').merchantId,
    );
    assert.equal(url.searchParams.get('vnp_Amount'), String(balance * 100));
    const [, orderId] = opened.body.attemptId.split('.');
    const attempt = { gateway: 'vnpay' as const, orderId, amount: balance, accountId: 'operator' };
    const txnId = newTxnId();

    const answer = await notify(env, attempt, { txnId });
    assert.equal(answer.body.RspCode, '00', answer.text);
    const invoice = await asOperator('GET', `/api/invoices/${invoiceId}`);
    assert.equal(invoice.balanceDue, 0);
    assert.equal(invoice.status, 'paid');
    const filter = encodeURIComponent(JSON.stringify({ accountId: ACCOUNT }));
    const payments = (await asOperator('GET', `/api/invoice-payments?filter=${filter}`)).filter(
      (p: { reference: string }) => p.reference === txnId,
    );
    assert.equal(payments.length, 1);
    assert.equal(payments[0].method, 'vnpay');
    assert.equal(payments[0].amount, balance);

    const items = await tableItemCount(env.stack.db);
    const again = await notify(env, attempt, { txnId });
    assert.equal(again.body.RspCode, '02');
    assert.equal(await tableItemCount(env.stack.db), items);
  });

  test('a paid invoice cannot be paid online again', async () => {
    const response = await pay('vinhhai.admin', 'zalopay');
    assert.equal(response.status, 409, response.text);
    assert.equal(response.body.code, 'attempt.nothing_due');
  });
});
