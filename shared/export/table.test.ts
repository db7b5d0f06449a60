import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parseCsv, parseXlsx } from '../import/parse';
import { type ExportColumn, toCsv, toXlsx } from './table';

interface Row {
  code: string;
  ownerName: string;
  phone: string | null;
  members: number | null;
  note?: string;
}

const columns: ExportColumn<Row>[] = [
  { header: 'Mã hộ', value: (r) => r.code },
  { header: 'Chủ hộ', value: (r) => r.ownerName },
  { header: 'Số điện thoại', value: (r) => r.phone },
  { header: 'Số nhân khẩu', value: (r) => r.members },
  { header: 'Ghi chú', value: (r) => r.note },
];

const rows: Row[] = [
  { code: 'H001', ownerName: 'Nguyễn Văn Đức', phone: '0905123456', members: 4 },
  {
    code: 'H002',
    ownerName: 'Lê Thị "Bé"',
    phone: null,
    members: null,
    note: 'Ngõ 5, hẻm; cuối\nnhà màu xanh',
  },
];

describe('toCsv', () => {
  test('writes a BOM, CRLF line ends and RFC 4180 quoting', () => {
    assert.equal(
      toCsv(columns, rows),
      '\uFEFFMã hộ,Chủ hộ,Số điện thoại,Số nhân khẩu,Ghi chú\r\n' +
        'H001,Nguyễn Văn Đức,0905123456,4,\r\n' +
        'H002,"Lê Thị ""Bé""",,,"Ngõ 5, hẻm; cuối\nnhà màu xanh"\r\n',
    );
  });

  test('quotes headers that need it and writes numbers as plain text', () => {
    const csv = toCsv<number>(
      [
        { header: 'Số nhà, đường', value: (n) => n },
        { header: 'x', value: () => Number.NaN },
      ],
      [1500000, 0.5],
    );
    assert.equal(csv, '\uFEFF"Số nhà, đường",x\r\n1500000,\r\n0.5,\r\n');
  });

  test('no records gives the header line alone', () => {
    assert.equal(toCsv(columns, []), '\uFEFFMã hộ,Chủ hộ,Số điện thoại,Số nhân khẩu,Ghi chú\r\n');
  });

  test('round trips through parseCsv, Vietnamese text, quotes and line breaks included', () => {
    const parsed = parseCsv(toCsv(columns, rows, { neutralizeFormulas: false }));
    assert.deepEqual(
      parsed.headers,
      columns.map((c) => c.header),
    );
    assert.deepEqual(parsed.rows, [
      ['H001', 'Nguyễn Văn Đức', '0905123456', '4', ''],
      ['H002', 'Lê Thị "Bé"', '', '', 'Ngõ 5, hẻm; cuối\nnhà màu xanh'],
    ]);
  });

  test('10,000 rows round trip through parseCsv', () => {
    const many: Row[] = Array.from({ length: 10_000 }, (_, i) => ({
      code: `H${i}`,
      ownerName: `Phạm Thị "Út" ${i}`,
      phone: `09${String(i).padStart(8, '0')}`,
      members: (i % 9) + 1,
      note: i % 3 === 0 ? `dòng 1, ${i}\r\ndòng 2; hết` : undefined,
    }));
    const parsed = parseCsv(toCsv(columns, many, { neutralizeFormulas: false }));
    assert.equal(parsed.rows.length, 10_000);
    assert.deepEqual(parsed.rows[0], [
      'H0',
      'Phạm Thị "Út" 0',
      '0900000000',
      '1',
      'dòng 1, 0\r\ndòng 2; hết',
    ]);
    assert.deepEqual(parsed.rows[9_998], ['H9998', 'Phạm Thị "Út" 9998', '0900009998', '9', '']);
    assert.deepEqual(parsed.rows[9_999], [
      'H9999',
      'Phạm Thị "Út" 9999',
      '0900009999',
      '1',
      'dòng 1, 9999\r\ndòng 2; hết',
    ]);
  });
});

/** Cells as parseCsv gives them back: trimmed, NFC; fully blank rows skipped. */
const expectedTable = (header: string[], body: string[][]) => {
  const clean = (row: string[]) => row.map((cell) => cell.normalize('NFC').trim());
  const rows = body.map(clean).filter((row) => row.some((cell) => cell !== ''));

  return { headers: clean(header), rows };
};

