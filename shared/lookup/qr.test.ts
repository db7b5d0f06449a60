import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatBits, qrModules, qrSvgDataUrl, reedSolomon, versionBits } from './qr';
import { vietQrPayload } from '../payments/gateways/vietqr';

/** The finder pattern: a dark 7×7 ring, a light ring, a dark 3×3 centre. */
const hasFinderAt = (grid: boolean[][], row: number, col: number) =>
  Array.from({ length: 7 }, (_, r) =>
    Array.from({ length: 7 }, (_, c) => {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
      return grid[row + r][col + c] === (ring !== 2);
    }).every(Boolean),
  ).every(Boolean);

describe('QR codes for VietQR transfers', () => {
  test('Reed–Solomon codewords match the worked 1-M example of "HELLO WORLD"', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    assert.deepEqual(reedSolomon(data, 10), [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  test('format and version bits are the standard table values', () => {
    assert.equal(formatBits(0).toString(2).padStart(15, '0'), '101010000010010');
    assert.equal(formatBits(5).toString(2).padStart(15, '0'), '100000011001110');
    assert.equal(versionBits(7).toString(2).padStart(18, '0'), '000111110010010100');
    assert.equal(versionBits(10).toString(2).padStart(18, '0'), '001010010011010011');
  });

  test('the smallest version that holds the text is used, up to version 10 (213 bytes)', () => {
    const sizeOf = (length: number) => qrModules('x'.repeat(length))?.length;
    assert.equal(sizeOf(14), 21);
    assert.equal(sizeOf(15), 25);
    assert.equal(sizeOf(122), 45);
    assert.equal(sizeOf(123), 49);
    assert.equal(sizeOf(213), 57);
    assert.equal(qrModules('x'.repeat(214)), undefined);
    assert.equal(qrSvgDataUrl('x'.repeat(214)), null);
  });

  test('a VietQR payload draws the three finder patterns, timing lines and dark module', () => {
    const payload = vietQrPayload({
      bankBin: '970436',
      accountNumber: '0071000123456',
      amount: 88000,
      content: 'NGPABCDEF23',
    });
    const grid = qrModules(payload);
    assert.ok(grid);
    const size = grid.length;
    assert.ok(hasFinderAt(grid, 0, 0) && hasFinderAt(grid, 0, size - 7));
    assert.ok(hasFinderAt(grid, size - 7, 0));
    for (let i = 8; i < size - 8; i += 1) {
      assert.equal(grid[6][i], i % 2 === 0, `timing row at ${i}`);
      assert.equal(grid[i][6], i % 2 === 0, `timing column at ${i}`);
    }
    assert.equal(grid[size - 8][8], true);
  });

  test('the SVG keeps a four-module quiet zone around the code', () => {
    const url = qrSvgDataUrl('NGPABCDEF23') ?? '';
    assert.ok(url.startsWith('data:image/svg+xml;base64,'));
    const svg = Buffer.from(url.split(',')[1], 'base64').toString('utf8');
    assert.match(svg, /viewBox="0 0 29 29"/);
    assert.match(svg, /<path d="M4 4h7v1h-7z/);
  });
});
