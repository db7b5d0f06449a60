import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * What the browser tests share: Debian's Chromium launched headless and offline-quiet, a fresh
 * context per test, sign-in through the panel's own login page, and a screenshot left behind
 * when a test fails. The tests need the built admin (npm run build).
 */
export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = process.env.NGUON_SCREENSHOTS ?? '/tmp';

export const launchBrowser = (): Promise<Browser> => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);

  return chromium.launch({
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
};

/**
 * A new context and page. One per test: react-admin keeps filters, the locale and the session
 * in localStorage, and a test must not start from what the previous one left.
 */
export const newPage = async (
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'vi-VN',
  });

  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  // React reports an error its boundary caught on the console, not as an uncaught one.
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  return { context, page };
};

/** Uncaught errors of the pages under test, told with a failure: a screenshot shows no stack. */
const pageErrors: string[] = [];

/** Signs in through the login page, in Vietnamese as the panel opens, and lands on `path`. */
export const signInAs = async (
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
  path = '/households',
) => {
  await page.goto(`${baseUrl}/#${path}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('menuitem', { name: 'Tổng quan' }).waitFor();
};

/** The list's total as its pagination states it: "1-25 trên 40". */
export const listTotal = async (page: Page): Promise<number> => {
  const range = page.locator('.MuiTablePagination-displayedRows').first();
  await range.waitFor();
  const text = await range.innerText();
  const total = /trên\s+([\d.]+)/.exec(text)?.[1];
  assert.ok(total, `no total in "${text}"`);

  return Number(total.replace(/\./g, ''));
};

/** The texts of one column of the list, found by its header. */
export const columnTexts = async (page: Page, header: string): Promise<string[]> => {
  const headers = await page.locator('thead th').allInnerTexts();
  const index = headers.findIndex((text) => text.trim() === header);
  assert.ok(index >= 0, `no column "${header}" in ${JSON.stringify(headers)}`);

  return (await page.locator(`tbody tr td:nth-child(${index + 1})`).allInnerTexts()).map((text) =>
    text.trim(),
  );
};

/** A test that leaves a screenshot of the page behind when it fails, for whoever reads CI. */
export const browserTest = (name: string, pageOf: () => Page, body: () => Promise<void>) =>
  test(name, async () => {
    pageErrors.length = 0;
    try {
      await body();
    } catch (error) {
      for (const pageError of pageErrors) console.error(`page error: ${pageError}`);
      const file = name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      await pageOf()
        .screenshot({ path: `${SHOTS}/nguon-failed-${file}.png` })
        .catch(() => undefined);
      throw error;
    }
  });

/**
 * Waits until the list has settled on rows that all contain every one of `texts` (the rows of
 * the previous filter are replaced, not appended), then checks them once more from the test.
 */
export const waitForEveryRow = async (page: Page, texts: string[]) => {
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
