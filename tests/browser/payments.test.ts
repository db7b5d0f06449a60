import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import type { Payment } from '../../shared/payments/record';
import { settleBills } from '../../shared/payments/settle';
import { readPayment } from '../../shared/payments/store';
import { committeeOf, putBill, storedBill, uniqueRef, WARD } from '../support/payments';
import { passwordOf, startTestStack } from '../support/stack';
import { browserTest as browserTestOn, launchBrowser, newPage, signInAs } from './support';

/**
 * Finance's review of household fee payments in a real browser: a bank transfer that does not
 * match its bill waits in the review queue, and finance resolves it from the payment's page,
 * either as refunded (the bill stays unpaid) or matched to the right bill (which is then paid).
 * Needs the built admin (npm run build) and Debian's Chromium.
 */
const FINANCE = 'ketoan';
const NOW = '2024-07-02T03:00:00.000Z';

let stack: LocalStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  stack = await startTestStack(0);
  browser = await launchBrowser();
});

beforeEach(async () => {
  ({ context, page } = await newPage(browser));
});

afterEach(async () => {
  await context?.close();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

const browserTest = (name: string, body: () => Promise<void>) =>
  browserTestOn(name, () => page, body);

/** A bank transfer received for these bills, recorded the way the statement import does. */
const transfer = async (billIds: string[], amount: number): Promise<Payment> =>
  (
    await settleBills(
      stack.db,
      {
        method: 'bank-transfer',
        reference: `${committeeOf(WARD)}/${uniqueRef('FT')}`,
        amount,
        paidAt: '2024-07-01T02:00:00.000Z',
        accountId: committeeOf(WARD),
        billIds,
      },
      NOW,
    )
  ).payment;

const openResolveDialog = async (payment: Payment) => {
  await signInAs(page, stack.url, FINANCE, passwordOf(stack, FINANCE));
  await page.goto(`${stack.url}/#/payments/review`);
  // The queue lists the payment; its page carries the resolve action.
  await page.getByText(payment.reference.split('/')[1]).first().waitFor();
  await page.goto(`${stack.url}/#/payments/${encodeURIComponent(payment.id)}/show`);
  await page.getByRole('button', { name: 'Xử lý' }).click();
  await page.getByRole('dialog').waitFor();
};

browserTest('finance records a flagged transfer as refunded; its bill stays unpaid', async () => {
  const bill = await putBill(stack.db, { amount: 44_000 });
  const payment = await transfer([bill.id], 50_000);
  assert.equal(payment.status, 'flagged');

  await openResolveDialog(payment);
  await page.getByLabel('Đã hoàn tiền cho người trả').check();
  await page.getByLabel(/^Mã giao dịch hoàn tiền/).fill('HT-2024-0007');
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Đã ghi nhận hoàn tiền').waitFor();

  const stored = await readPayment(stack.db, payment.id);
  assert.equal(stored?.status, 'refunded');
  assert.match(JSON.stringify(stored?.resolution), /HT-2024-0007/);
  assert.equal((await storedBill(stack.db, bill.id)).status, 'unpaid');
});

browserTest(
  'finance matches an unmatched transfer to its bill by reference; the bill is paid',
  async () => {
    const bill = await putBill(stack.db, { amount: 44_000 });
    const payment = await transfer([], 44_000);
    assert.equal(payment.status, 'unmatched');

    await openResolveDialog(payment);
    await page.getByLabel(/^Hóa đơn/).fill(bill.reference);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã khớp khoản thanh toán với hóa đơn').waitFor();

    const paid = await storedBill(stack.db, bill.id);
    assert.equal(paid.status, 'paid');
    assert.equal(paid.paymentId, payment.id);
    assert.equal((await readPayment(stack.db, payment.id))?.status, 'matched');
  },
);
