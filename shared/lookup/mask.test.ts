import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { maskName } from './mask';

describe('maskName', () => {
  test('keeps only the first letter of each word, with three stars whatever its length', () => {
    assert.equal(maskName('Nguyễn Văn Đức'), 'N*** V*** Đ***');
    assert.equal(maskName('Lê Thị Ánh Nguyệt'), 'L*** T*** Á*** N***');
  });

  test('a first letter built from combining marks stays one letter, upper-cased', () => {
    assert.equal(maskName('e\u0301 trần'), 'É*** T***');
  });

  test('an empty or missing name masks to nothing', () => {
    assert.equal(maskName('  '), '');
    assert.equal(maskName(null), '');
  });
});
