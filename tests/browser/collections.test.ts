/**
 * Recording pickups in a real browser: the demo collector records a household's pickup on a
 * 390 px phone with the fast entry form, from the keyboard, and the ward officer's KPI page
 * then shows exactly that much more; the form remembers the ward, hamlet and collector; the
 * API's refusals land on their fields. Needs the built admin (npm run build) and Chromium.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { ictMonth } from '../../shared/time/ict';
import { request } from '../support/api';
import { bearer, passwordOf, signIn, startTestStack } from '../support/stack';
import { browserTest as browserTestOn, launchBrowser, newPage, SHOTS, signInAs } from './support';

const VINH_HAI = '22330-2409';
const WARD = 'Phường Vĩnh Hải';
const COLLECTOR = 'thugom.dothi';
const OFFICER = 'vinhhai.admin';
const PHONE = { width: 390, height: 844 };

let stack: LocalStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let household: { id: string; code: string; ownerName: string; hamletId: string };
let otherHamlet: string;
const month = ictMonth(new Date());

before(async () => {
  stack = await startTestStack(10);
  const token = await signIn(stack);
  const api = (path: string, body?: unknown) =>
    request(stack.url, body ? 'POST' : 'GET', path, body, bearer(token));
  const filter = encodeURIComponent(JSON.stringify({ unitId: VINH_HAI, status: 'active' }));
  const households = await api(`/api/households?filter=${filter}&range=[0,99]`);
  // A home (not a business): its pickups are bounded at 500 kg.
  household = households.body.find(
    (h: { hamletId?: string; kind?: string }) => h.hamletId && (!h.kind || h.kind === 'household'),
  );
  assert.ok(household, 'a home of Vĩnh Hải with a hamlet');
  const hamlets = await api(
    `/api/units?filter=${encodeURIComponent(JSON.stringify({ parentId: VINH_HAI }))}&range=[0,99]`,
  );
  otherHamlet = hamlets.body.find((h: { id: string }) => h.id !== household.hamletId).name;
  // Something recorded already, so that "before" is a figure and not an empty month.
  const earlier = new Date(Date.now() - 60_000);
  const created = await api('/api/collections', {
    at: (ictMonth(earlier) === month ? earlier : new Date()).toISOString(),
    unitId: VINH_HAI,
    householdsCovered: 25,
    collectorId: 'collector-city',
    sortingStatus: 'sorted',
    recyclableKg: 12.4,
    foodKg: 20,
    otherKg: 7.6,
  });
  assert.equal(created.status, 201, created.text);
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

/** Signs in through the login page at desktop width, where the menu is shown. */
const signInAt = (username: string, path: string) =>
  signInAs(page, stack.url, username, passwordOf(stack, username), path);

