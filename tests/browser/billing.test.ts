import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import type { Invoice } from '../../shared/billing/fields';
import { getInvoice, listInvoices } from '../../shared/billing/invoice-store';
import { runBilling } from '../../shared/billing/run';
import { addMonths } from '../../shared/time/days';
import { ictMonth } from '../../shared/time/ict';
import { billedAccount, ict } from '../support/billing';
import { passwordOf, startTestStack } from '../support/stack';
import { browserTest as browserTestOn, launchBrowser, newPage, SHOTS, signInAs } from './support';

/**
 * Billing in the admin, in a real browser, against the local stack: finance records a partial
 * payment on an invoice and sees where it stands; the operator runs the billing of a month twice
 * and the second run issues nothing; the printable invoice states the amount in words. Needs the
 * built admin (npm run build) and Debian's Chromium.
 */
const ACCOUNT = 'bill-browser';
const TAX_CODE = '0312345678';
/** Two months that have ended: one billed before the tests, one billed by the operator. */
const BILLED = addMonths(ictMonth(new Date()), -2);
const TO_RUN = addMonths(ictMonth(new Date()), -1);

let stack: LocalStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let invoice: Invoice;

const invoicesOf = async (month: string, accountId?: string): Promise<Invoice[]> =>
  (
    await listInvoices(stack.db, {
      sort: { field: 'number', order: 'ASC' },
      range: { start: 0, end: 999 },
      filter: accountId ? { month, accountId } : { month },
    })
  ).records;

