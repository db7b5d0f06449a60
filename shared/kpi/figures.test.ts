import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_FACTOR_SET, factorSetOf, DEFAULT_EMISSION_FACTORS } from '../emissions/fields';
import { type Aggregate, emptyAggregate } from './aggregates';
import { computeFigures } from './figures';

/** A month of one ward, entered in tenths of a kg as the aggregates keep it. */
const aggregate = (values: Partial<Aggregate>): Aggregate =>
  ({ ...emptyAggregate(), ...values }) as Aggregate;

const MARCH = aggregate({
  // Sorted and partly sorted pickups: 12.5 kg recyclable, 40 kg food, 20 kg other, 5 kg bulky;
  // unsorted pickups: 30 kg other and 2 kg recyclable mixed in.
  'w.recyclable': 145,
  'w.food': 400,
  'w.other': 500,
  'w.bulky': 50,
  'wu.recyclable': 20,
  'wu.other': 300,
  'n.sorted': 6,
  'n.partly': 2,
  'n.unsorted': 1,
  'n.refused': 1,
  'n.household': 9,
  'n.route': 1,
  covered: 29,
  'r.wrong-bag': 1,
  'hh.withPickups': 7,
  'hh.sorting': 5,
});
const REGISTER = { total: 10, active: 8, complete: 4, incomplete: 3 };

describe('KPI arithmetic from a month aggregate (hand-computed)', () => {
  const figures = computeFigures('2025-03', MARCH, REGISTER, DEFAULT_FACTOR_SET);

  test('tonnage by group and its total, in kg', () => {
    assert.deepEqual(figures.weightsKg, {
      recyclable: 14.5,
      food: 40,
      other: 50,
      bulky: 5,
      hazardous: 0,
      total: 109.5,
    });
    assert.equal(figures.unsortedKg, 32);
  });

  test('recyclables recovered leave out what was mixed into unsorted waste: 14.5 − 2 = 12.5 kg of 109.5', () => {
    assert.equal(figures.recyclablesKg, 12.5);
    assert.equal(figures.recyclablesShare, 12.5 / 109.5);
  });

  test('landfill is other + bulky from sorted pickups plus all of the unsorted: 20 + 5 + 32 = 57 kg', () => {
    assert.deepEqual(figures.byDestinationKg, {
      recycling: 12.5,
      composting: 40,
      landfill: 57,
      incineration: 0,
    });
    assert.equal(figures.landfillKg, 57);
  });

  test('GHG with the defaults: 0.04 t compost × 191.5 + 0.057 t landfill × 1,120 = 71.5 kg CO2e', () => {
    // 7.66 + 63.84 = 71.5
    assert.equal(figures.ghgKgCo2e, 71.5);
  });

  test('a province that composts nothing and burns its other waste gets its own estimate', () => {
    const own = factorSetOf(
      {
        ...DEFAULT_EMISSION_FACTORS,
        foodDestination: 'landfill',
        otherDestination: 'incineration',
        incinerationFactor: 400,
      },
      'province',
    );
    const burnt = computeFigures('2025-03', MARCH, REGISTER, own);
    // Landfill: food 40 + bulky 5 = 45 kg; incineration: other 20 + unsorted 32 = 52 kg.
    assert.equal(burnt.landfillKg, 45);
    assert.equal(burnt.byDestinationKg.incineration, 52);
    // 0.045 × 1,120 + 0.052 × 400 = 50.4 + 20.8
    assert.equal(burnt.ghgKgCo2e, 71.2);
  });

  test('households sorting: 5 of 8 active registered households; completeness 4 of 10', () => {
    assert.deepEqual(figures.households, {
      active: 8,
      withPickups: 7,
      sorting: 5,
      sortingShare: 5 / 8,
    });
    assert.deepEqual(figures.register, {
      total: 10,
      active: 8,
      complete: 4,
      partial: 3,
      incomplete: 3,
      completeShare: 0.4,
    });
  });

  test('pickups by status and kind, refusals by reason, households covered', () => {
    assert.deepEqual(figures.pickups, {
      total: 10,
      sorted: 6,
      partly: 2,
      unsorted: 1,
      refused: 1,
      household: 9,
      route: 1,
    });
    assert.deepEqual(figures.refusals, { 'not-sorted': 0, 'wrong-bag': 1, 'not-put-out': 0 });
    assert.equal(figures.householdsCovered, 29);
  });

  test('an empty month has no shares rather than a division by zero', () => {
    const empty = computeFigures(
      '2025-04',
      emptyAggregate(),
      { total: 0, active: 0, complete: 0, incomplete: 0 },
      DEFAULT_FACTOR_SET,
    );
    assert.equal(empty.recyclablesShare, null);
    assert.equal(empty.households.sortingShare, null);
    assert.equal(empty.register.completeShare, null);
    assert.equal(empty.ghgKgCo2e, 0);
  });
});
