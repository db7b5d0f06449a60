/**
 * Demo household fees, so that the fee screens of `npm start` have something to show: the fee
 * schedule of Nha Trang, one commune's own schedule (to show a lower unit replacing its city's),
 * the bills of two demo units for the last three months (the current one included), and cash
 * receipts for most of them as collectors would record them.
 *
 * The one published figure is Nha Trang's ceiling for households of 1–4 people served door to
 * door: 44,000 VND a month, poor households exempt. Every other amount here is made up for the
 * demo and says so in its name or note. Schedules go through createFeeSchedule; bills are priced
 * by the run's own code (planRun, wardBills); receipts go through recordCash and so settleBills,
 * exactly as a collector's would, each at its own moment in the past. 10 to 25 seconds on
 * DynamoDB Local, most of it the receipts' transactions. Seeded only while no schedule exists.
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../../shared/auth/principal';
import type { Bill } from '../../../shared/bills/fields';
import { billItem, referenceItem } from '../../../shared/bills/record';
import { planRun, wardBills } from '../../../shared/bills/run';
import type { Db } from '../../../shared/db/client';
import { keys, TREE_FEE_SCHEDULES } from '../../../shared/db/keys';
import type { FeeScheduleInput } from '../../../shared/fees/fields';
import { createFeeSchedule } from '../../../shared/fees/store';
import { recordCash } from '../../../shared/payments/cash';
import { addMonths } from '../../../shared/time/days';
import { ictMonth } from '../../../shared/time/ict';
import { hashString } from './random';

export const NHA_TRANG = '568-2409';
/** Phường Vĩnh Hải (the pilot) and Xã Vĩnh Lương, which sets its own fees. */
export const DEMO_FEE_UNITS = ['22330-2409', '22384-2409'];
const OWN_SCHEDULE_UNIT = '22384-2409';
const EFFECTIVE_FROM = '2025-01-01';
const MONTHS = 3;
/** Receipts written at once: each is its own transaction on other bills. */
const WRITERS = 4;

export interface DemoFeesSummary {
  lines: number;
  bills: number;
  receipts: number;
}

