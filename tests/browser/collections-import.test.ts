/**
 * The ward officer's other collection screens in a real browser: a collector's log imported
 * from CSV (preview, import, re-import), a household's sorting record, the KPI page's drill-down
 * and export, and the annual review carried into next year's targets. Needs the built admin.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, afterEach, before, beforeEach } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { ictMonth } from '../../shared/time/ict';
import { request } from '../support/api';
import { bearer, passwordOf, signIn, startTestStack } from '../support/stack';
import { browserTest as browserTestOn, launchBrowser, newPage, signInAs } from './support';

const VINH_HAI = '22330-2409';
const OFFICER = 'vinhhai.admin';
const COLLECTOR_NAME = 'Công ty Môi trường đô thị Nha Trang (demo)';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Rec = Record<string, any>;
let stack: LocalStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let homes: Rec[];
let hamletName: string;
let token: string;
const month = ictMonth(new Date());
const year = Number(month.slice(0, 4));

const api = (method: string, path: string, body?: unknown) =>
  request(stack.url, method, path, body, bearer(token));

/** A moment `ago` ms back, inside this Vietnam month when it can be. */
const moment = (ago: number) => {
  const at = new Date(Date.now() - ago);

  return ictMonth(at) === month ? at : new Date(Date.now() - 60_000);
};

/** "05/12/2026 07:30", Vietnam time: how collectors' logs write a moment. */
const logTime = (at: Date) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );

  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
};

