import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { listQuery, request, totalOf } from '../support/api';
import { bearer, passwordOf, signIn, startTestStack } from '../support/stack';
import {
  browserTest as browserTestOn,
  columnTexts,
  launchBrowser,
  listTotal,
  newPage,
  SHOTS,
  signInAs,
} from './support';

/**
 * Who sees what, in a real browser: the panel follows the role table and the account's area as
 * the API applies them. What each role is shown is compared with what the API answers the
 * operator, so the test does not restate the scoping rules. Starts its own stack.
 */
const WARD = 'Phường Vĩnh Hải';
const OTHER_WARD = 'Phường Lộc Thọ';

let stack: LocalStack;
let operatorToken = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  stack = await startTestStack(15);
  operatorToken = await signIn(stack, 'vanhanh');
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

/** GET a list as the operator, who sees the whole register. */
const operatorList = (resource: string, filter: Record<string, unknown>, range = [0, 0]) =>
  request(stack.url, 'GET', `/api/${resource}${listQuery({ filter, range })}`, undefined, {
    ...bearer(operatorToken),
  });

const unitIdOf = async (name: string): Promise<string> => {
  const response = await operatorList('units', { q: name }, [0, 99]);
  const unit = (response.body as Array<{ id: string; name: string }>).find((u) => u.name === name);
  assert.ok(unit, `no unit named ${name}`);

  return unit.id;
};

/** Passwords the tests have changed, by username; the seeded ones otherwise. */
const changed = new Map<string, string>();
const passwordFor = (username: string) => changed.get(username) ?? passwordOf(stack, username);

const signInAsDemo = (username: string, path?: string) =>
  signInAs(page, stack.url, username, passwordFor(username), path);

/** Whether the API takes this username and password, asked without the browser. */
const apiSignInStatus = async (username: string, password: string) =>
  (await request(stack.url, 'POST', '/api/auth/login', { username, password })).status;

/** The sidebar's entry for a resource, by the label the menu shows. */
const menuItem = (label: string) => page.getByRole('menuitem', { name: label, exact: true });

/** The household list once its rows have arrived. */
const householdRows = async () => {
  await page.getByRole('columnheader', { name: 'Chủ hộ / chủ nguồn thải' }).waitFor();
  await page.locator('tbody tr').first().waitFor();
};

browserTest('a ward official sees only their ward, no accounts, and not another ward', async () => {
  // Prepare: what the API holds for the ward, and a household of another ward, as the operator.
  const wardTotal = totalOf(await operatorList('households', { unitId: await unitIdOf(WARD) }));
  const other = await operatorList('households', { unitId: await unitIdOf(OTHER_WARD) });
  const foreign = (other.body as Array<{ id: string; ownerName: string }>)[0];
  assert.ok(wardTotal > 0 && foreign, 'the demo data has households in both wards');

  // Act
  await signInAsDemo('vinhhai.admin');
  await householdRows();

  // Assess: every row is the ward's, the total is the ward's, the menu has no accounts.
  const wards = await columnTexts(page, 'Phường/xã');
  assert.ok(wards.length > 0);
  assert.deepEqual([...new Set(wards)], [WARD]);
  assert.equal(await listTotal(page), wardTotal);
  await menuItem('Sổ hộ').waitFor();
  assert.equal(await menuItem('Tài khoản').count(), 0);
  await page.screenshot({ path: `${SHOTS}/nguon-ward-official-list.png` });

  // Act: the other ward's household, by its address typed in directly.
  await page.goto(`${stack.url}/#/households/${encodeURIComponent(foreign.id)}/show`);

  // Assess: not found, and nothing of the household shown.
  await page.getByText(/Không tìm thấy hộ \/ nguồn thải này/).waitFor();
  assert.equal(await page.getByText(foreign.ownerName).count(), 0);
  await page.screenshot({ path: `${SHOTS}/nguon-not-found.png` });
});

browserTest('the operator has the accounts menu and the whole register', async () => {
  // Prepare
  const registerTotal = totalOf(await operatorList('households', {}));

  // Act
  await signInAsDemo('vanhanh');
  await householdRows();

  // Assess
  await menuItem('Tài khoản').waitFor();
  for (const label of ['Sổ hộ', 'Đơn vị hành chính', 'Người dùng', 'Nhật ký thay đổi']) {
    assert.equal(await menuItem(label).count(), 1, `menu item ${label}`);
  }
  assert.equal(await listTotal(page), registerTotal);
  await page.screenshot({ path: `${SHOTS}/nguon-operator-menu.png` });
});

