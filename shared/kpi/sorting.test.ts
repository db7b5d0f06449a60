import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyTally, isSorting, placeOf, type Tally, withPickup } from './sorting';

const WARD = '/56/568/w1/';
const HAMLET = '/56/568/w1/t1/';

const tallyOf = (
  pickups: Array<
    [status: 'sorted' | 'partly' | 'unsorted' | 'refused', reason?: string, path?: string]
  >,
): Tally =>
  pickups.reduce(
    (tally, [status, reason, path]) =>
      withPickup(
        tally,
        {
          sortingStatus: status,
          refusalReason: (reason ?? null) as never,
          unitPath: path ?? HAMLET,
        },
        1,
      ),
    emptyTally(),
  );

describe('households sorting at source: the monthly rule', () => {
  test('a household with no pickups does not count', () => {
    assert.equal(isSorting(emptyTally()), false);
  });

  test('all sorted counts; 4 of 5 sorted is exactly 80% and counts; 3 of 4 does not', () => {
    assert.equal(isSorting(tallyOf([['sorted']])), true);
    assert.equal(
      isSorting(tallyOf([['sorted'], ['sorted'], ['sorted'], ['sorted'], ['unsorted']])),
      true,
    );
    assert.equal(isSorting(tallyOf([['sorted'], ['sorted'], ['sorted'], ['unsorted']])), false);
  });

  test('a partly sorted pickup scores half: 1 sorted + 1 partly is 75%, 3 sorted + 2 partly is 80%', () => {
    assert.equal(isSorting(tallyOf([['sorted'], ['partly']])), false);
    assert.equal(
      isSorting(tallyOf([['sorted'], ['sorted'], ['sorted'], ['partly'], ['partly']])),
      true,
    );
  });

  test('a refusal for unsorted waste scores 0; "not put out" is not scored at all', () => {
    assert.equal(isSorting(tallyOf([['sorted'], ['refused', 'not-sorted']])), false);
    assert.equal(isSorting(tallyOf([['sorted'], ['refused', 'not-put-out']])), true);
    assert.equal(isSorting(tallyOf([['refused', 'not-put-out']])), false);
  });

  test('taking a pickup away undoes adding it', () => {
    const tally = tallyOf([['sorted'], ['partly']]);
    const back = withPickup(
      withPickup(tally, { sortingStatus: 'unsorted', refusalReason: null, unitPath: WARD }, 1),
      { sortingStatus: 'unsorted', refusalReason: null, unitPath: WARD },
      -1,
    );
    assert.deepEqual(back, tally);
  });

  test('a household-month is placed where most of its pickups were recorded; ties go to the path that sorts first', () => {
    assert.equal(placeOf(emptyTally()), undefined);
    assert.equal(placeOf(tallyOf([['sorted', undefined, WARD], ['sorted'], ['sorted']])), HAMLET);
    assert.equal(placeOf(tallyOf([['sorted', undefined, WARD], ['sorted']])), WARD);
  });
});
