import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import type { Bill } from '../../shared/bills/fields';
import { runBills } from '../../shared/bills/run';
import { ictMonth } from '../../shared/time/ict';
import { addFeeLine } from '../support/fees';
import { passwordOf, startTestStack } from '../support/stack';
import { browserTest as browserTestOn, launchBrowser, newPage, signInAs } from './support';

/**
 * Household fee bills in a real browser, as the Vĩnh Hải ward admin sees them: the bills panel
 * of a household's page names months the Vietnamese way, as the admin's own links, and the bill
 * list fits a phone's width. Needs the built admin (npm run build) and Debian's Chromium.
 */
const OFFICER = 'vinhhai.admin';
const VINH_HAI = '22330-2409';

let stack: LocalStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let bill: Bill;

before(async () => {
  stack = await startTestStack(3);
  const now = new Date().toISOString();
  const month = ictMonth(now);
  await addFeeLine(stack.db, VINH_HAI, { effectiveFrom: '2000-01-01', amount: 44_000 });
  const run = await runBills(stack.db, { unitId: VINH_HAI, month }, now);
  assert.ok(run.created > 0, JSON.stringify(run));
  const response = await fetch(
    `${stack.url}/api/bills?filter=${encodeURIComponent(JSON.stringify({ unitId: VINH_HAI, month }))}`,
    { headers: { authorization: `Bearer ${await tokenOf(OFFICER)}` } },
  );
  [bill] = (await response.json()) as Bill[];
  browser = await launchBrowser();
});

const tokenOf = async (username: string): Promise<string> => {
  const response = await fetch(`${stack.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: passwordOf(stack, username) }),
  });

  return ((await response.json()) as { token: string }).token;
};

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

browserTest(
  'a household’s bills panel names each month “Tháng MM/YYYY” as an admin link',
  async () => {
    await signInAs(page, stack.url, OFFICER, passwordOf(stack, OFFICER));
    await page.goto(`${stack.url}/#/households/${encodeURIComponent(bill.householdId)}/show`);
    const month = page.getByTestId('household-bill-month').first();
    await month.waitFor();
    const [year, number] = bill.month.split('-');
    assert.equal((await month.innerText()).trim(), `Tháng ${number}/${year}`);
    assert.match((await month.getAttribute('class')) ?? '', /MuiLink-root/);
    await month.click();
    await page.waitForURL(new RegExp(`/bills/${encodeURIComponent(bill.id)}/show`));
  },
);

browserTest('the bill list fits a 390 px phone without scrolling sideways', async () => {
  // On a phone the menu stays folded: sign in and wait for the list's first bill instead.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${stack.url}/#/bills`);
  await page.getByLabel('Tên đăng nhập').fill(OFFICER);
  await page.getByLabel(/^Mật khẩu/).fill(passwordOf(stack, OFFICER));
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText(bill.householdCode).first().waitFor();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.equal(overflow, 0, 'no horizontal scrolling at 390 px');
});