browserTest('a viewer is offered no create, edit, delete or import on households', async () => {
  // Act
  await signInAsDemo('vinhhai.xem');
  await householdRows();

  // Assess: the list. The export buttons are there (a viewer may list), the rest is not.
  await page.getByRole('button', { name: 'Xuất CSV' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Thêm mới' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Nhập từ Excel/CSV' }).count(), 0);
  assert.equal(await page.locator('tbody input[type="checkbox"]').count(), 0);
  assert.equal(await menuItem('Người dùng').count(), 0);

  // Act: a household's page.
  await page.locator('tbody tr').first().locator('td').nth(1).click();
  await page.waitForURL(/\/households\/[^/]+\/show$/);
  await page.getByText('Lịch sử thay đổi').waitFor();

  // Assess
  assert.equal(await page.getByRole('link', { name: 'Sửa' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Xóa' }).count(), 0);

  // Act: the create form, by its address.
  await page.goto(`${stack.url}/#/households/create`);

  // Assess
  await page.getByText('Bạn không có quyền truy cập trang này').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Lưu' }).count(), 0);
});

browserTest("a ward admin resets a user's password; a weak one gets the API's reason", async () => {
  // Prepare: the ward's users, through the menu.
  await signInAsDemo('vinhhai.admin');
  await menuItem('Người dùng').click();
  await page.getByRole('columnheader', { name: 'Tên đăng nhập' }).waitFor();
  await page.locator('tbody tr', { hasText: 'vinhhai.xem' }).waitFor();
  assert.deepEqual([...new Set(await columnTexts(page, 'Tài khoản'))], ['UBND Phường Vĩnh Hải']);
  await page.screenshot({ path: `${SHOTS}/nguon-users-list.png` });
  await page.locator('tbody tr', { hasText: 'vinhhai.xem' }).locator('td').nth(2).click();
  await page.waitForURL(/\/users\/[^/]+\/show$/);

  // Act: a password the rules refuse.
  await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Mật khẩu mới/).fill('ngan');
  await dialog.getByRole('button', { name: 'Đặt lại' }).click();

  // Assess: the API's message under the input, in the dialog, which stays open.
  await dialog.getByText('Mật khẩu cần ít nhất 10 ký tự').waitFor();
  await page.screenshot({ path: `${SHOTS}/nguon-reset-password-refused.png` });

  // Act: a good one.
  const password = 'Vinh-Hai-2025-moi';
  await dialog.getByLabel(/^Mật khẩu mới/).fill(password);
  await dialog.getByRole('button', { name: 'Đặt lại' }).click();

  // Assess: confirmed, and the new password is the one that signs in.
  await page.getByText('Đã đặt lại mật khẩu').waitFor();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await apiSignInStatus('vinhhai.xem', password), 200);
  changed.set('vinhhai.xem', password);
});

browserTest('a user changes their own password and stays signed in', async () => {
  // Prepare
  const old = passwordFor('loctho.admin');
  await signInAsDemo('loctho.admin');
  await page.getByRole('button', { name: 'Hồ sơ cá nhân' }).click();
  await page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
  const current = page.getByLabel(/^Mật khẩu hiện tại/);
  const fresh = 'Loc-Tho-2025-moi';

  // Act: the wrong current password first.
  await current.fill('khong-dung-123');
  await page.getByLabel(/^Mật khẩu mới/).fill(fresh);
  await page.getByLabel(/^Nhập lại mật khẩu mới/).fill(fresh);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

  // Assess
  await page.getByRole('alert').getByText('Mật khẩu hiện tại không đúng').waitFor();
  await page.screenshot({ path: `${SHOTS}/nguon-change-password.png` });

  // Act: then the right one.
  await current.fill(old);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

  // Assess: done, still signed in with the fresh token; the old password no longer works.
  await page.getByText('Đã đổi mật khẩu').waitFor();
  await menuItem('Sổ hộ').click();
  await householdRows();
  assert.equal(await apiSignInStatus('loctho.admin', old), 401);
  assert.equal(await apiSignInStatus('loctho.admin', fresh), 200);
  changed.set('loctho.admin', fresh);
});
