import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { collationKey, viCollator } from './collation';

const byteOrder = (a: string, b: string): number => {
  const x = Buffer.from(collationKey(a), 'utf8');
  const y = Buffer.from(collationKey(b), 'utf8');

  return Math.sign(Buffer.compare(x, y));
};

// Tones sit on vowels only, as in every Vietnamese word.
const vowels = [...'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY'];
const consonants = [...'bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX'];
const tones = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const vietnameseText = fc
  .array(
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom(...vowels), fc.constantFrom(...tones))
          .map(([vowel, tone]) => `${vowel}${tone}`.normalize('NFC')),
      },
      { weight: 4, arbitrary: fc.constantFrom(...consonants) },
      { weight: 1, arbitrary: fc.constantFrom(' ', '-', ',', '.', '/', '(', ')', '0', '7') },
    ),
    { minLength: 0, maxLength: 12 },
  )
  .map((chars) => chars.join(''));

describe('Vietnamese collation key', () => {
  it('orders "Đ…" after "D…" and before "E…", as Intl.Collator("vi") does', () => {
    const names = ['Đức', 'Dung', 'Em', 'Du', 'Dương'];
    const sorted = [...names].sort((a, b) => byteOrder(a, b));
    assert.deepEqual(sorted, ['Du', 'Dung', 'Dương', 'Đức', 'Em']);
    assert.deepEqual(sorted, [...names].sort(viCollator.compare));
  });

  it('puts tones in the collator order: none, huyền, hỏi, ngã, sắc, nặng', () => {
    const tonesInOrder = ['ma', 'mà', 'mả', 'mã', 'má', 'mạ'];
    assert.deepEqual(
      [...tonesInOrder].reverse().sort((a, b) => byteOrder(a, b)),
      tonesInOrder,
    );
  });

  it('agrees with Intl.Collator("vi") on any two Vietnamese strings (property)', () => {
    fc.assert(
      fc.property(vietnameseText, vietnameseText, (a, b) => {
        assert.equal(byteOrder(a, b), Math.sign(viCollator.compare(a, b)), `${a} | ${b}`);
      }),
      { numRuns: 5000 },
    );
  });
});
