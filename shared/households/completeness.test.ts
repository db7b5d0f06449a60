import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bandOf, completenessOf, sortingStateOf } from './completeness';
import { NOT_SORTING } from './fields';

const full = {
  code: 'VH-0001',
  ownerName: 'Nguyễn Văn Đức',
  kind: 'household' as const,
  address: '12 Trần Phú',
  hamletId: 'h1',
  phone: '0905123456',
  members: 4,
  feeClass: 'standard' as const,
  sortingSince: '2024-05-01',
  collectorId: 'collector-city',
};

describe('completeness', () => {
  it('counts all ten basic fields of a full record as complete', () => {
    assert.equal(completenessOf(full), 10);
    assert.equal(bandOf(10), 'complete');
  });

  it('counts "declared not sorting" as filled and unknown sorting as missing', () => {
    assert.equal(completenessOf({ ...full, sortingSince: NOT_SORTING }), 10);
    assert.equal(completenessOf({ ...full, sortingSince: null }), 9);
  });

  it('treats blank strings and nulls as missing, and fewer than seven as incomplete', () => {
    const sparse = { ...full, address: '  ', phone: null, members: null, feeClass: null };
    assert.equal(completenessOf(sparse), 6);
    assert.equal(bandOf(6), 'incomplete');
    assert.equal(bandOf(7), 'partial');
    assert.equal(bandOf(9), 'partial');
  });

  it('derives the sorting filter state from sortingSince', () => {
    assert.equal(sortingStateOf('2024-05-01'), 'yes');
    assert.equal(sortingStateOf(NOT_SORTING), 'no');
    assert.equal(sortingStateOf(null), 'unknown');
  });
});
