import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_FACTOR_SET } from '../emissions/fields';
import { defaultTarget } from '../targets/fields';
import { emptyAggregate } from './aggregates';
import { computeFigures } from './figures';
import { proposeNextYear } from './review';
import type { KpiStatus } from './status';

const status = (key: KpiStatus['key'], state: KpiStatus['status'], target: number | null) =>
  ({
    key,
    status: state,
    target,
    value: 0,
    baseline: 0,
    expected: 0,
    direction: 'up',
  }) as KpiStatus;

describe("next year's targets proposed from a year's results", () => {
  // December: 150 kg recyclables recovered, 800 kg to landfill.
  const december = computeFigures(
    '2025-12',
    { ...emptyAggregate(), 'w.recyclable': 1500, 'w.other': 8000, 'n.sorted': 40 },
    { total: 0, active: 0, complete: 0, incomplete: 0 },
    DEFAULT_FACTOR_SET,
  );
  const kpis = [
    status('sortingShare', 'on-track', 0.9),
    status('recyclables', 'at-risk', 130),
    status('landfill', 'on-track', 900),
    status('ghg', 'off-track', null),
    status('completeShare', 'off-track', 0.8),
  ];
  const proposal = proposeNextYear('w', 2025, defaultTarget('w', 2025), kpis, december);

  test('measured from December of the reviewed year', () => {
    assert.equal(proposal.year, 2026);
    assert.equal(proposal.baselineMonth, '2025-12');
  });

  test('a share target met goes up 5 points; one missed stays', () => {
    assert.equal(proposal.sortingSharePct, 95);
    assert.equal(proposal.completeSharePct, 80);
  });

  test('a change met is asked again; with no value to carry, the same change again', () => {
    assert.equal(proposal.landfillChangePct, -10);
    assert.equal(proposal.ghgChangePct, -10);
    // Promised 130 kg, but December already recovered 150 kg: another +30%.
    assert.equal(proposal.recyclablesChangePct, 30);
  });

  test("a missed change keeps last year's promised value as the goal from the new baseline", () => {
    // Promised 130 kg; December recovered 120 kg: 130 / 120 − 1 = +8.3%.
    const short = computeFigures(
      '2025-12',
      { ...emptyAggregate(), 'w.recyclable': 1200, 'w.other': 8000, 'n.sorted': 40 },
      { total: 0, active: 0, complete: 0, incomplete: 0 },
      DEFAULT_FACTOR_SET,
    );
    const next = proposeNextYear('w', 2025, defaultTarget('w', 2025), kpis, short);
    assert.equal(next.recyclablesChangePct, 8.3);
  });
});