describe('toCsv → parseCsv property', () => {
  const tricky = fc.constantFrom(
    ',',
    ';',
    '"',
    '""',
    '\n',
    '\r\n',
    '\r',
    ' ',
    '\t',
    'đ',
    'Ư',
    'ễ',
    'e\u0302\u0303',
    'Nguyễn',
    '0905123456',
    '=1+1',
    "'",
    '\uFEFF',
  );
  const cell = fc
    .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 5 })
    .map((parts) => parts.join(''));

  test('random tables come back cell for cell', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.tuple(
            // Header names are distinct and non-blank, as a header a person can map has them.
            fc.uniqueArray(
              cell.filter((c) => c.normalize('NFC').trim() !== ''),
              {
                minLength: width,
                maxLength: width,
                selector: (c) => c.normalize('NFC').trim(),
              },
            ),
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
          ),
        ),
        ([header, body]) => {
          const expected = expectedTable(header, body);
          fc.pre(expected.rows.length > 0);
          const csv = toCsv(
            header.map((h, i) => ({ header: h, value: (row: string[]) => row[i] })),
            body,
            { neutralizeFormulas: false },
          );
          assert.deepEqual(parseCsv(csv), expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('toXlsx', () => {
  test('round trips through parseXlsx, phones keep their leading zero', async () => {
    const bytes = await toXlsx(columns, rows, 'Sổ hộ');
    assert.ok(bytes instanceof Uint8Array);
    const parsed = await parseXlsx(bytes);
    assert.deepEqual(
      parsed.headers,
      columns.map((c) => c.header),
    );
    assert.deepEqual(parsed.rows, [
      ['H001', 'Nguyễn Văn Đức', '0905123456', '4', ''],
      ['H002', 'Lê Thị "Bé"', '', '', 'Ngõ 5, hẻm; cuối\nnhà màu xanh'],
    ]);
  });

  test('writes text as text cells, numbers as numbers, never formulas', async () => {
    const bytes = await toXlsx<[string, number]>(
      [
        { header: 'SĐT', value: (r) => r[0] },
        { header: 'Tiền', value: (r) => r[1] },
      ],
      [
        ['0905123456', 25000],
        ['=HYPERLINK("x")', 0],
      ],
      'A',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.getCell('A2').value, '0905123456');
    assert.equal(sheet.getCell('A2').type, ExcelJS.ValueType.String);
    assert.equal(sheet.getCell('A2').numFmt, '@');
    assert.equal(sheet.getCell('B2').value, 25000);
    assert.equal(sheet.getCell('A3').value, '=HYPERLINK("x")');
    assert.equal(sheet.getCell('A3').type, ExcelJS.ValueType.String);
  });

  test('bold frozen header, widths from content within bounds, a safe sheet name', async () => {
    const bytes = await toXlsx<string>(
      [
        { header: 'Mã', value: () => 'H1' },
        { header: 'Ghi chú', value: (s) => s },
      ],
      ['ngắn', `${'x'.repeat(20)}\n${'y'.repeat(30)}`, 'z'.repeat(200)],
      'Sổ hộ: phường [An Hải] / 2025 tháng 1 đến tháng 12',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.name, 'Sổ hộ phường An Hải 2025 tháng');
    assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
    assert.deepEqual(
      sheet.views.map((v) => [v.state, v.state === 'frozen' ? v.ySplit : undefined]),
      [['frozen', 1]],
    );
    assert.equal(sheet.getColumn(1).width, 8);
    assert.equal(sheet.getColumn(2).width, 60);
    assert.equal(sheet.getCell('B3').alignment?.wrapText, true);
  });

  test('keeps 10,000 phone numbers as text through a round trip', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `09${String(i).padStart(8, '0')}`);
    const bytes = await toXlsx<string>(
      [
        { header: 'SĐT', value: (p) => p },
        { header: 'Mã', value: (p) => `H${p}` },
      ],
      many,
      'A',
    );
    const parsed = await parseXlsx(bytes);
    assert.equal(parsed.rows.length, 10_000);
    assert.deepEqual(parsed.rows[0], ['0900000000', 'H0900000000']);
    assert.deepEqual(parsed.rows[9_999], ['0900009999', 'H0900009999']);
  });
});

describe('formula neutralising', () => {
  test('prefixes an apostrophe to text cells Excel would run as formulas, and to nothing else', () => {
    const columns = [{ header: 'Ghi chú', value: (row: { note: string | number }) => row.note }];
    const csv = toCsv(columns, [
      { note: '=HYPERLINK("http://x")' },
      { note: '+84905123456' },
      { note: '@SUM(A1)' },
      { note: '- tổ 3' },
      { note: 'Nguyễn Văn A' },
      { note: -5 },
    ]);
    assert.deepEqual(parseCsv(csv).rows, [
      ['\'=HYPERLINK("http://x")'],
      ["'+84905123456"],
      ["'@SUM(A1)"],
      ['- tổ 3'],
      ['Nguyễn Văn A'],
      ['-5'],
    ]);
  });
});