before(async () => {
  stack = await startTestStack(10);
  token = await signIn(stack);
  const filter = encodeURIComponent(JSON.stringify({ unitId: VINH_HAI, status: 'active' }));
  const households = await api('GET', `/api/households?filter=${filter}&range=[0,99]`);
  homes = households.body.filter((h: Rec) => h.hamletId && (!h.kind || h.kind === 'household'));
  assert.ok(homes.length >= 3, 'three homes in Vĩnh Hải');
  hamletName = (await api('GET', `/api/units/${homes[0].hamletId}`)).body.name;
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

const signInAt = (path: string) =>
  signInAs(page, stack.url, OFFICER, passwordOf(stack, OFFICER), path);

const upload = async (csv: string) => {
  await page
    .getByLabel('Chọn tệp .csv hoặc .xlsx')
    .setInputFiles({ name: 'so-thu-gom.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
};

browserTest(
  "a collector's log is previewed, imported once, and imported again to no effect",
  async () => {
    // Prepare: a log with a household pickup, a refusal, a hamlet's route and an unknown code.
    const csv = [
      'Thời điểm thu gom,Mã hộ,Tổ dân phố / thôn,Số hộ được thu,Tái chế (kg),Thực phẩm (kg),Rác khác (kg),Phân loại,Lý do từ chối,Đơn vị thu gom',
      `${logTime(moment(2 * HOUR))},${homes[0].code},,,"1,2","3,4","0,5",Đã phân loại,,${COLLECTOR_NAME}`,
      `${logTime(moment(3 * HOUR))},${homes[1].code},,,,,,Từ chối thu gom,Không để rác ra,${COLLECTOR_NAME}`,
      `${logTime(moment(4 * HOUR))},,${hamletName},30,10,40,25,Phân loại một phần,,${COLLECTOR_NAME}`,
      `${logTime(moment(5 * HOUR))},KHONG-CO-HO-NAY,,,1,,,Đã phân loại,,${COLLECTOR_NAME}`,
    ].join('\n');
    await signInAt('/collections');
    await page.getByRole('link', { name: 'Nhập từ Excel/CSV' }).click();
    await page.getByText('1. Phường/xã').waitFor();

    // Act: preview, then import.
    await upload(csv);
    await page.getByText('3. Ghép cột (4 dòng dữ liệu)').waitFor();
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page
      .getByText('Xem trước: 3 lượt sẽ thêm mới, 0 sẽ sửa, 0 không đổi, 1 dòng lỗi')
      .waitFor();
    await page
      .getByText(/Không tìm thấy mã hộ "KHONG-CO-HO-NAY"/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Ghi 4 dòng' }).click();
    await page.getByText('Kết quả: đã thêm 3 lượt, sửa 0, 0 không đổi, 1 dòng lỗi.').waitFor();

    // Assess: the pickups are there with their weights; the same file again changes nothing.
    const own = encodeURIComponent(JSON.stringify({ householdId: homes[0].id }));
    const recorded = await api('GET', `/api/collections?filter=${own}`);
    assert.equal(recorded.body.length, 1);
    assert.deepEqual(
      [recorded.body[0].recyclableKg, recorded.body[0].foodKg, recorded.body[0].otherKg],
      [1.2, 3.4, 0.5],
    );
    await upload(csv);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page
      .getByText('Xem trước: 0 lượt sẽ thêm mới, 0 sẽ sửa, 3 không đổi, 1 dòng lỗi')
      .waitFor();
  },
);

browserTest(
  "a household's page shows its pickups of the last 30 and 90 days by status",
  async () => {
    // Prepare: two sorted pickups and a partly sorted one this month, an unsorted one 40 days ago.
    const home = homes[2];
    const pickups = [
      { ago: HOUR, sortingStatus: 'sorted' },
      { ago: 2 * DAY, sortingStatus: 'sorted' },
      { ago: 3 * DAY, sortingStatus: 'partly' },
      { ago: 40 * DAY, sortingStatus: 'unsorted' },
    ];
    for (const { ago, sortingStatus } of pickups) {
      const created = await api('POST', '/api/collections', {
        at: new Date(Date.now() - ago).toISOString(),
        unitId: VINH_HAI,
        householdId: home.id,
        collectorId: 'collector-city',
        sortingStatus,
        otherKg: 2,
      });
      assert.equal(created.status, 201, created.text);
    }

    // Act
    await signInAt(`/households/${home.id}/show`);
    const last30 = page.getByTestId('sorting-period-30');
    await last30.waitFor();

    // Assess: pickups, sorted, partly, unsorted, refused and the score, per period.
    const cells = async (row: typeof last30) =>
      (await row.locator('td').allInnerTexts()).slice(1).map((text) => text.trim());
    assert.deepEqual(await cells(last30), ['3', '2', '1', '0', '0', '83,3%']);
    assert.deepEqual(await cells(page.getByTestId('sorting-period-90')), [
      '4',
      '2',
      '1',
      '1',
      '0',
      '62,5%',
    ]);
  },
);

browserTest(
  'the KPI page drills down from the city to a ward and exports its figures',
  async () => {
    // Prepare: the city environment office's page of this month.
    await signInAs(
      page,
      stack.url,
      'tnmt.nhatrang',
      passwordOf(stack, 'tnmt.nhatrang'),
      `/kpis?month=${month}`,
    );
    await page
      .getByTestId('kpi-heading')
      .getByText(/Thành phố Nha Trang/)
      .waitFor();

    // Act: down to the ward, then its figures as CSV and XLSX.
    await page.getByRole('link', { name: 'Phường Vĩnh Hải', exact: true }).click();
    await page
      .getByTestId('kpi-heading')
      .getByText(/Phường Vĩnh Hải/)
      .waitFor();
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất CSV' }).click(),
    ]);
    const csv = await readFile(await csvDownload.path());
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất Excel' }).click(),
    ]);

    // Assess: the trail leads back up; the files hold the API's figures of the month.
    await page
      .getByRole('navigation', { name: 'Vị trí đơn vị' })
      .getByText('Thành phố Nha Trang')
      .waitFor();
    const report = (await api('GET', `/api/kpis?unitId=${VINH_HAI}&month=${month}`)).body;
    const text = csv.toString('utf8');
    assert.ok(text.startsWith('\uFEFF'), 'a BOM, so Excel reads UTF-8');
    const lines = text.slice(1).trim().split('\r\n');
    assert.equal(lines.length, 1 + report.trend.length + report.children.length);
    const header = lines[0].split(',');
    const row = lines.find(
      (line) => line.startsWith(`Phường Vĩnh Hải,${VINH_HAI},`) && line.includes(`,${month},`),
    );
    assert.ok(row, `the ward's row of ${month}`);
    const total = row.split(',')[header.indexOf('Tổng (kg)')];
    assert.equal(Number(total), report.figures.weightsKg.total);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsxDownload.path());
    const sheet = workbook.worksheets[0];
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), header);
    assert.equal(sheet.rowCount, lines.length);
  },
);

browserTest("the annual review carries its proposal into next year's targets, once", async () => {
  // Prepare
  await signInAt(`/kpis/review?year=${year}`);
  const apply = page.getByRole('button', { name: `Ghi thành chỉ tiêu năm ${year + 1}` });
  await apply.waitFor();
  const proposed = await page.getByTestId('proposal-sortingSharePct').innerText();

  // Act: carry it over, then try again.
  await apply.click();
  await page.getByText(`Đã ghi chỉ tiêu năm ${year + 1}.`).waitFor();
  await apply.click();
  await page.getByText(`Năm ${year + 1} đã có chỉ tiêu; giữ nguyên, không ghi đè.`).waitFor();

  // Assess: next year's targets are the proposal shown.
  const target = await api('GET', `/api/targets/${VINH_HAI}.${year + 1}`);
  assert.equal(target.status, 200, target.text);
  assert.equal(`${target.body.sortingSharePct}%`, proposed);
  assert.equal(target.body.baselineMonth, `${year}-12`);
});
