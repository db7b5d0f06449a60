/**
 * Residents for the public look-up tests: a household made through the register's API with a
 * known code and phone, and unpaid bills of known amounts written straight into the table (as
 * the payment tests do), so a test knows exactly what the look-up must answer.
 */
import assert from 'node:assert/strict';
import type { LocalStack } from '../../infra/local/stack';
import type { Bill } from '../../shared/bills/fields';
import { request } from './api';
import { putBill } from './payments';
import { bearer } from './stack';

/** Phường Vĩnh Hải and its first residential group, as seeded. */
export const WARD = '22330-2409';
export const HAMLET = '22330-2409-t01';
export const HAMLET_NAME = 'Tổ dân phố 1';
export const WARD_NAME = 'Phường Vĩnh Hải';
export const OWNER_NAME = 'Nguyễn Thị Tra Cứu';

export interface Resident {
  householdId: string;
  unitId: string;
  code: string;
  /** As stored: national form, 10 digits. */
  phone: string;
  bills: Bill[];
}

let serial = 0;

/** A mobile number no other resident of the run has: 0905 and six digits. */
export const freshPhone = (): string => `0905${String((serial += 1) * 7919).padStart(6, '0')}`;

export const createResident = async (
  stack: LocalStack,
  operatorToken: string,
  options: {
    unitId?: string;
    hamletId?: string | null;
    /** Months of unpaid bills, each with its amount. */
    bills?: Array<{ month: string; amount: number }>;
    inactive?: boolean;
  } = {},
): Promise<Resident> => {
  const unitId = options.unitId ?? WARD;
  const phone = freshPhone();
  const code = `TC-${serial}`;
  const created = await request(
    stack.url,
    'POST',
    '/api/households',
    {
      code,
      ownerName: OWNER_NAME,
      unitId,
      hamletId: options.hamletId === undefined ? HAMLET : options.hamletId,
      phone,
      address: '12 Đường Thử',
      ...(options.inactive
        ? { status: 'inactive', inactiveSince: '2025-01-01', inactiveReason: 'moved-away' }
        : {}),
    },
    bearer(operatorToken),
  );
  assert.equal(created.status, 201, created.text);
  const bills: Bill[] = [];
  for (const bill of options.bills ?? []) {
    bills.push(await putBill(stack.db, { ward: unitId, householdId: created.body.id, ...bill }));
  }

  return { householdId: created.body.id, unitId, code, phone, bills };
};

let client = 0;

/**
 * A caller address of its own, sent as CloudFront would send it, so that the tests of one file
 * do not share one rate limit unless they mean to.
 */
export const freshClient = (): Record<string, string> => {
  client += 1;

  return { 'x-viewer-address': `198.51.${Math.floor(client / 250)}.${(client % 250) + 1}` };
};

export const lookupPath = (proof: Record<string, string | undefined>): string => {
  const query = new URLSearchParams(
    Object.entries(proof).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

  return `/api/public/households/lookup?${query.toString()}`;
};
