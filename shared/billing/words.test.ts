import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { amountInWords, numberInWords } from './words';

describe('amountInWords', () => {
  test('reads the amounts of the issue as an invoice states them', () => {
    assert.equal(amountInWords(300_000), 'Ba trăm nghìn đồng');
    assert.equal(amountInWords(1_250_000), 'Một triệu hai trăm năm mươi nghìn đồng');
    assert.equal(amountInWords(0), 'Không đồng');
  });

  const cases: Array<[number, string]> = [
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [91, 'chín mươi mốt'],
    [100, 'một trăm'],
    [101, 'một trăm lẻ một'],
    [104, 'một trăm lẻ bốn'],
    [105, 'một trăm lẻ năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [1000, 'một nghìn'],
    [1001, 'một nghìn không trăm lẻ một'],
    [1010, 'một nghìn không trăm mười'],
    [1015, 'một nghìn không trăm mười lăm'],
    [1024, 'một nghìn không trăm hai mươi tư'],
    [10_000, 'mười nghìn'],
    [15_000, 'mười lăm nghìn'],
    [21_500, 'hai mươi mốt nghìn năm trăm'],
    [105_000, 'một trăm lẻ năm nghìn'],
    [300_000, 'ba trăm nghìn'],
    [330_000, 'ba trăm ba mươi nghìn'],
    [1_000_000, 'một triệu'],
    [1_000_005, 'một triệu không trăm lẻ năm'],
    [1_005_000, 'một triệu không trăm lẻ năm nghìn'],
    [2_024_025, 'hai triệu không trăm hai mươi tư nghìn không trăm hai mươi lăm'],
    [3_600_000, 'ba triệu sáu trăm nghìn'],
    [1_000_000_000, 'một tỷ'],
    [1_000_000_005, 'một tỷ không trăm lẻ năm'],
    [2_500_000_000, 'hai tỷ năm trăm triệu'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [
      999_999_999_999,
      'chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín',
    ],
  ];
  for (const [value, words] of cases) {
    test(`${value} → "${words}"`, () => assert.equal(numberInWords(value), words));
  }

  test('the first letter is capitalised, Vietnamese letters included', () => {
    assert.equal(amountInWords(5), 'Năm đồng');
    assert.equal(amountInWords(15_000_000), 'Mười lăm triệu đồng');
  });

  test('refuses what is not a whole, non-negative amount', () => {
    assert.throws(() => amountInWords(-1), RangeError);
    assert.throws(() => amountInWords(1.5), RangeError);
    assert.throws(() => amountInWords(Number.MAX_SAFE_INTEGER), RangeError);
  });
});
