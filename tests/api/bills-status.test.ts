/**
 * A bill's status moves only forward, once: unpaid → paid (a payment), waived or cancelled (a
 * user, with a reason, both kept and audited). A household with bills is not deleted; it can be
 * made inactive.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import type { Bill } from '../../shared/bills/fields';
import { runBills } from '../../shared/bills/run';
import { billPaidItems, billsOfHousehold, getBill } from '../../shared/bills/store';
import { TransactionCancelled, transactWrite } from '../../shared/db/transact';
import type { Household } from '../../shared/households/fields';
import { assertApiError, request } from '../support/api';
import {
  addFeeLine,
  addHousehold,
  CEILING_TIERS,
  type FeeArea,
  feeArea,
  ict,
} from '../support/fees';
import { bearer, signIn, startTestStack } from '../support/stack';

let stack: LocalStack;
let operator: string;
let area: FeeArea;

const call = (method: string, path: string, body?: unknown, token = operator) =>
  request(stack.url, method, path, body, bearer(token));

/** A household billed for one month: its unpaid bill. */
let month = '2024-01';
const billedHousehold = async (): Promise<{ household: Household; bill: Bill }> => {
  const household = await addHousehold(stack.db, area, { hamletId: area.hamlets[1] });
  const [y, m] = month.split('-').map(Number);
  month = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}`;
  // A hamlet of its own month: only this household is new there.
  await runBills(stack.db, { unitId: area.hamlets[1], month }, ict(`${month}-01`));
  const bill = (await billsOfHousehold(stack.db, household.id)).find((b) => b.month === month);
  assert.ok(bill, 'the run made no bill');

  return { household, bill };
};

/** Marks a bill paid the way the payments part does, inside its own transaction. */
const markPaid = (bill: Bill, paymentId: string) =>
  transactWrite(stack.db, billPaidItems(stack.db.tableName, bill, paymentId, ict('2025-02-05')));

before(async () => {
  stack = await startTestStack(0);
  operator = await signIn(stack);
  area = await feeArea(stack.db, 'status');
  await addFeeLine(stack.db, area.cityId, { ...CEILING_TIERS, effectiveFrom: '2024-01-01' });
});

after(async () => {
  await stack?.stop();
});

describe('waiving and cancelling bills', () => {
  test('a waiver without a reason, or with a blank one, is refused in Vietnamese', async () => {
    const { bill } = await billedHousehold();
    assertApiError(await call('POST', `/api/bills/${bill.id}/waive`, {}), 400, {
      fields: ['reason'],
    });
    assertApiError(await call('POST', `/api/bills/${bill.id}/waive`, { reason: '   ' }), 400, {
      fields: ['reason'],
    });
    assertApiError(await call('POST', `/api/bills/${bill.id}/cancel`, { reason: null }), 400, {
      fields: ['reason'],
    });
    assert.equal((await getBill(stack.db, bill.id))?.status, 'unpaid');
  });

  test('a waiver records the reason and the user, on the bill and in its history', async () => {
    const { bill } = await billedHousehold();
    const admin = await signIn(stack, 'vanhanh');
    const response = await call(
      'POST',
      `/api/bills/${bill.id}/waive`,
      { reason: 'Hộ gặp khó khăn do thiên tai' },
      admin,
    );
    assert.equal(response.status, 200, response.text);
    const stored = await getBill(stack.db, bill.id);
    assert.equal(stored?.status, 'waived');
    assert.equal(stored?.reason, 'Hộ gặp khó khăn do thiên tai');
    assert.equal(stored?.waivedBy, 'vanhanh');
    assert.equal(stored?.version, bill.version + 1);
    assert.ok(stored?.settledAt);

    const filter = encodeURIComponent(JSON.stringify({ resource: 'bills', recordId: bill.id }));
    const trail = await call('GET', `/api/audit-events?filter=${filter}`);
    const waiver = trail.body.find((event: { action: string }) => event.action === 'update');
    assert.equal(waiver?.username, 'vanhanh');
    assert.deepEqual(
      waiver.changes.find((c: { field: string }) => c.field === 'status'),
      { field: 'status', from: 'unpaid', to: 'waived' },
    );
  });

  test('a cancelled bill keeps its reason; status never moves again, by any route', async () => {
    const { bill } = await billedHousehold();
    const cancelled = await call('POST', `/api/bills/${bill.id}/cancel`, { reason: 'Lập nhầm' });
    assert.equal(cancelled.status, 200, cancelled.text);
    assert.equal(cancelled.body.status, 'cancelled');
    for (const action of ['waive', 'cancel']) {
      assertApiError(
        await call('POST', `/api/bills/${bill.id}/${action}`, { reason: 'Thử lại' }),
        409,
        {
          code: 'bill.not_unpaid',
        },
      );
    }
    await assert.rejects(markPaid(bill, 'pay-after-cancel'), TransactionCancelled);
    assert.equal((await getBill(stack.db, bill.id))?.status, 'cancelled');
  });

  test('a paid bill cannot be waived, cancelled or paid a second time', async () => {
    const { bill } = await billedHousehold();
    await markPaid(bill, 'pay-1');
    const paid = await getBill(stack.db, bill.id);
    assert.equal(paid?.status, 'paid');
    assert.equal(paid?.paymentId, 'pay-1');
    assertApiError(await call('POST', `/api/bills/${bill.id}/waive`, { reason: 'Miễn' }), 409, {
      code: 'bill.not_unpaid',
    });
    assertApiError(await call('POST', `/api/bills/${bill.id}/cancel`, { reason: 'Hủy' }), 409, {
      code: 'bill.not_unpaid',
    });
    // Paying again from the bill as read before (or as it is now) fails its condition.
    await assert.rejects(markPaid(bill, 'pay-2'), TransactionCancelled);
    await assert.rejects(markPaid(paid as Bill, 'pay-3'), TransactionCancelled);
    assert.equal((await getBill(stack.db, bill.id))?.paymentId, 'pay-1');
  });

  test('a payment made from a stale read of a bill changes nothing', async () => {
    const { bill } = await billedHousehold();
    const waived = await call('POST', `/api/bills/${bill.id}/waive`, { reason: 'Miễn giảm' });
    assert.equal(waived.status, 200);
    await assert.rejects(markPaid(bill, 'pay-stale'), TransactionCancelled);
    const stored = await getBill(stack.db, bill.id);
    assert.equal(stored?.status, 'waived');
    assert.equal(stored?.paymentId, null);
  });

  test('a bill that does not exist, or an id that is not a bill id, answers 404', async () => {
    assertApiError(await call('POST', '/api/bills/khong-co.2025-01/waive', { reason: 'x' }), 404);
    assertApiError(await call('GET', '/api/bills/khong-phai-ma'), 404, { code: 'bill.not_found' });
  });

  test('a ward’s admin cannot see or waive a bill of another area: 404', async () => {
    const { bill } = await billedHousehold();
    const ward = await signIn(stack, 'vinhhai.admin');
    assertApiError(await call('GET', `/api/bills/${bill.id}`, undefined, ward), 404);
    assertApiError(await call('POST', `/api/bills/${bill.id}/waive`, { reason: 'x' }, ward), 404);
    assert.equal((await getBill(stack.db, bill.id))?.status, 'unpaid');
  });
});

describe('a household with bills', () => {
  test('cannot be deleted: 409 in Vietnamese, and the household stays', async () => {
    const { household } = await billedHousehold();
    assertApiError(await call('DELETE', `/api/households/${household.id}`), 409, {
      code: 'household.has_bills',
      fields: ['status'],
    });
    const kept = await call('GET', `/api/households/${household.id}`);
    assert.equal(kept.status, 200);
  });

  test('can be made inactive, and is then not billed for later months', async () => {
    const { household } = await billedHousehold();
    const current = (await call('GET', `/api/households/${household.id}`)).body;
    const inactive = await call('PUT', `/api/households/${household.id}`, {
      ...current,
      status: 'inactive',
      inactiveSince: `${month}-15`,
      inactiveReason: 'moved-away',
    });
    assert.equal(inactive.status, 200, inactive.text);
    const later = await runBills(
      stack.db,
      { unitId: area.hamlets[1], month: '2026-01' },
      ict('2026-01-01'),
    );
    const own = await billsOfHousehold(stack.db, household.id);
    assert.ok(!own.some((b) => b.month === '2026-01'));
    assert.ok(later.inactive >= 1);
  });

  test('whose every bill was cancelled still cannot be deleted: the bills remain', async () => {
    const { household, bill } = await billedHousehold();
    await call('POST', `/api/bills/${bill.id}/cancel`, { reason: 'Lập nhầm' });
    assertApiError(await call('DELETE', `/api/households/${household.id}`), 409, {
      code: 'household.has_bills',
    });
  });

  test('a household never billed is deleted as before', async () => {
    const household = await addHousehold(stack.db, area, { feeClass: 'poor' });
    await runBills(stack.db, { unitId: area.wardId, month: '2025-12' }, ict('2025-12-01'));
    assert.deepEqual(await billsOfHousehold(stack.db, household.id), []);
    const deleted = await call('DELETE', `/api/households/${household.id}`);
    assert.equal(deleted.status, 200, deleted.text);
  });
});
