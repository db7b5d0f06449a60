import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { getAccount, updateAccount } from '../../shared/accounts/store';
import type { Invoice } from '../../shared/billing/fields';
import { getInvoice, listInvoices } from '../../shared/billing/invoice-store';
import { runBilling } from '../../shared/billing/run';
import { addDays, addMonths } from '../../shared/time/days';
import { ictMonth } from '../../shared/time/ict';
import { billedAccount, ict } from '../support/billing';
import { passwordOf, startTestStack } from '../support/stack';
import { browserTest as browserTestOn, launchBrowser, newPage, SHOTS, signInAs } from './support';

/**
 * The finance side of billing in a real browser: the reports and their exports, an account's
 * statement, voiding with its replacement, and online payment offered to the account's own unit
 * admin (the payment API is stubbed in the page, so that its answers are the test's to choose).
 * Needs the built admin (npm run build) and Debian's Chromium.
 */
const REPORTED = 'bill-report';
const VOIDED = 'bill-void';
/** The demo ward whose unit admin is vinhhai.admin (infra/local/seed/users.ts). */
const WARD_ACCOUNT = 'ubnd-22330-2409';
const MONTH = addMonths(ictMonth(new Date()), -2);
const ISSUED_ON = `${addMonths(MONTH, 1)}-01`;

let stack: LocalStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const invoices = new Map<string, Invoice>();

