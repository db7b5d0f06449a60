import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_FACTOR_SET } from '../emissions/fields';
import { defaultTarget } from '../targets/fields';
import { emptyAggregate } from './aggregates';
import { computeFigures } from './figures';
import { assess, kpiStatuses } from './status';

describe('on-track / at-risk / off-track', () => {
  // Recyclables: baseline 100 kg, target +30% = 130 kg by December.
  test('in March the straight path expects 107.5 kg: 108 is on track, 104 at risk, 103 off track', () => {
    assert.deepEqual(assess(108, 100, 130, 'up', 3), { expected: 107.5, status: 'on-track' });
    assert.deepEqual(assess(104, 100, 130, 'up', 3), { expected: 107.5, status: 'at-risk' });
    assert.equal(assess(103.7, 100, 130, 'up', 3).status, 'off-track');
  });

  test('a target already reached is on track in any month', () => {
    assert.equal(assess(131, 100, 130, 'up', 1).status, 'on-track');
  });

  test('a reduction: landfill from 1,000 kg to 900; in June 950 is on the path, 970 at risk (halfway is 975), 980 off', () => {
    assert.deepEqual(assess(950, 1000, 900, 'down', 6), { expected: 950, status: 'on-track' });
    assert.equal(assess(970, 1000, 900, 'down', 6).status, 'at-risk');
    assert.equal(assess(980, 1000, 900, 'down', 6).status, 'off-track');
    assert.equal(assess(1010, 1000, 900, 'down', 6).status, 'off-track');
  });

  test('December is judged against the target itself', () => {
    assert.equal(assess(129, 100, 130, 'up', 12).status, 'at-risk');
    assert.equal(assess(114, 100, 130, 'up', 12).status, 'off-track');
  });

  test('no value or no baseline is no-data', () => {
    assert.equal(assess(null, 100, 130, 'up', 3).status, 'no-data');
    assert.equal(assess(100, null, null, 'up', 3).status, 'no-data');
  });
});

describe('the five KPIs of a month against the rollout defaults', () => {
  const register = { total: 100, active: 100, complete: 70, incomplete: 10 };
  const baseline = computeFigures(
    '2024-12',
    {
      ...emptyAggregate(),
      'w.recyclable': 1000,
      'w.other': 10000,
      'n.sorted': 10,
      'hh.sorting': 40,
    },
    { total: 100, active: 100, complete: 50, incomplete: 20 },
    DEFAULT_FACTOR_SET,
  );
  const june = computeFigures(
    '2025-06',
    {
      ...emptyAggregate(),
      'w.recyclable': 1150,
      'w.other': 9600,
      'n.sorted': 10,
      'hh.sorting': 65,
    },
    register,
    DEFAULT_FACTOR_SET,
  );
  const byKey = Object.fromEntries(
    kpiStatuses(june, baseline, defaultTarget('w', 2025), 6).map((k) => [k.key, k]),
  );

  test('sorting share 0.65 against a path from 0.40 to 0.90 (0.65 in June): on track', () => {
    assert.equal(byKey.sortingShare.value, 0.65);
    assert.equal(byKey.sortingShare.baseline, 0.4);
    assert.equal(byKey.sortingShare.target, 0.9);
    assert.equal(byKey.sortingShare.status, 'on-track');
  });

  test('recyclables 115 kg against 100 → 130 (115 expected in June): on track', () => {
    assert.equal(byKey.recyclables.value, 115);
    assert.equal(byKey.recyclables.target, 130);
    assert.equal(byKey.recyclables.status, 'on-track');
  });

  test('landfill 960 kg against 1,000 → 900 (950 expected): at risk; GHG follows landfill', () => {
    assert.equal(byKey.landfill.value, 960);
    assert.equal(byKey.landfill.status, 'at-risk');
    assert.equal(byKey.ghg.status, 'at-risk');
    assert.equal(byKey.ghg.direction, 'down');
  });

  test('completeness 0.70 against 0.50 → 0.80 (0.65 in June): on track', () => {
    assert.equal(byKey.completeShare.value, 0.7);
    assert.equal(byKey.completeShare.status, 'on-track');
  });
});
