import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { useMerchants } from '../../shared/payments/merchants';
import { startFakeGateway, type FakeGateway } from '../support/fake-gateway';
import { createResident, type Resident, WARD, WARD_NAME } from '../support/lookup';
import { signIn, startTestStack } from '../support/stack';
import { browserTest as browserTestOn, launchBrowser } from './support';

/**
 * A resident on a phone: the public look-up page at 375 px, a household found by ward, code and
 * phone, its unpaid bills with their total, a VietQR transfer started and the result page
 * reading its state; and the same page inside another site's frame. Needs the built admin
 * (npm run build: lookup.html is its second page) and Debian's Chromium.
 */
let stack: LocalStack;
let fake: FakeGateway;
let resident: Resident;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** A stand-in for a ward website on another origin, embedding the look-up in a frame. */
let wardSite: Server;

before(async () => {
  stack = await startTestStack(3);
  fake = await startFakeGateway(['ubnd-22330-2409']);
  useMerchants(fake.config);
  resident = await createResident(stack, await signIn(stack), {
    bills: [
      { month: '2026-09', amount: 44_000 },
      { month: '2026-10', amount: 55_000 },
    ],
  });
  const lookupUrl = `${stack.url}/lookup?unitId=${WARD}`;
  wardSite = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><title>UBND phường</title><h1>Cổng thông tin phường</h1>` +
        `<iframe src="${lookupUrl}" title="Tra cứu phí rác" width="380" height="700"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => wardSite.listen(0, '127.0.0.1', resolve));
  browser = await launchBrowser();
});

beforeEach(async () => {
  context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  });
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (wardSite ? wardSite.close(() => resolve()) : resolve()));
  useMerchants(null);
  await fake?.close();
  await stack?.stop();
});

const browserTest = (name: string, body: () => Promise<void>) =>
  browserTestOn(name, () => page, body);

/** Fills the form in whatever frame or page holds it and asks. */
const lookUp = async (
  where: Page | ReturnType<Page['frameLocator']>,
  proof: { code: string; phone: string },
) => {
  await where.getByLabel('Phường/xã').selectOption(WARD);
  await where.getByLabel('Mã hộ').fill(proof.code);
  await where.getByLabel('Số điện thoại đã đăng ký').fill(proof.phone);
  await where.getByRole('button', { name: 'Tra cứu' }).click();
};

browserTest('a resident at phone width finds the household and sees its unpaid bills', async () => {
  await page.goto(`${stack.url}/lookup`);
  await lookUp(page, resident);

  await page.getByRole('heading', { name: `Hộ ${resident.code}` }).waitFor();
  const bills = page.getByRole('list').getByRole('listitem');
  assert.equal(await bills.count(), 2);
  assert.match(await bills.nth(0).innerText(), /Tháng 9\/2026\s+44\.000\s₫/);
  assert.match(await bills.nth(1).innerText(), /Tháng 10\/2026\s+55\.000\s₫/);
  assert.match(await page.getByText(/^Tổng cộng/).innerText(), /99\.000\s₫/);
  assert.ok(await page.getByRole('definition').filter({ hasText: WARD_NAME }).isVisible());

  // Unticking a month changes what is paid.
  await page.getByRole('checkbox', { name: /Tháng 10\/2026/ }).uncheck();
  assert.match(await page.getByText(/^Tổng cộng/).innerText(), /44\.000\s₫/);
  const pay = page.getByRole('button', { name: /Thanh toán 44\.000/ });
  const box = await pay.boundingBox();
  assert.ok(box && box.height >= 44, `the pay button is ${box?.height}px high`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
});

browserTest(
  'a wrong phone number is told in Vietnamese without saying what was wrong',
  async () => {
    await page.goto(`${stack.url}/lookup`);
    await lookUp(page, { code: resident.code, phone: '0905 999 999' });
    const alert = page.getByRole('alert');
    await alert.getByText(/Không tìm thấy hộ/).waitFor();
    assert.equal(await page.getByRole('heading', { name: `Hộ ${resident.code}` }).count(), 0);
  },
);

browserTest('paying by VietQR shows the code and the result page reads the state', async () => {
  await page.goto(`${stack.url}/lookup?unitId=${WARD}`);
  await lookUp(page, resident);
  await page.getByRole('radio', { name: /VietQR/ }).check();
  await page.getByRole('button', { name: /Thanh toán 99\.000/ }).click();

  await page.getByRole('heading', { name: 'Chuyển khoản bằng mã VietQR' }).waitFor();
  const qr = page.getByRole('img', { name: /Mã VietQR chuyển 99\.000\s₫/ });
  assert.ok(await qr.isVisible());
  assert.ok(await page.getByText('Vietcombank').isVisible());

  await page.getByRole('link', { name: 'Xem trạng thái thanh toán' }).click();
  await page.getByRole('status').getByText('Đang chờ xác nhận thanh toán…').waitFor();
  assert.match(page.url(), /\/lookup\/result\?attempt=vietqr\./);
  assert.ok(await page.getByText('Tháng 9/2026, Tháng 10/2026').isVisible());
});

browserTest('a ward website on another origin shows the look-up in a frame', async () => {
  const { port } = wardSite.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/`);
  const frame = page.frameLocator('iframe[title="Tra cứu phí rác"]');
  // The ward comes preselected from the frame's address.
  await frame
    .getByLabel('Phường/xã')
    .locator(`option[value="${WARD}"]`)
    .waitFor({ state: 'attached' });
  assert.equal(await frame.getByLabel('Phường/xã').inputValue(), WARD);
  await lookUp(frame, resident);
  await frame.getByRole('heading', { name: `Hộ ${resident.code}` }).waitFor();
});