/** The moment, as an ISO instant, of a time of day in Vietnam. */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`).toISOString();

const line = (
  unitId: string,
  fields: Partial<FeeScheduleInput> & Pick<FeeScheduleInput, 'name' | 'pricing'>,
): FeeScheduleInput => ({
  unitId,
  effectiveFrom: EFFECTIVE_FROM,
  kind: null,
  feeClass: null,
  amount: null,
  firstTierUpTo: null,
  secondTierUpTo: null,
  secondTierAmount: null,
  aboveAmount: null,
  note: null,
  ...fields,
});

/** The city's schedule: one line per fee class, and one for households whose class is unknown. */
export const cityLines = (): FeeScheduleInput[] => [
  line(NHA_TRANG, {
    feeClass: 'standard',
    name: 'Hộ gia đình, cá nhân — thu gom tận nhà',
    pricing: 'household-tiers',
    amount: 44_000,
    firstTierUpTo: 4,
    secondTierUpTo: 6,
    secondTierAmount: 55_000,
    aboveAmount: 66_000,
    note:
      'Hộ 1–4 người: 44.000 đ/tháng, mức giá tối đa công bố cho Nha Trang (thu gom tận nhà). ' +
      'Bậc 5–6 người (55.000 đ) và từ 7 người (66.000 đ) là số liệu mẫu (demo).',
  }),
  line(NHA_TRANG, {
    feeClass: 'poor',
    name: 'Hộ nghèo — miễn thu',
    pricing: 'exempt',
    note: 'Hộ nghèo được miễn giá dịch vụ thu gom.',
  }),
  line(NHA_TRANG, {
    feeClass: 'near-poor',
    name: 'Hộ cận nghèo — mức giảm (mẫu)',
    pricing: 'fixed',
    amount: 22_000,
    note: 'Số liệu mẫu (demo): một nửa mức hộ 1–4 người.',
  }),
  line(NHA_TRANG, {
    feeClass: 'business-small',
    name: 'Kinh doanh nhỏ (mẫu)',
    pricing: 'fixed',
    amount: 100_000,
    note: 'Số liệu mẫu (demo).',
  }),
  line(NHA_TRANG, {
    feeClass: 'business-medium',
    name: 'Kinh doanh vừa, cơ quan (mẫu)',
    pricing: 'fixed',
    amount: 250_000,
    note: 'Số liệu mẫu (demo).',
  }),
  line(NHA_TRANG, {
    feeClass: 'business-large',
    name: 'Kinh doanh lớn, chợ (mẫu)',
    pricing: 'fixed',
    amount: 600_000,
    note: 'Số liệu mẫu (demo).',
  }),
  line(NHA_TRANG, {
    name: 'Chưa rõ đối tượng — theo nhân khẩu (mẫu)',
    pricing: 'per-person',
    amount: 11_000,
    note: 'Số liệu mẫu (demo): cho hộ chưa ghi đối tượng thu phí, 11.000 đ mỗi người.',
  }),
];

/** A rural commune's own, lower schedule (made up for the demo): it replaces the city's there. */
export const communeLines = (): FeeScheduleInput[] => [
  line(OWN_SCHEDULE_UNIT, {
    kind: 'household',
    name: 'Hộ gia đình ở xã (mẫu)',
    pricing: 'household-tiers',
    amount: 30_000,
    firstTierUpTo: 4,
    aboveAmount: 40_000,
    note: 'Số liệu mẫu (demo): xã đặt biểu giá riêng, thay biểu giá của thành phố.',
  }),
  line(OWN_SCHEDULE_UNIT, {
    feeClass: 'poor',
    name: 'Hộ nghèo — miễn thu',
    pricing: 'exempt',
  }),
  line(OWN_SCHEDULE_UNIT, {
    name: 'Cơ sở kinh doanh và các đối tượng khác ở xã (mẫu)',
    pricing: 'fixed',
    amount: 80_000,
    note: 'Số liệu mẫu (demo).',
  }),
];

const SEED_COLLECTOR: Principal = {
  userId: 'system',
  username: 'thugom.dothi',
  fullName: 'Dữ liệu mẫu',
  role: 'collector',
  accountId: 'collector-city',
  scopePath: '/',
  sessionId: 'seed',
};

const hasSchedules = async (db: Db): Promise<boolean> => {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'byTree',
      KeyConditionExpression: 'treePk = :pk',
      ExpressionAttributeValues: { ':pk': TREE_FEE_SCHEDULES },
      Limit: 1,
    }),
  );

  return (result.Items ?? []).length > 0;
};

/**
 * The bills of a unit's month as a run prices them (planRun, wardBills), written in batches:
 * the table holds no bill yet (no schedule existed), so each bill, its reference and its
 * household's bill count are plain puts. Audit events are left out: no one made these bills.
 */
const demoBills = async (db: Db, unitId: string, month: string): Promise<Bill[]> => {
  const now = at(`${month}-01`, '00:15');
  const plan = await planRun(db, { unitId, month }, now);
  const bills: Bill[] = [];
  for (const ward of plan.wards) bills.push(...(await wardBills(db, plan, ward, now)));

  return bills;
};

const batchPut = async (db: Db, items: Array<Record<string, unknown>>) => {
  const requests = items.map((Item) => ({ PutRequest: { Item } }));
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25);
    while (pending.length > 0) {
      const result = await db.doc.send(
        new BatchWriteCommand({ RequestItems: { [db.tableName]: pending } }),
      );
      pending = (result.UnprocessedItems?.[db.tableName] ?? []) as typeof pending;
    }
  }
};

const writeDemoBills = async (db: Db, bills: Bill[]) => {
  const counts = new Map<string, number>();
  for (const bill of bills) counts.set(bill.householdId, (counts.get(bill.householdId) ?? 0) + 1);
  const items = [
    ...bills.flatMap((bill) => [billItem(bill), referenceItem(bill)]),
    ...[...counts].map(([householdId, count]) => ({ ...keys.householdBills(householdId), count })),
  ];
  const writers = 4;
  const share = Math.ceil(items.length / writers);
  await Promise.all(
    Array.from({ length: writers }, (_, w) =>
      batchPut(db, items.slice(w * share, (w + 1) * share)),
    ),
  );
};

interface Receipt {
  bills: Bill[];
  paidAt: string;
}

/**
 * How each household pays, from a draw on its id, one receipt each as collectors often take
 * several months at once: most paid the past months together last month, some paid all three
 * this month, a few only the first, a quarter owe everything (so the unpaid report has names to
 * follow up). Nothing is paid after `now`.
 */
const receiptsOf = (bills: Bill[], months: string[], now: string): Receipt[] => {
  const byHousehold = new Map<string, Bill[]>();
  for (const bill of bills) {
    byHousehold.set(bill.householdId, [...(byHousehold.get(bill.householdId) ?? []), bill]);
  }
  const receipts: Receipt[] = [];
  for (const [householdId, own] of byHousehold) {
    const draw = hashString(householdId);
    const habit = draw % 20;
    const day = String(5 + (draw % 20)).padStart(2, '0');
    const through = (last: number) => own.filter((bill) => bill.month <= months[last]);
    if (habit < 11)
      receipts.push({ bills: through(1), paidAt: at(`${months[1]}-${day}`, '16:30') });
    else if (habit < 14) {
      receipts.push({ bills: through(2), paidAt: at(`${months[2]}-${day}`, '09:15') });
    } else if (habit < 16) {
      receipts.push({ bills: through(0), paidAt: at(`${months[0]}-${day}`, '10:00') });
    }
  }

  // In time order, as they were taken.
  return receipts
    .filter((receipt) => receipt.bills.length > 0 && receipt.paidAt <= now)
    .sort((a, b) => (a.paidAt < b.paidAt ? -1 : a.paidAt > b.paidAt ? 1 : 0));
};

export const seedDemoFees = async (
  db: Db,
  now = new Date().toISOString(),
): Promise<DemoFeesSummary | undefined> => {
  if (await hasSchedules(db)) return undefined;
  const summary: DemoFeesSummary = { lines: 0, bills: 0, receipts: 0 };
  for (const input of [...cityLines(), ...communeLines()]) {
    await createFeeSchedule(db, input, at('2024-12-20', '08:00'));
    summary.lines += 1;
  }

  const current = ictMonth(now);
  const months = Array.from({ length: MONTHS }, (_, i) => addMonths(current, i - MONTHS + 1));
  let serial = 0;
  for (const unitId of DEMO_FEE_UNITS) {
    const bills: Bill[] = [];
    for (const month of months) bills.push(...(await demoBills(db, unitId, month)));
    await writeDemoBills(db, bills);
    summary.bills += bills.length;

    const receipts = receiptsOf(bills, months, now);
    for (let i = 0; i < receipts.length; i += WRITERS) {
      await Promise.all(
        receipts.slice(i, i + WRITERS).map((receipt) => {
          serial += 1;
          const amount = receipt.bills.reduce((sum, bill) => sum + bill.amount, 0);

          return recordCash(
            db,
            {
              billIds: receipt.bills.map((bill) => bill.id),
              amount,
              receiptNo: `PT${receipt.paidAt.slice(2, 4)}-${String(serial).padStart(5, '0')}`,
              paidAt: receipt.paidAt,
            },
            receipt.paidAt,
            SEED_COLLECTOR,
          );
        }),
      );
      summary.receipts += Math.min(WRITERS, receipts.length - i);
    }
  }

  return summary;
};
