import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chosenHolder, CODE_CANDIDATES, codeCandidates } from './code';

describe('codeCandidates', () => {
  test('a space, dot, underscore or dash between the parts gives the hyphenated key', () => {
    for (const typed of ['VHA 0006', 'vha.0006', 'VHA_0006', 'VHA - 0006', 'VHA–0006']) {
      assert.ok(codeCandidates(typed).includes('vha-0006'), typed);
    }
  });

  test('a letter prefix run into its number also gives the hyphenated key', () => {
    assert.ok(codeCandidates('VHA0006').includes('vha-0006'));
  });

  test('the register key of the code as typed comes first', () => {
    assert.equal(codeCandidates('VHA 0006')[0], 'vha0006');
    assert.equal(codeCandidates('Vĩnh-Hải 1')[0], 'vinh-hai1');
  });

  test('always the same number of distinct keys, however much the forms coincide', () => {
    for (const typed of ['VHA-0006', 'x', ' absent', 'A.B C_D', '']) {
      const candidates = codeCandidates(typed);
      assert.equal(candidates.length, CODE_CANDIDATES, typed);
      assert.equal(new Set(candidates).size, CODE_CANDIDATES, typed);
    }
  });
});

describe('chosenHolder', () => {
  test('the holder of the literal key wins over any loose spelling', () => {
    assert.equal(chosenHolder(['h1', 'h2', undefined, 'h2']), 'h1');
  });

  test('loose spellings that agree on one household choose it', () => {
    assert.equal(chosenHolder([undefined, 'h2', undefined, 'h2']), 'h2');
  });

  test('loose spellings naming two households choose none', () => {
    assert.equal(chosenHolder([undefined, 'h2', 'h3', undefined]), undefined);
  });

  test('no holder chooses none', () => {
    assert.equal(chosenHolder([undefined, undefined, undefined, undefined]), undefined);
  });
});
