import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { passwordOf, startTestStack } from '../support/stack';

/**
 * The register as a ward officer uses it, in a real browser: sign in, filter by ward, search,
 * open a household, change its phone, and find the new number in the list. Runs against
 * $NGUON_BASE_URL when set (a server already holding the demo data; the officer's password in
 * $NGUON_PASSWORD), else starts the local stack itself. Needs the built admin (npm run build)
 * and Debian's Chromium.
 */
const CHROMIUM = '/usr/bin/chromium';
const WARD = 'Phường Vĩnh Hải';
/** The demo unit admin of Phường Vĩnh Hải (infra/local/seed/users.ts). */
const OFFICER = process.env.NGUON_USERNAME ?? 'vinhhai.admin';
const SHOTS = process.env.NGUON_SCREENSHOTS ?? '/tmp';

let stack: LocalStack | undefined;
let baseUrl = '';
let password = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
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

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
});

// A context per test: react-admin keeps filters and the locale in localStorage, and a test must
// not start from what the previous one left.
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A valid mobile number, 0905 and six digits, most likely not the household's current one. */
const newMobile = (): string => `0905${String(Date.now() % 1_000_000).padStart(6, '0')}`;
const grouped = (mobile: string): string =>
  `${mobile.slice(0, 4)} ${mobile.slice(4, 7)} ${mobile.slice(7)}`;

/** Signs in through the panel's login page, in Vietnamese as it opens. */
const signIn = async () => {
  await page.goto(`${baseUrl}/#/households`);
  await page.getByLabel('Tên đăng nhập').fill(OFFICER);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
};

/** The register filtered to one ward, through the ward filter as a user picks it. */
const openWard = async () => {
  await signIn();
  await page.getByRole('columnheader', { name: 'Chủ hộ / chủ nguồn thải' }).waitFor();
  const ward = page.getByRole('combobox', { name: 'Phường/xã' }).first();
  await ward.click();
  await ward.fill('Vĩnh Hải');
  await page.getByRole('option', { name: WARD }).click();
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

/** A test that leaves a screenshot of the page behind when it fails, for whoever reads CI. */
const browserTest = (name: string, body: () => Promise<void>) =>
  test(name, async () => {
    try {
      await body();
    } catch (error) {
      const file = name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      await page.screenshot({ path: `${SHOTS}/nguon-failed-${file}.png` }).catch(() => undefined);
      throw error;
    }
  });

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

/**
 * Waits until the list has settled on rows that all contain every one of `texts` (the rows of
 * the previous filter are replaced, not appended), then checks them once more from the test.
 */
const waitForEveryRow = async (texts: string[]) => {
  await page.waitForFunction(
    // Runs in the page: no named functions inside, tsx would wrap them in a helper the page lacks.
    (wanted) => {
      const rows = [...document.querySelectorAll('tbody tr')].map((row) => row.textContent ?? '');
      return rows.length > 1 && rows.every((row) => wanted.every((t) => row.includes(t)));
    },
    texts,
    { timeout: 15_000 },
  );
  for (const text of await page.locator('tbody tr').allInnerTexts()) {
    for (const wanted of texts) assert.ok(text.includes(wanted), `"${wanted}" missing: ${text}`);
  }
};