before(async () => {
  stack = await startTestStack(0);
  await billedAccount(stack.db, REPORTED, '2022-01-15', {}, { name: 'UBND thử báo cáo' });
  await billedAccount(stack.db, VOIDED, '2022-01-15', {}, { name: 'UBND thử hủy hóa đơn' });
  // The ward's free year long over, so that its unit admin has an invoice to pay.
  const ward = await getAccount(stack.db, WARD_ACCOUNT);
  await updateAccount(
    stack.db,
    WARD_ACCOUNT,
    { ...ward, activatedOn: '2022-01-15' },
    ward.version,
    ict('2022-02-01'),
  );
  await runBilling(stack.db, MONTH, { trigger: 'cli', now: ict(ISSUED_ON, '00:15') });
  const { records } = await listInvoices(stack.db, {
    sort: { field: 'number', order: 'ASC' },
    range: { start: 0, end: 999 },
    filter: { month: MONTH },
  });
  for (const invoice of records) invoices.set(invoice.accountId, invoice);
  assert.ok([REPORTED, VOIDED, WARD_ACCOUNT].every((id) => invoices.has(id)));
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

const invoiceOf = (accountId: string): Invoice => invoices.get(accountId) as Invoice;

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Clicks an export button and reads the file the browser receives. */
const download = async (button: string): Promise<Buffer> => {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);

  return readFileSync(await file.path());
};

browserTest(
  'finance finds the reports in the menu, and exports ageing as CSV and XLSX',
  async () => {
    // Act
    await signIn('ketoan', '/invoices');
    await page.getByRole('menuitem', { name: 'Báo cáo tài chính' }).click();

    // Assess: the account's open invoice in the ageing table.
    const row = page.locator('tbody tr', { hasText: 'UBND thử báo cáo' });
    await row.waitFor();
    assert.match(flat(await row.innerText()), /300\.000 ₫$/);
    await page.screenshot({ path: `${SHOTS}/nguon-finance-ageing.png` });

    // Act / Assess: CSV with BOM, the header in Vietnamese, money as plain numbers.
    const csv = (await download('Xuất CSV')).toString('utf8');
    assert.ok(csv.startsWith('\uFEFFTài khoản,Chưa đến hạn,Quá hạn 0–30 ngày'), csv.slice(0, 80));
    const line = csv.split('\r\n').find((text) => text.startsWith('UBND thử báo cáo,'));
    assert.ok(line?.endsWith(',300000'), `no row for the account in:\n${csv}`);
    // XLSX: a zip (an Office Open XML workbook starts with "PK").
    const xlsx = await download('Xuất Excel');
    assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK');

    // Act / Assess: the monthly totals count the billed month's invoices.
    await page.getByRole('tab', { name: 'Theo tháng' }).click();
    const [year, month] = MONTH.split('-');
    const monthRow = page.locator('tbody tr', { hasText: `${month}/${year}` });
    await monthRow.waitFor();
    const total = [...invoices.values()].reduce((sum, invoice) => sum + invoice.total, 0);
    assert.ok(flat(await monthRow.innerText()).includes(total.toLocaleString('vi-VN')));
  },
);

browserTest('a ward admin has no finance reports in the menu', async () => {
  await signIn('vinhhai.admin', '/invoices');
  await page.getByRole('menuitem', { name: 'Hóa đơn dịch vụ' }).waitFor();
  assert.equal(await page.getByRole('menuitem', { name: 'Báo cáo tài chính' }).count(), 0);
});

browserTest(
  "the invoice opens its account's statement, with a running balance and a range",
  async () => {
    // Prepare
    const invoice = invoiceOf(REPORTED);
    await signIn('ketoan', '/invoices');
    await page.goto(`${stack.url}/#/invoices/${invoice.number}/show`);

    // Act
    await page.getByRole('link', { name: 'Sao kê tài khoản' }).click();

    // Assess: the invoice as a debit, the balance after it.
    const row = page.locator('tbody tr', { hasText: invoice.number });
    await row.waitFor();
    assert.match(flat(await row.innerText()), /Hóa đơn .* 300\.000 ₫ 0 ₫ 300\.000 ₫$/);
    assert.equal(flat(await page.getByTestId('closing').innerText()), '300.000 ₫');

    // Act: a range that starts the day after the invoice.
    await page.getByLabel('Từ ngày').fill(addDays(ISSUED_ON, 1));

    // Assess: the invoice is now the opening balance, and no line of the range.
    await page.locator('tbody tr', { hasText: 'Số dư đầu kỳ' }).waitFor();
    assert.equal(flat(await page.getByTestId('opening').innerText()), '300.000 ₫');
    assert.equal(await page.locator('tbody tr', { hasText: invoice.number }).count(), 0);
  },
);

browserTest('the operator voids an invoice with a reason and opens its replacement', async () => {
  // Prepare
  const invoice = invoiceOf(VOIDED);
  await signIn('vanhanh', '/invoices');
  await page.goto(`${stack.url}/#/invoices/${invoice.number}/show`);
  await page.getByRole('button', { name: 'Hủy hóa đơn' }).click();
  const dialog = page.getByRole('dialog');
  const submit = dialog.getByRole('button', { name: 'Hủy hóa đơn' });
  assert.equal(await submit.isDisabled(), true, 'no reason, no void');

  // Act
  await dialog.getByLabel(/^Lý do hủy/).fill('Sai tên đơn vị mua');
  await submit.click();

  // Assess: the replacement named, and the table agrees.
  await dialog.getByTestId('void-result').waitFor();
  const voided = await getInvoice(stack.db, invoice.number);
  assert.equal(voided.status, 'void');
  assert.ok(voided.replacedBy);
  assert.match(await dialog.getByTestId('void-result').innerText(), new RegExp(voided.replacedBy));

  // Act: open the replacement.
  await dialog.getByRole('link', { name: 'Mở hóa đơn thay thế' }).click();

  // Assess
  await page.waitForURL(new RegExp(`/invoices/${voided.replacedBy}/show$`));
  await page.getByText('Hóa đơn này thay thế hóa đơn').waitFor();
  await page.getByRole('link', { name: invoice.number, exact: true }).waitFor();
  await page.screenshot({ path: `${SHOTS}/nguon-invoice-replacement.png` });
});

const stubbedPay = async (answer: { status: number; body: unknown }, sent: unknown[]) => {
  await page.unroute('**/api/invoices/*/pay');
  await page.route('**/api/invoices/*/pay', async (route) => {
    sent.push(route.request().postDataJSON());
    await route.fulfill({
      status: answer.status,
      contentType: 'application/json',
      body: JSON.stringify(answer.body),
    });
  });
};

browserTest(
  "the account's unit admin pays online: a refusal is explained, a VietQR is shown",
  async () => {
    // Prepare: finance sees no pay button; the ward's own admin does.
    const invoice = invoiceOf(WARD_ACCOUNT);
    await signIn('ketoan', '/invoices');
    await page.goto(`${stack.url}/#/invoices/${invoice.number}/show`);
    await page.getByRole('button', { name: 'Ghi nhận thanh toán' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).count(), 0);
    await context.close();
    ({ context, page } = await newPage(browser));
    await signIn('vinhhai.admin', '/invoices');
    await page.goto(`${stack.url}/#/invoices/${invoice.number}/show`);
    const sent: unknown[] = [];

    // Act: no gateway configured.
    await stubbedPay(
      {
        status: 409,
        body: {
          message: 'Chưa cấu hình chuyển khoản ngân hàng',
          code: 'attempt.not_configured',
          errors: { gateway: 'Chưa cấu hình' },
        },
      },
      sent,
    );
    await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Tiếp tục' }).click();

    // Assess: the API's words, and the dialog still open for another choice.
    await dialog
      .getByTestId('pay-error')
      .filter({ hasText: 'Chưa cấu hình chuyển khoản' })
      .waitFor();
    await dialog.getByText('Chưa cấu hình', { exact: true }).waitFor();

    // Act: a VietQR answer.
    const qr = {
      payload: '00020101021238570010A000000727012700069704360113007100012345602080QRIBFTTA5303704',
      bankName: 'Vietcombank',
      accountNumber: '0071000123456',
      amount: invoice.balanceDue,
      content: `NGUON ${invoice.number}`,
    };
    await stubbedPay({ status: 201, body: { attemptId: 'att-1', qr } }, sent);
    await dialog.getByRole('button', { name: 'Tiếp tục' }).click();

    // Assess: what a transfer needs, as text; the invoice and gateway were sent.
    await dialog.getByTestId('transfer-details').waitFor();
    assert.equal(await dialog.getByTestId('transfer-account').innerText(), qr.accountNumber);
    assert.equal(await dialog.getByTestId('transfer-content').innerText(), qr.content);
    assert.equal(await dialog.getByTestId('transfer-payload').innerText(), qr.payload);
    assert.equal(
      flat(await dialog.getByTestId('transfer-amount').innerText()),
      `${invoice.balanceDue.toLocaleString('vi-VN')} ₫`,
    );
    assert.deepEqual(sent, [{ gateway: 'vietqr' }, { gateway: 'vietqr' }]);
    await page.screenshot({ path: `${SHOTS}/nguon-invoice-vietqr.png` });
  },
);
