/**
 * Pricing against hand-worked fixtures: which unit's schedule applies (inheritance), which
 * version (effective dates), which line (specificity), and what each way of pricing charges.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeeSchedule, FeeScheduleInput } from './fields';
import { amountOf, priceFor, versionInForce } from './pricing';

const byUnitForTest = (lines: Record<string, FeeSchedule[]>) => new Map(Object.entries(lines));

const CITY = '/p/city/';
const WARD = '/p/city/ward/';
const HAMLET = '/p/city/ward/h1/';
const OTHER_WARD = '/p/city/other/';

let serial = 0;
const line = (unitId: string, fields: Partial<FeeScheduleInput>): FeeSchedule => ({
  unitId,
  effectiveFrom: '2025-01-01',
  kind: null,
  feeClass: null,
  name: `line ${(serial += 1)}`,
  pricing: 'fixed',
  amount: 0,
  firstTierUpTo: null,
  secondTierUpTo: null,
  secondTierAmount: null,
  aboveAmount: null,
  note: null,
  id: `${unitId}-${serial}`,
  unitPath: '',
  unitName: '',
  createdAt: '',
  updatedAt: '',
  version: 1,
  ...fields,
});

const household = (
  unitPath: string,
  fields: { kind?: string | null; feeClass?: string | null; members?: number | null } = {},
) =>
  ({
    unitPath,
    kind: 'household',
    feeClass: 'standard',
    members: 3,
    ...fields,
  }) as Parameters<typeof priceFor>[0];

const tiers = line('city', {
  feeClass: 'standard',
  pricing: 'household-tiers',
  amount: 44_000,
  firstTierUpTo: 4,
  secondTierUpTo: 6,
  secondTierAmount: 55_000,
  aboveAmount: 66_000,
});

describe('fee pricing by household size, person, business tier and exemption', () => {
  test('household tiers: 1–4 members pay the first tier, 5–6 the second, 7 and more the top', () => {
    const amounts = [1, 4, 5, 6, 7, 12].map((members) => amountOf(tiers, members));
    assert.deepEqual(amounts, [44_000, 44_000, 55_000, 55_000, 66_000, 66_000]);
  });

  test('household tiers without a second tier: above the first bound pays the top amount', () => {
    const twoTiers = line('city', {
      pricing: 'household-tiers',
      amount: 30_000,
      firstTierUpTo: 4,
      aboveAmount: 40_000,
    });
    assert.deepEqual(
      [4, 5].map((members) => amountOf(twoTiers, members)),
      [30_000, 40_000],
    );
  });

  test('per person multiplies by the members; fixed ignores them; exempt is 0', () => {
    const perPerson = line('city', { pricing: 'per-person', amount: 11_000 });
    const fixed = line('city', { pricing: 'fixed', amount: 250_000 });
    const exempt = line('city', { pricing: 'exempt', amount: null });
    assert.equal(amountOf(perPerson, 5), 55_000);
    assert.equal(amountOf(fixed, 1), 250_000);
    assert.equal(amountOf(fixed, 9), 250_000);
    assert.equal(amountOf(exempt, 4), 0);
  });

  test('a household whose number of members is unknown is priced as one member', () => {
    const perPerson = line('city', { pricing: 'per-person', amount: 11_000 });
    const price = priceFor(
      household(WARD, { feeClass: null, members: null }),
      byUnitForTest({ city: [perPerson] }),
      '2025-03',
    );
    assert.deepEqual(price, {
      priced: true,
      amount: 11_000,
      scheduleId: perPerson.id,
      method: 'per-person',
      members: 1,
    });
  });
});

describe('which line of a schedule prices a household', () => {
  const anyLine = line('city', { pricing: 'per-person', amount: 10_000 });
  const householdKind = line('city', { kind: 'household', amount: 20_000 });
  const businessClass = line('city', { feeClass: 'business-small', amount: 100_000 });
  const poor = line('city', { feeClass: 'poor', pricing: 'exempt', amount: null });
  const marketLarge = line('city', {
    kind: 'market',
    feeClass: 'business-large',
    amount: 900_000,
  });
  const schedules = byUnitForTest({
    city: [anyLine, householdKind, businessClass, poor, marketLarge],
  });
  const chosen = (fields: Parameters<typeof household>[1]) => {
    const price = priceFor(household(WARD, fields), schedules, '2025-03');

    return price.priced ? price.scheduleId : undefined;
  };

  test('a line naming the fee class and kind beats one naming only the class', () => {
    assert.equal(chosen({ kind: 'market', feeClass: 'business-large' }), marketLarge.id);
    assert.equal(chosen({ kind: 'business', feeClass: 'business-small' }), businessClass.id);
  });

  test('a line naming the class beats one naming the kind: a poor household is exempt', () => {
    const price = priceFor(household(WARD, { feeClass: 'poor' }), schedules, '2025-03');
    assert.deepEqual(price.priced && [price.scheduleId, price.amount], [poor.id, 0]);
  });

  test('a line naming the kind beats the line for everyone; that line takes the rest', () => {
    assert.equal(chosen({ kind: 'household', feeClass: 'near-poor' }), householdKind.id);
    assert.equal(chosen({ kind: null, feeClass: null }), anyLine.id);
    assert.equal(chosen({ kind: 'institution', feeClass: 'business-medium' }), anyLine.id);
  });

  test('a household no line matches is not priced', () => {
    const onlyStandard = byUnitForTest({ city: [tiers] });
    const price = priceFor(household(WARD, { feeClass: 'near-poor' }), onlyStandard, '2025-03');
    assert.deepEqual(price, { priced: false, reason: 'no-line' });
  });
});

describe('which unit and which version apply', () => {
  const city2025 = line('city', { amount: 44_000 });
  const city2026 = line('city', { effectiveFrom: '2026-01-01', amount: 50_000 });
  const ward2025 = line('ward', { effectiveFrom: '2025-07-01', kind: 'household', amount: 30_000 });
  const schedules = byUnitForTest({ city: [city2025, city2026], ward: [ward2025] });
  const amount = (unitPath: string, month: string, kind = 'household') => {
    const price = priceFor(household(unitPath, { kind }), schedules, month);

    return price.priced ? price.amount : price.reason;
  };

  test('a version applies from the month of its first day; the one before it up to then', () => {
    assert.equal(amount(OTHER_WARD, '2025-12'), 44_000);
    assert.equal(amount(OTHER_WARD, '2026-01'), 50_000);
    assert.equal(amount(OTHER_WARD, '2024-12'), 'no-schedule');
  });

  test('households below a unit inherit its schedule: a hamlet of the ward, another ward', () => {
    assert.equal(amount(OTHER_WARD, '2025-06'), 44_000);
    assert.equal(amount(HAMLET, '2025-06'), 44_000);
    assert.equal(amount(CITY, '2025-06'), 44_000);
  });

  test("a lower unit's own schedule replaces its parent's from its first month, for its area", () => {
    assert.equal(amount(WARD, '2025-07'), 30_000);
    assert.equal(amount(HAMLET, '2025-07'), 30_000);
    assert.equal(amount(OTHER_WARD, '2025-07'), 44_000);
  });

  test("the lower unit's schedule replaces the parent's whole: a kind it leaves out is unpriced", () => {
    assert.equal(amount(WARD, '2025-07', 'business'), 'no-line');
    assert.equal(amount(WARD, '2025-06', 'business'), 44_000);
  });

  test('a version holds all its lines together: a newer version drops the older lines', () => {
    const old = [
      line('u', { kind: 'household', amount: 1 }),
      line('u', { kind: 'business', amount: 2 }),
    ];
    const newer = line('u', { effectiveFrom: '2025-06-01', kind: 'household', amount: 3 });
    assert.deepEqual(
      versionInForce([...old, newer], '2025-05').map((l) => l.amount),
      [1, 2],
    );
    assert.deepEqual(
      versionInForce([...old, newer], '2025-06').map((l) => l.amount),
      [3],
    );
  });
});
