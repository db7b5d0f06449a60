import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { passwordOf, startTestStack } from '../support/stack';
import {
  browserTest as browserTestOn,
  launchBrowser,
  newPage,
  SHOTS,
  signInAs,
  waitForEveryRow as waitForEveryRowOn,
} from './support';

/**
 * The register as a ward officer uses it, in a real browser: sign in, filter by ward, search,
 * open a household, change its phone, and find the new number in the list. Runs against
 * $NGUON_BASE_URL when set (a server already holding the demo data; the officer's password in
 * $NGUON_PASSWORD), else starts the local stack itself. Needs the built admin (npm run build)
 * and Debian's Chromium.
 */
const WARD = 'Phường Vĩnh Hải';
/** The demo unit admin of Phường Vĩnh Hải (infra/local/seed/users.ts). */
const OFFICER = process.env.NGUON_USERNAME ?? 'vinhhai.admin';

let stack: LocalStack | undefined;
let baseUrl = '';
let password = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  if (process.env.NGUON_BASE_URL) {
    baseUrl = process.env.NGUON_BASE_URL.replace(/\/$/, '');
    assert.ok(process.env.NGUON_PASSWORD, `NGUON_PASSWORD must hold ${OFFICER}'s password`);
    password = process.env.NGUON_PASSWORD;
  } else {
    // Enough households per ward that a Nguyễn lives in every one of them.
    stack = await startTestStack(40);
    baseUrl = stack.url;
    password = passwordOf(stack, OFFICER);
  }
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
const waitForEveryRow = (texts: string[]) => waitForEveryRowOn(page, texts);

/** A valid mobile number, 0905 and six digits, most likely not the household's current one. */
const newMobile = (): string => `0905${String(Date.now() % 1_000_000).padStart(6, '0')}`;
const grouped = (mobile: string): string =>
  `${mobile.slice(0, 4)} ${mobile.slice(4, 7)} ${mobile.slice(7)}`;

/** Signs in through the panel's login page, in Vietnamese as it opens. */
const signIn = () => signInAs(page, baseUrl, OFFICER, password);

/** The register filtered to one ward, through the ward filter as a user picks it. */
const openWard = async () => {
  await signIn();
  await page.getByRole('columnheader', { name: 'Chủ hộ / chủ nguồn thải' }).waitFor();
  const ward = page.getByRole('combobox', { name: 'Phường/xã' }).first();
  await ward.click();
  await ward.fill('Vĩnh Hải');
  await page.getByRole('option', { name: WARD }).click();
  // A ward officer's rows are all the ward's before the filter applies too: wait for the filter
  // to reach the address, or a click may land on a row the filtered answer then replaces.
  await page.waitForURL(/unitId/);
  await waitForEveryRow([WARD]);
};

/** The message shown under an input: MUI links it through aria-describedby. */
const helperTextOf = async (input: Locator): Promise<string> => {
  const id = await input.getAttribute('aria-describedby');
  assert.ok(id, 'the input has no helper text');

  return page.locator(`[id="${id}"]`).innerText();
};

/** Opens the edit form of a list row, through its show page as a user would. */
const editRow = async (row: Locator) => {
  const owner = (await row.locator('td').nth(2).innerText()).trim();
  await row.locator('td').nth(2).click();
  await page.waitForURL(/\/households\/[^/]+\/show$/);
  await page.getByText(owner, { exact: true }).first().waitFor();
  await page.getByRole('link', { name: 'Sửa' }).click();
  await page.waitForURL(/\/households\/[^/]+$/);
  await page.getByRole('button', { name: 'Lưu' }).waitFor();

  return owner;
};

browserTest('a ward officer finds a household by ward and name and changes its phone', async () => {
  // Prepare: the register, in Vietnamese by default, filtered by ward and searched unaccented.
  await openWard();
  await page.getByPlaceholder('Tìm kiếm').fill('nguyen');
  await waitForEveryRow([WARD, 'Nguyễn']);

  // Act: open the first household and change its phone.
  const owner = await editRow(page.locator('tbody tr').first());
  const phone = page.getByRole('textbox', { name: 'Số điện thoại' });
  const mobile = newMobile();
  await phone.fill(mobile);
  await page.getByRole('button', { name: 'Lưu' }).click();

  // Assess: back on the filtered list, the household shows the new number, grouped.
  await page.getByText('Đã cập nhật').first().waitFor();
  const row = page.locator('tbody tr', { hasText: owner }).filter({ hasText: grouped(mobile) });
  await row.first().waitFor();
  assert.ok((await row.count()) > 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/nguon-households-after-save.png` });
});

browserTest('a malformed phone is refused under its input, before anything is sent', async () => {
  // Prepare
  await openWard();
  await editRow(page.locator('tbody tr').first());
  const phone = page.getByRole('textbox', { name: 'Số điện thoại' });
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET') writes.push(request.url());
  });

  // Act
  await phone.fill('12345');
  await page.getByRole('button', { name: 'Lưu' }).click();

  // Assess: the shared schema's message; the form keeps what was typed and sent nothing.
  await page.getByText('Số điện thoại phải bắt đầu bằng 0 hoặc +84').waitFor();
  assert.equal(await helperTextOf(phone), 'Số điện thoại phải bắt đầu bằng 0 hoặc +84');
  assert.equal(await phone.inputValue(), '12345');
  assert.deepEqual(writes, []);
  await page.screenshot({ path: `${SHOTS}/nguon-household-invalid-phone.png` });
});

browserTest("the server's refusal of a duplicate code shows under the code input", async () => {
  // Prepare: two households of the same ward; the first is given the second's code.
  await openWard();
  const taken = (await page.locator('tbody tr').nth(1).locator('td').nth(1).innerText()).trim();
  await editRow(page.locator('tbody tr').first());
  const code = page.getByRole('textbox', { name: 'Mã hộ' });

  // Act: only the server knows the code is taken.
  await code.fill(taken);
  await page.getByRole('button', { name: 'Lưu' }).click();

  // Assess: the API's field message under the input, its message in the notification.
  await page.getByText(`Mã hộ "${taken}" đã có`).first().waitFor();
  assert.match(await helperTextOf(code), /Mã hộ đã tồn tại/);
  assert.equal(await code.inputValue(), taken);
  await page.screenshot({ path: `${SHOTS}/nguon-household-duplicate-code.png` });
});
