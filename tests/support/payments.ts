/**
 * Helpers for the fee payment tests: unpaid bills written straight into the table (so a test
 * knows each amount without running a fee schedule), and reading a bill back as it is stored.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../shared/auth/principal';
import type { Bill } from '../../shared/bills/fields';
import { billItem, referenceItem } from '../../shared/bills/record';
import { newReference } from '../../shared/bills/reference';
import { getBill } from '../../shared/bills/store';
import type { Db } from '../../shared/db/client';
import { transactWrite } from '../../shared/db/transact';
import { getStoredUnit } from '../../shared/units/store';

/** Vĩnh Hải, and Lộc Thọ: two wards of Nha Trang, each with its committee's account. */
export const WARD = '22330-2409';
export const OTHER_WARD = '22363-2409';
export const committeeOf = (ward: string) => `ubnd-${ward}`;

export const FINANCE_CALLER: Principal = {
  userId: 'test-finance',
  username: 'ketoan.test',
  fullName: 'Kế toán thử',
  role: 'finance',
  accountId: 'operator',
  scopePath: '/',
  sessionId: 'test',
};

let serial = 0;

export interface BillFixture {
  ward?: string;
  month?: string;
  amount?: number;
  householdId?: string;
  accountId?: string;
  status?: Bill['status'];
}

/** An unpaid bill (by default 44,000 VND, June 2024, in Vĩnh Hải) with its reference guard. */
export const putBill = async (db: Db, fixture: BillFixture = {}): Promise<Bill> => {
  const ward = fixture.ward ?? WARD;
  const unit = await getStoredUnit(db, ward);
  if (!unit) throw new Error(`no unit ${ward} in the test stack`);
  const householdId = fixture.householdId ?? randomUUID();
  const month = fixture.month ?? '2024-06';
  serial += 1;
  const bill: Bill = {
    id: `${householdId}.${month}`,
    householdId,
    householdCode: `TT-${serial}`,
    unitId: ward,
    hamletId: null,
    unitPath: unit.unitPath,
    accountId: fixture.accountId ?? committeeOf(ward),
    month,
    amount: fixture.amount ?? 44_000,
    status: fixture.status ?? 'unpaid',
    reference: newReference(),
    scheduleId: 'test-schedule',
    pricing: 'household-tiers',
    kind: 'household',
    feeClass: 'standard',
    members: 3,
    paymentId: null,
    settledAt: null,
    waivedBy: null,
    reason: null,
    createdAt: '2024-06-01T00:00:00.000Z',
    updatedAt: '2024-06-01T00:00:00.000Z',
    version: 1,
  };
  await transactWrite(db, [
    { Put: { TableName: db.tableName, Item: billItem(bill) } },
    { Put: { TableName: db.tableName, Item: referenceItem(bill) } },
  ]);

  return bill;
};

/** The bill as stored now (strongly consistent). */
export const storedBill = async (db: Db, id: string): Promise<Bill> => {
  const bill = await getBill(db, id, true);
  if (!bill) throw new Error(`bill ${id} is not stored`);

  return bill;
};

/** A unique reference per call, for gateway transactions and bank lines. */
export const uniqueRef = (prefix = 'TXN') => `${prefix}${Date.now()}${(serial += 1)}`;