/** Signs in on a phone, as a collector does: the menu stays folded, the page asked for opens. */
const signInOnPhone = async (username: string, path: string, ready: Locator) => {
  await page.setViewportSize(PHONE);
  await page.goto(`${stack.url}/#${path}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel(/^Mật khẩu/).fill(passwordOf(stack, username));
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await ready.waitFor();
};

/** "16,1 kg" or "1,23 t" as kilograms. */
const kgOf = (text: string): number => {
  const match = /([\d.,]+)\s*(kg|t)\b/.exec(text);
  assert.ok(match, `no weight in "${text}"`);
  const value = Number(match[1].replace(/\./g, '').replace(',', '.'));

  return match[2] === 't' ? value * 1000 : value;
};

/** The ward officer's KPI page of this month: total tonnage, recyclables and pickups. */
const officerFigures = async () => {
  await page.goto(`${stack.url}/#/kpis?month=${month}`);
  const tonnage = page.getByTestId('kpi-tonnage');
  await tonnage.waitFor();
  const pickups = await tonnage.getByText(/^\d+ \(\d+ \/ \d+\)$/).innerText();

  return {
    totalKg: kgOf(await page.getByTestId('kpi-tonnage-value').innerText()),
    recyclablesKg: kgOf(await page.getByTestId('kpi-recyclables-value').innerText()),
    pickups: Number(pickups.split(' ')[0]),
  };
};

const combobox = (name: RegExp) => page.getByRole('combobox', { name });

/** Waits until some input of the page holds `value` (remembered values arrive after loading). */
const shows = (value: string | RegExp) =>
  page.waitForFunction(
    ({ source, flags }) =>
      [...document.querySelectorAll('input')].some((input) =>
        new RegExp(source, flags).test(input.value),
      ),
    typeof value === 'string'
      ? { source: `^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' }
      : { source: value.source, flags: value.flags },
  );

const choose = async (name: RegExp, typed: string, option: string | RegExp) => {
  const box = combobox(name);
  await box.click();
  await box.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
};

const weight = (label: string) => page.getByLabel(label, { exact: true });

const isFocused = (input: Locator) =>
  input.evaluate((element) => element === document.activeElement);

browserTest(
  "a collector records a pickup on a phone and the ward's KPI page grows by exactly that much",
  async () => {
    // Prepare: the ward officer's figures of this month, as the KPI page shows them.
    await signInAt(OFFICER, '/');
    const before = await officerFigures();
    await context.close();
    ({ context, page } = await newPage(browser));

    // Act: the collector, on a 390 px phone, from the keyboard.
    await signInOnPhone(COLLECTOR, '/collections/create', weight('Tái chế (kg)'));
    assert.ok(await isFocused(weight('Tái chế (kg)')), 'the cursor starts in the first weight');
    await choose(/^Phường\/xã/, 'Vĩnh Hải', WARD);
    await choose(/^Hộ/, household.code, new RegExp(household.ownerName));
    await weight('Tái chế (kg)').fill('3,7');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5,2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1,1');
    await page.getByRole('radio', { name: 'Đã phân loại' }).check();
    await page.getByText('Tổng: 10 kg').waitFor();
    await weight('Rác khác (kg)').press('Enter');

    // Assess: saved, the form is ready for the next household of the same ward, and nothing
    // is wider than the phone.
    await page.getByText('Đã ghi lượt thu gom (10 kg)').waitFor();
    await page.getByRole('list', { name: 'Các lượt vừa ghi' }).waitFor();
    assert.equal(await combobox(/^Phường\/xã/).inputValue(), WARD);
    assert.equal(await combobox(/^Hộ/).inputValue(), '');
    assert.equal(await weight('Tái chế (kg)').inputValue(), '');
    assert.ok(
      await isFocused(combobox(/^Hộ/)),
      'the cursor waits in the household for the next one',
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, 'no horizontal scrolling at 390 px');
    await page.screenshot({ path: `${SHOTS}/nguon-collection-phone.png`, fullPage: true });

    await context.close();
    ({ context, page } = await newPage(browser));
    await signInAt(OFFICER, '/');
    const after = await officerFigures();
    assert.equal(Math.round((after.totalKg - before.totalKg) * 10) / 10, 10);
    assert.equal(Math.round((after.recyclablesKg - before.recyclablesKg) * 10) / 10, 3.7);
    assert.equal(after.pickups - before.pickups, 1);
    await page.screenshot({ path: `${SHOTS}/nguon-kpi-ward.png`, fullPage: true });
  },
);

browserTest('the form remembers the last ward, hamlet, collector and kind of pickup', async () => {
  // Prepare
  await signInAt(OFFICER, '/collections/create');
  await weight('Tái chế (kg)').waitFor();
  // An officer has one ward: it fills in once the ward list has loaded.
  await shows(WARD);
  assert.equal(await combobox(/^Phường\/xã/).inputValue(), WARD, "an officer's only ward");
  await choose(/^Tổ dân phố/, otherHamlet, otherHamlet);
  await page.getByRole('button', { name: 'Cả tổ/thôn hoặc tuyến' }).click();
  await page.getByLabel(/^Số hộ được thu/).fill('40');
  await choose(/^Đơn vị thu gom/, 'HTX', /HTX Dịch vụ Vệ sinh/);
  await weight('Thực phẩm (kg)').fill('120');
  await page.getByRole('radio', { name: 'Phân loại một phần' }).check();

  // Act: save, then come back to the form another day (a new page load).
  await page.getByRole('button', { name: 'Lưu và ghi tiếp' }).click();
  await page.getByText('Đã ghi lượt thu gom (120 kg)').waitFor();
  assert.ok(
    await isFocused(weight('Tái chế (kg)')),
    'a route pickup continues at the first weight',
  );
  await page.goto(`${stack.url}/#/`);
  await page.reload();
  await page.goto(`${stack.url}/#/collections/create`);
  await weight('Tái chế (kg)').waitFor();

  // Assess
  await shows(otherHamlet);
  await shows(/^HTX Dịch vụ Vệ sinh/);
  assert.equal(await combobox(/^Phường\/xã/).inputValue(), WARD);
  assert.equal(await combobox(/^Tổ dân phố/).inputValue(), otherHamlet);
  assert.match(await combobox(/^Đơn vị thu gom/).inputValue(), /^HTX Dịch vụ Vệ sinh/);
  assert.equal(
    await page.getByRole('button', { name: 'Cả tổ/thôn hoặc tuyến' }).getAttribute('aria-pressed'),
    'true',
  );
  assert.equal(await weight('Thực phẩm (kg)').inputValue(), '');
});

browserTest("the form's own checks and the API's refusals are shown on their fields", async () => {
  // Prepare
  await signInAt(COLLECTOR, '/collections/create');
  await weight('Tái chế (kg)').waitFor();
  await choose(/^Phường\/xã/, 'Vĩnh Hải', WARD);
  const writes: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'POST') writes.push(sent.url());
  });

  // Act: Enter with no household and no status, then both, but far too heavy for a home.
  await weight('Rác khác (kg)').fill('600');
  await weight('Rác khác (kg)').press('Enter');
  await page.getByText('Cần chọn tình trạng phân loại').waitFor();
  await page.getByText(/^Cần chọn hộ/).waitFor();
  assert.deepEqual(writes, [], 'nothing is sent before the form is complete');
  await page.getByRole('radio', { name: 'Chưa phân loại' }).check();
  await choose(/^Hộ/, household.code, new RegExp(household.ownerName));
  await page.getByRole('button', { name: 'Lưu và ghi tiếp' }).click();

  // Assess: the API's answer, under the input it concerns, with the cursor there.
  await page.getByText(/vượt mức hợp lý/).waitFor();
  assert.equal(await weight('Rác khác (kg)').getAttribute('aria-invalid'), 'true');
  assert.ok(await isFocused(weight('Rác khác (kg)')));
  assert.equal(writes.length, 1);
  assert.equal(await weight('Rác khác (kg)').inputValue(), '600', 'what was typed is kept');
});
