/**
 * Proration, discount and VAT against hand-computed fixtures. The arithmetic of each fixture is
 * written next to it. tz.test.ts runs this file again under TZ=UTC and TZ=Asia/Ho_Chi_Minh.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StatusPeriod } from '../accounts/fields';
import { type BillableAccount, chargeFor } from './charge';
import type { PlanTerms, PricePlan } from './fields';
import { DEFAULT_TERMS } from './plans';

const account = (
  activatedOn: string | null,
  statusHistory?: StatusPeriod[],
  kind: BillableAccount['kind'] = 'ward-committee',
): BillableAccount => ({
  id: 'acc-test',
  kind,
  status: statusHistory?.at(-1)?.status ?? 'active',
  activatedOn,
  createdAt: '2024-01-01T00:00:00.000Z',
  statusHistory,
});

const plan = (effectiveFrom: string, terms: Partial<PlanTerms> = {}): PricePlan => ({
  ...DEFAULT_TERMS,
  ...terms,
  id: `acc-test.${effectiveFrom}`,
  accountId: 'acc-test',
  effectiveFrom,
  note: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  version: 1,
});

const line = (a: BillableAccount, month: string, versions: PricePlan[] = []) => {
  const charge = chargeFor(a, versions, month);
  assert.ok(charge, `expected a charge for ${month}`);

  return charge.line;
};

describe('proration by days, default plan (300,000 VND, 12 free months, no VAT)', () => {
  test('a whole month of 30 days is the monthly price', () => {
    const l = line(account('2025-06-10'), '2026-11');
    assert.deepEqual(
      [l.billableDays, l.daysInMonth, l.amount, l.total],
      [30, 30, 300_000, 300_000],
    );
    assert.equal(l.description, 'Phí sử dụng nền tảng Nguồn tháng 11/2026');
  });

  test('activation mid-month: billing starts on the 16th, 15 of 30 days', () => {
    // 2025-11-16 + 12 months = 2026-11-16; days 16..30 = 15; 300000 × 15 / 30 = 150000.
    const l = line(account('2025-11-16'), '2026-11');
    assert.deepEqual([l.billableDays, l.quantity, l.amount], [15, '15/30', 150_000]);
    assert.equal(
      l.description,
      'Phí sử dụng nền tảng Nguồn tháng 11/2026 (15/30 ngày: 16/11/2026–30/11/2026)',
    );
    assert.equal(chargeFor(account('2025-11-16'), [], '2026-10'), undefined, 'still free');
  });

  test('a month of 31 days: 12 days', () => {
    // Starts 2026-01-20; days 20..31 = 12; 300000 × 12 / 31 = 116129.03 → 116129.
    assert.equal(line(account('2025-01-20'), '2026-01').amount, 116_129);
  });

  test('a month of 28 days: 19 days', () => {
    // Starts 2026-02-10; days 10..28 = 19; 300000 × 19 / 28 = 203571.43 → 203571.
    const l = line(account('2025-02-10'), '2026-02');
    assert.deepEqual([l.billableDays, l.daysInMonth, l.amount], [19, 28, 203_571]);
  });

  test('a month of 29 days in a leap year: 20 days', () => {
    // Starts 2028-02-10; days 10..29 = 20; 300000 × 20 / 29 = 206896.55 → 206897.
    const l = line(account('2027-02-10'), '2028-02');
    assert.deepEqual([l.billableDays, l.daysInMonth, l.amount], [20, 29, 206_897]);
  });

  test('activated on 29 February: billing starts on 28 February the next year', () => {
    // 2025-02-29 does not exist → 2025-02-28: one day of 28; 300000 / 28 = 10714.29 → 10714.
    const a = account('2024-02-29');
    assert.equal(chargeFor(a, [], '2025-01'), undefined);
    const l = line(a, '2025-02');
    assert.deepEqual([l.billableDays, l.daysInMonth, l.amount], [1, 28, 10_714]);
    assert.equal(line(a, '2025-03').amount, 300_000);
    // With 48 free months the date exists again: 2028-02-29, one day of 29 → 10344.83 → 10345.
    const l48 = line(a, '2028-02', [plan('2024-01-01', { freeMonths: 48 })]);
    assert.deepEqual([l48.billableDays, l48.daysInMonth, l48.amount], [1, 29, 10_345]);
  });

  test('rounds half up: 100001 × 15 / 30 = 50000.5 → 50001', () => {
    const l = line(account('2025-11-16'), '2026-11', [
      plan('2025-01-01', { monthlyPrice: 100_001 }),
    ]);
    assert.equal(l.amount, 50_001);
  });

  test('suspended from 10 to 19 March: 21 of 31 days', () => {
    const history: StatusPeriod[] = [
      { status: 'active', from: '2025-01-05' },
      { status: 'suspended', from: '2026-03-10' },
      { status: 'active', from: '2026-03-20' },
    ];
    // Days 1..9 and 20..31 = 9 + 12 = 21; 300000 × 21 / 31 = 203225.81 → 203226.
    const l = line(account('2025-01-05', history), '2026-03');
    assert.deepEqual([l.billableDays, l.amount], [21, 203_226]);
    assert.match(
      l.description,
      /21\/31 ngày: 01\/03\/2026–09\/03\/2026; 20\/03\/2026–31\/03\/2026/,
    );
  });

  test('closed on 16 April: 15 of 30 days, then nothing', () => {
    const history: StatusPeriod[] = [
      { status: 'active', from: '2025-01-05' },
      { status: 'closed', from: '2026-04-16' },
    ];
    assert.equal(line(account('2025-01-05', history), '2026-04').amount, 150_000);
    assert.equal(chargeFor(account('2025-01-05', history), [], '2026-05'), undefined);
  });

  test('suspended the whole month: no charge', () => {
    const history: StatusPeriod[] = [
      { status: 'active', from: '2025-01-05' },
      { status: 'suspended', from: '2026-05-31' },
    ];
    assert.equal(line(account('2025-01-05', history), '2026-05').billableDays, 30);
    assert.equal(chargeFor(account('2025-01-05', history), [], '2026-06'), undefined);
  });

  test('the operator and accounts never activated are not billed', () => {
    assert.equal(chargeFor(account('2024-01-01', undefined, 'operator'), [], '2026-11'), undefined);
    assert.equal(chargeFor(account(null), [], '2026-11'), undefined);
  });
});

describe('plan versions, discounts and VAT', () => {
  test('each month is priced by the version in force on its first day', () => {
    const versions = [plan('2025-01-01'), plan('2026-07-01', { monthlyPrice: 350_000 })];
    assert.equal(line(account('2025-01-05'), '2026-06', versions).amount, 300_000);
    assert.equal(line(account('2025-01-05'), '2026-07', versions).amount, 350_000);
  });

  test('20% off, then 10% VAT: 300000 − 60000 = 240000; VAT 24000; total 264000', () => {
    const l = line(account('2025-01-05'), '2026-11', [
      plan('2025-01-01', { discountKind: 'percent', discountValue: 20, vatRate: 10 }),
    ]);
    assert.deepEqual(
      [l.grossAmount, l.discount, l.amount, l.vat, l.total],
      [300_000, 60_000, 240_000, 24_000, 264_000],
    );
    assert.equal(l.discountNote, 'Giảm 20%');
  });

  test('a fixed discount is prorated by the same days; VAT 8% after it', () => {
    // 15/30 days: gross 150000; discount 50000 × 15 / 30 = 25000; 125000; VAT 10000; 135000.
    const l = line(account('2025-11-16'), '2026-11', [
      plan('2025-01-01', { discountKind: 'fixed', discountValue: 50_000, vatRate: 8 }),
    ]);
    assert.deepEqual(
      [l.grossAmount, l.discount, l.amount, l.vat, l.total],
      [150_000, 25_000, 125_000, 10_000, 135_000],
    );
  });

  test('VAT rounds half up on the prorated amount', () => {
    // 116129 × 10% = 11612.9 → 11613; total 127742.
    const l = line(account('2025-01-20'), '2026-01', [plan('2025-01-01', { vatRate: 10 })]);
    assert.deepEqual([l.amount, l.vat, l.total], [116_129, 11_613, 127_742]);
  });

  test('a discount ends with the month of discountUntil', () => {
    const versions = [
      plan('2025-01-01', {
        discountKind: 'percent',
        discountValue: 50,
        discountUntil: '2026-06-30',
      }),
    ];
    assert.equal(line(account('2025-01-05'), '2026-06', versions).amount, 150_000);
    assert.equal(line(account('2025-01-05'), '2026-07', versions).amount, 300_000);
  });

  test('a month discounted to nothing gets no invoice', () => {
    const versions = [plan('2025-01-01', { discountKind: 'fixed', discountValue: 400_000 })];
    assert.equal(chargeFor(account('2025-01-05'), versions, '2026-11'), undefined);
  });

  test('no free months: billed from the activation day', () => {
    // 2026-11-16 → 15 of 30 days.
    const l = line(account('2026-11-16'), '2026-11', [plan('2025-01-01', { freeMonths: 0 })]);
    assert.equal(l.amount, 150_000);
  });
});
