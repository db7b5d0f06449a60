import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { auditPut, SYSTEM_ACTOR } from '../../shared/audit/events';
import { transactWrite } from '../../shared/db/transact';
import { listQuery, request } from '../support/api';
import { putBill } from '../support/payments';
import { bearer, passwordOf, signIn, startTestStack } from '../support/stack';
import {
  browserTest as browserTestOn,
  columnTexts,
  launchBrowser,
  newPage,
  SHOTS,
  signInAs,
} from './support';

/**
 * A record's history as people read it: a ward official changes a household, then finds the
 * change on the household's page and in the month's audit trail, in words and formats of the
 * register. A role without the trail sees the record without its history. Starts its own stack.
 */
const WARD = 'Phường Vĩnh Hải';

let stack: LocalStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  stack = await startTestStack(5);
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

const signInAsDemo = (username: string, path?: string) =>
  signInAs(page, stack.url, username, passwordOf(stack, username), path);

interface Household {
  id: string;
  ownerName: string;
  phone: string | null;
}

/** A household of the ward with a phone, as the operator reads it from the API. */
const wardHousehold = async (): Promise<Household> => {
  const token = await signIn(stack, 'vanhanh');
  const get = (path: string) => request(stack.url, 'GET', path, undefined, bearer(token));
  const units = await get(`/api/units${listQuery({ filter: { q: 'Vĩnh Hải' } })}`);
  const ward = (units.body as Array<{ id: string; name: string }>).find((u) => u.name === WARD);
  assert.ok(ward, `no unit named ${WARD}`);
  const households = await get(
    `/api/households${listQuery({ filter: { unitId: ward.id }, range: [0, 99] })}`,
  );
  const household = (households.body as Household[]).find((h) => h.phone);
  assert.ok(household, `no household of ${WARD} has a phone`);

  return household;
};

const grouped = (phone: string) => `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;

browserTest("a household's change shows in its history and in the audit trail", async () => {
  // Prepare
  const household = await wardHousehold();
  const before = grouped(household.phone as string);
  const after = grouped('0905246810');
  await signInAsDemo('vinhhai.admin', `/households/${encodeURIComponent(household.id)}`);
  await page.getByRole('button', { name: 'Lưu' }).waitFor();

  // Act
  await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('0905246810');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã cập nhật').first().waitFor();
  // Back on the list first: leaving the form mid-redirect trips its unsaved-changes guard.
  await page.waitForURL(/#\/households(\?.*)?$/);
  await page.locator('tbody tr').first().waitFor();
  await page.goto(`${stack.url}/#/households/${encodeURIComponent(household.id)}/show`);

  // Assess: newest first, who, what, and the phone in the register's grouping.
  const history = page.getByRole('region', { name: 'Lịch sử thay đổi' });
  const newest = history.locator('tbody tr').first();
  await newest.getByText(`Số điện thoại: ${before} → ${after}`).waitFor();
  assert.match(await newest.innerText(), /vinhhai\.admin[\s\S]*Sửa/);
  assert.match(await history.locator('tbody tr').last().innerText(), /Tạo mới/);
  await history.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/nguon-household-history.png` });

  // Act: the month's trail, from the menu.
  await page.getByRole('menuitem', { name: 'Nhật ký thay đổi', exact: true }).click();
  // The household's page has tables too: read rows only once the trail's page is the one shown.
  await page.waitForURL(/#\/audit-events/);
  await page.getByRole('columnheader', { name: 'Thay đổi' }).waitFor();
  await page.locator('tbody tr', { hasText: 'vinhhai.admin' }).first().waitFor();

  // Assess: the change leads the month, the whole ward's trail stays in the ward.
  const first = page.locator('tbody tr').first();
  assert.match(await first.innerText(), /vinhhai\.admin[\s\S]*Sửa[\s\S]*Hộ/);
  await first.getByText(`Số điện thoại: ${before} → ${after}`).waitFor();
  assert.ok((await columnTexts(page, 'Loại bản ghi')).length > 0);
  await page.screenshot({ path: `${SHOTS}/nguon-audit-list.png` });
});

browserTest('a collector reads a household without its history or the trail', async () => {
  // Prepare
  const household = await wardHousehold();

  // Act
  await signInAsDemo('thugom.dothi', `/households/${encodeURIComponent(household.id)}/show`);

  // Assess
  await page.getByText(household.ownerName, { exact: true }).first().waitFor();
  await page.getByRole('menuitem', { name: 'Sổ hộ', exact: true }).waitFor();
  assert.equal(await page.getByText('Lịch sử thay đổi').count(), 0);
  assert.equal(await page.getByRole('menuitem', { name: 'Nhật ký thay đổi' }).count(), 0);
});

browserTest(
  'a bill with no history says so plainly; a change by the platform reads "Hệ thống"',
  async () => {
    // Prepare: a bill written without any audit event, as no user ever touched it.
    const household = await wardHousehold();
    const bill = await putBill(stack.db, { householdId: household.id, month: '2024-03' });
    const history = page.getByRole('region', { name: 'Lịch sử thay đổi' });

    // Act
    await signInAsDemo('vinhhai.admin', `/bills/${encodeURIComponent(bill.id)}/show`);

    // Assess: the plain empty text, no talk of filters the user never set.
    await history.getByText('Chưa có thay đổi nào được ghi lại.').waitFor();
    assert.doesNotMatch(await history.innerText(), /bộ lọc/i);

    // Act: the platform itself changes the bill (as a gateway webhook or a scheduled job does).
    await transactWrite(stack.db, [
      auditPut(stack.db.tableName, SYSTEM_ACTOR, {
        resource: 'bills',
        recordId: bill.id,
        action: 'update',
        unitPath: bill.unitPath,
        before: { status: 'unpaid' },
        after: { status: 'paid' },
      }),
    ]);
    await page.reload();

    // Assess: who made it is named in the reader's language, never the raw "system".
    const row = history.locator('tbody tr').first();
    await row.waitFor();
    assert.match(await row.innerText(), /Hệ thống[\s\S]*Sửa/);
    assert.doesNotMatch(await history.innerText(), /\bsystem\b/);
  },
);
