import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanText, fold, matchesQuery, searchText } from './fold';

describe('text folding', () => {
  it('folds case and accents, and đ to d', () => {
    assert.equal(fold('Nguyễn Văn Đức'), 'nguyen van duc');
    assert.equal(fold('ĐẶNG THỊ ÁNH'), 'dang thi anh');
  });

  it('normalises decomposed input to NFC and collapses spaces', () => {
    const decomposed = 'Nguye\u0302\u0303n  Va\u0306n'; // NFD as some keyboards send it
    assert.equal(cleanText(` ${decomposed} `), 'Nguyễn Văn');
    assert.equal(cleanText(decomposed).normalize('NFC'), cleanText(decomposed));
  });

  it('finds "Nguyễn Văn Đức" by "nguyen van duc", "duc" and "Đức"', () => {
    const search = searchText(['Nguyễn Văn Đức', 'VH-0001', '12 Trần Phú', '0905123456']);
    for (const query of ['nguyen van duc', 'duc', 'Đức', 'NGUYEN', 'tran phu', '0905']) {
      assert.equal(matchesQuery(search, query), true, query);
    }
  });

  it('requires every query word to start a word of the record', () => {
    const search = searchText(['Nguyễn Văn Đức']);
    assert.equal(matchesQuery(search, 'uyen'), false);
    assert.equal(matchesQuery(search, 'nguyen thi'), false);
  });
});