before(async () => {
  stack = await startTestStack(0);
  // Billed from long ago at 300,000 VND a month without VAT: a whole month is 300,000.
  await billedAccount(
    stack.db,
    ACCOUNT,
    '2022-01-15',
    { freeMonths: 0 },
    { taxCode: TAX_CODE, name: 'UBND thử nghiệm hóa đơn' },
  );
  await runBilling(stack.db, BILLED, {
    trigger: 'cli',
    now: ict(`${addMonths(BILLED, 1)}-01`, '00:15'),
  });
  [invoice] = await invoicesOf(BILLED, ACCOUNT);
  assert.equal(invoice?.total, 300_000, 'a whole month at the default price, without VAT');
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

const signIn = (username: string, path: string) =>
  signInAs(page, stack.url, username, passwordOf(stack, username), path);

/** Text as a person reads it: the no-break spaces of "300.000 ₫" as plain spaces. */
const textOf = async (testId: string) =>
  (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ').trim();

browserTest(
  'finance records a partial payment and sees "partly paid" and the balance',
  async () => {
    // Prepare
    await signIn('ketoan', '/invoices');
    await page.goto(`${stack.url}/#/invoices/${invoice.number}/show`);
    await page.getByTestId('invoice-status').filter({ hasText: 'Chưa thanh toán' }).waitFor();

    // Act: 100,000 of the 300,000 received by bank transfer.
    await page.getByRole('button', { name: 'Ghi nhận thanh toán' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Số tiền/).fill('100000');
    await dialog.getByLabel(/^Mã giao dịch/).fill('FT26UI0001');
    await dialog.getByRole('button', { name: 'Ghi nhận', exact: true }).click();

    // Assess: the page shows the new state, and the table holds it.
    await page.getByTestId('invoice-status').filter({ hasText: 'Thanh toán một phần' }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await textOf('settlement-paid'), 'Đã thanh toán -100.000 ₫');
    assert.equal(await textOf('settlement-balance'), 'Còn phải trả 200.000 ₫');
    await page.locator('tbody tr', { hasText: 'FT26UI0001' }).waitFor();
    const stored = await getInvoice(stack.db, invoice.number);
    assert.deepEqual(
      [stored.status, stored.paidAmount, stored.balanceDue],
      ['partly-paid', 100_000, 200_000],
    );
    await page.screenshot({ path: `${SHOTS}/nguon-invoice-partly-paid.png` });

    // Act: the same transfer recorded a second time.
    await page.getByRole('button', { name: 'Ghi nhận thanh toán' }).click();
    await dialog.getByLabel(/^Số tiền/).fill('100000');
    await dialog.getByLabel(/^Mã giao dịch/).fill('FT26UI0001');
    await dialog.getByRole('button', { name: 'Ghi nhận', exact: true }).click();

    // Assess: the API's refusal under the reference, and nothing recorded twice.
    await dialog.getByText('Đã ghi nhận', { exact: true }).waitFor();
    await dialog.getByText('Giao dịch có mã này đã được ghi nhận trước đó').waitFor();
    assert.equal((await getInvoice(stack.db, invoice.number)).paidAmount, 100_000);
  },
);

/** Runs the billing of TO_RUN from the open dialog and waits for its answer. */
const runFromDialog = async (alreadyInvoiced: number) => {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Lập hóa đơn', exact: true }).click();
  await dialog
    .getByTestId('run-already')
    .filter({ hasText: String(alreadyInvoiced) })
    .waitFor();

  return Number((await dialog.getByTestId('run-issued').innerText()).replace(/\D/g, ''));
};

browserTest(
  'the operator runs the billing of a month; running it again issues nothing',
  async () => {
    // Prepare
    await signIn('vanhanh', '/billing-runs');
    await page.getByRole('button', { name: 'Lập hóa đơn tháng' }).click();
    const dialog = page.getByRole('dialog');
    const [year, month] = TO_RUN.split('-');
    await dialog.getByRole('combobox', { name: 'Tháng' }).click();
    await page.getByRole('option', { name: `${month}/${year}`, exact: true }).click();

    // Act: the first run of the month.
    const issued = await runFromDialog(0);

    // Assess: an invoice for every billable account, this one among them.
    const invoices = await invoicesOf(TO_RUN);
    assert.ok(issued > 0, 'the test account at least is billable');
    assert.equal(invoices.length, issued);
    assert.ok(invoices.some((i) => i.accountId === ACCOUNT));
    await page.screenshot({ path: `${SHOTS}/nguon-billing-run.png` });

    // Act: the same month again.
    const again = await runFromDialog(issued);

    // Assess: nothing new, no number changed, and both runs are in the log.
    assert.equal(again, 0);
    await dialog.getByText('Không có hóa đơn mới').waitFor();
    assert.deepEqual(
      (await invoicesOf(TO_RUN)).map((i) => i.number),
      invoices.map((i) => i.number),
    );
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    const label = `${TO_RUN}`;
    await page.locator('tbody tr', { hasText: label }).nth(1).waitFor();
    assert.equal(await page.locator('tbody tr', { hasText: label }).count(), 2);
  },
);

browserTest(
  'the printable invoice shows seller, buyer tax code and the amount in words',
  async () => {
    // Act
    await signIn('ketoan', '/invoices');
    await page.goto(`${stack.url}/#/invoices/${invoice.number}/print`);

    // Assess: the Vietnamese invoice, outside the admin's layout.
    await page.getByTestId('print-words').waitFor();
    assert.equal(await textOf('print-words'), 'Ba trăm nghìn đồng');
    assert.equal(await textOf('print-number'), invoice.number);
    await page.getByText('HÓA ĐƠN DỊCH VỤ').waitFor();
    await page.getByText(TAX_CODE).waitFor();
    await page.getByText('UBND thử nghiệm hóa đơn').waitFor();
    assert.equal(await page.getByRole('menuitem', { name: 'Tổng quan' }).count(), 0);
    const print = page.getByRole('button', { name: 'In hóa đơn' });
    assert.ok(await print.isVisible());

    // Act: as the printer sees it.
    await page.emulateMedia({ media: 'print' });

    // Assess: the buttons are left off the paper, the invoice is not.
    assert.equal(await print.isVisible(), false);
    assert.ok(await page.getByTestId('print-words').isVisible());
    await page.screenshot({ path: `${SHOTS}/nguon-invoice-print.png`, fullPage: true });
  },
);
