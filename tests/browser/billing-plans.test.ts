import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { getPricePlan } from '../../shared/billing/plan-store';
import { passwordOf, startTestStack } from '../support/stack';
import { browserTest as browserTestOn, launchBrowser, newPage, signInAs } from './support';

/**
 * Price plans through the generated create and edit forms (shared/billing/plan-resource.ts), in
 * a real browser: the operator's own account is not offered, the API's refusals land beside
 * their inputs, and a discount can be set and taken off again. Needs the built admin.
 */
const WARD_ACCOUNT = 'ubnd-22330-2409';
const PLAN_ID = `${WARD_ACCOUNT}.2030-01-01`;

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

const save = () => page.getByRole('button', { name: 'Lưu' }).click();

browserTest(
  'the operator creates a price plan with a discount, then takes the discount off',
  async () => {
    // Prepare
    await signInAs(page, stack.url, 'vanhanh', passwordOf(stack, 'vanhanh'), '/price-plans/create');
    const account = page.getByRole('combobox', { name: /^Tài khoản/ });

    // Act / Assess: the operator's own account is never billed, so it is not offered.
    await account.fill('vận hành');
    await page.getByText('Không có lựa chọn nào').waitFor();
    await account.fill('Vĩnh Hải');
    await page.getByRole('option', { name: 'UBND Phường Vĩnh Hải' }).click();

    // Act: a plan from the middle of a month.
    await page.getByLabel(/^Áp dụng từ/).fill('2030-01-15');
    await save();

    // Assess: the API's reason under the date.
    await page.getByText('Bảng giá áp dụng từ ngày 01 của một tháng').first().waitFor();

    // Act: from the 1st, with a discount value but no kind.
    await page.getByLabel(/^Áp dụng từ/).fill('2030-01-01');
    await page.getByLabel('Mức giảm').fill('20');
    await save();

    // Assess
    await page.getByText('Cần chọn loại giảm giá (phần trăm hoặc số tiền)').first().waitFor();

    // Act: a 20% discount, the rest at the defaults.
    await page.getByRole('combobox', { name: 'Giảm giá' }).click();
    await page.getByRole('option', { name: 'Theo phần trăm' }).click();
    await save();

    // Assess: saved as typed, on the plan's page.
    await page.waitForURL(new RegExp(`/price-plans/${PLAN_ID}/show$`));
    const created = await getPricePlan(stack.db, PLAN_ID);
    assert.deepEqual(
      [created.monthlyPrice, created.freeMonths, created.discountKind, created.discountValue],
      [300_000, 12, 'percent', 20],
    );

    // Act: a new price and no discount.
    await page.goto(`${stack.url}/#/price-plans/${PLAN_ID}`);
    await page.getByLabel(/^Giá tháng/).fill('350000');
    await page.getByRole('combobox', { name: 'Giảm giá' }).click();
    await page.getByRole('option').first().click();
    await page.getByLabel('Mức giảm').fill('');
    await save();

    // Assess: the new version holds, the discount is gone.
    await page.waitForURL(/\/price-plans$/);
    const updated = await getPricePlan(stack.db, PLAN_ID);
    assert.deepEqual(
      [updated.monthlyPrice, updated.discountKind, updated.discountValue, updated.version],
      [350_000, null, null, 2],
    );
  },
);
