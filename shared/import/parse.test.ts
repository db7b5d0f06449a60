import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ValidationError } from '../errors';
import { parseCsv, parseSpreadsheet } from './parse';

const rejectsWith = (code: string) => (error: unknown) =>
  error instanceof ValidationError && error.code === code;

describe('parseCsv', () => {
  test('strips a UTF-8 BOM from the first header', () => {
    const sheet = parseCsv('\uFEFFMã hộ,Chủ hộ\nH001,Nguyễn Văn An\n');
    assert.deepEqual(sheet.headers, ['Mã hộ', 'Chủ hộ']);
    assert.deepEqual(sheet.rows, [['H001', 'Nguyễn Văn An']]);
  });

  test('reads semicolon-separated files, commas inside values stay in the value', () => {
    const sheet = parseCsv('Mã hộ;Địa chỉ;Số nhân khẩu\nH001;12 Lê Lợi, phường 1;4\n');
    assert.deepEqual(sheet.headers, ['Mã hộ', 'Địa chỉ', 'Số nhân khẩu']);
    assert.deepEqual(sheet.rows, [['H001', '12 Lê Lợi, phường 1', '4']]);
  });

  test('detects the separator outside quotes only', () => {
    const sheet = parseCsv('"Số nhà, đường, phường";Chủ hộ\n"1, 2, 3";An\n');
    assert.deepEqual(sheet.headers, ['Số nhà, đường, phường', 'Chủ hộ']);
    assert.deepEqual(sheet.rows, [['1, 2, 3', 'An']]);
  });

  test('keeps line breaks and doubled quotes inside a quoted field', () => {
    const sheet = parseCsv('Mã hộ,Ghi chú\nH001,"Dòng 1\nDòng 2 có ""ngoặc"", dấu phẩy"\nH002,x\n');
    assert.deepEqual(sheet.rows, [
      ['H001', 'Dòng 1\nDòng 2 có "ngoặc", dấu phẩy'],
      ['H002', 'x'],
    ]);
  });

  test('reads CRLF line ends, and a CRLF inside quotes stays in the value', () => {
    const sheet = parseCsv('Mã hộ,Ghi chú\r\nH001,"a\r\nb"\r\nH002,c\r\n');
    assert.deepEqual(sheet.rows, [
      ['H001', 'a\r\nb'],
      ['H002', 'c'],
    ]);
  });

  test('reads old Mac CR-only line ends', () => {
    assert.deepEqual(parseCsv('a,b\r1,2\r3,4').rows, [
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  test('keeps leading zeros and never turns values into numbers', () => {
    const sheet = parseCsv('SĐT,Mã,Số\n0905123456,007,1e3\n');
    assert.deepEqual(sheet.rows, [['0905123456', '007', '1e3']]);
  });

  test('trims cells and normalises them to NFC', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // "Nguyễn" typed with combining marks
    const sheet = parseCsv(`  Chủ hộ  , Mã \n ${decomposed} ,\tH1\t\n`);
    assert.deepEqual(sheet.headers, ['Chủ hộ', 'Mã']);
    assert.deepEqual(sheet.rows, [['Nguyễn', 'H1']]);
    assert.equal(sheet.rows[0][0], 'Nguyễn'.normalize('NFC'));
  });

  test('skips fully empty lines, including lines of bare separators', () => {
    const sheet = parseCsv('\n\na;b\n\n1;2\n;\n  ;  \n3;4\n\n');
    assert.deepEqual(sheet.headers, ['a', 'b']);
    assert.deepEqual(sheet.rows, [
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  test('pads short rows and widens the header for long rows', () => {
    const sheet = parseCsv('a,b,c\n1\n1,2,3,4\n');
    assert.deepEqual(sheet.headers, ['a', 'b', 'c', '']);
    assert.deepEqual(sheet.rows, [
      ['1', '', '', ''],
      ['1', '2', '3', '4'],
    ]);
  });

  test('drops trailing columns that are empty everywhere', () => {
    const sheet = parseCsv('a;b;;\n1;2;;\n');
    assert.deepEqual(sheet.headers, ['a', 'b']);
    assert.deepEqual(sheet.rows, [['1', '2']]);
  });

  test('keeps duplicate and blank header names for the mapping to decide', () => {
    const sheet = parseCsv('Mã hộ,,Mã hộ,Ghi chú\n1,2,3,4\n');
    assert.deepEqual(sheet.headers, ['Mã hộ', '', 'Mã hộ', 'Ghi chú']);
    assert.deepEqual(sheet.rows, [['1', '2', '3', '4']]);
  });

  test('skips title lines above the header', () => {
    const text = [
      'UBND PHƯỜNG AN HẢI,,,',
      'SỔ THEO DÕI HỘ GIA ĐÌNH,SỔ THEO DÕI HỘ GIA ĐÌNH,SỔ THEO DÕI HỘ GIA ĐÌNH,',
      'Mã hộ,Chủ hộ,Thôn,SĐT',
      'H1,An,Tổ 1,0905123456',
    ].join('\n');
    const sheet = parseCsv(text);
    assert.deepEqual(sheet.headers, ['Mã hộ', 'Chủ hộ', 'Thôn', 'SĐT']);
    assert.deepEqual(sheet.rows, [['H1', 'An', 'Tổ 1', '0905123456']]);
  });

  test('a single-column file uses its first line as the header', () => {
    assert.deepEqual(parseCsv('Mã hộ\nH1\nH2\n'), { headers: ['Mã hộ'], rows: [['H1'], ['H2']] });
  });

  test('an empty file is import.empty', () => {
    for (const text of ['', '\uFEFF', '\r\n\r\n', ' ; ;\n']) {
      assert.throws(
        () => parseCsv(text),
        (error: unknown) => {
          assert.ok(error instanceof ValidationError);
          assert.equal(error.code, 'import.empty');
          assert.equal(error.message, 'Tệp trống, không có dữ liệu');

          return true;
        },
      );
    }
  });

  test('a header without data rows is import.no_rows', () => {
    assert.throws(
      () => parseCsv('Mã hộ;Chủ hộ\r\n;\r\n'),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.equal(error.code, 'import.no_rows');
        assert.equal(error.message, 'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào');

        return true;
      },
    );
  });

  test('an unclosed quote is an error naming its line', () => {
    assert.throws(
      () => parseCsv('a,b\n1,2\n3,"open\n4,5\n'),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.equal(error.code, 'import.csv_quote');
        assert.match(error.message, /dòng 3/);

        return true;
      },
    );
  });

  test('a quote inside an unquoted value is an ordinary character', () => {
    assert.deepEqual(parseCsv('a,b\n12" TV,x\n').rows, [['12" TV', 'x']]);
  });

  test('parses a generated 10,000-row file into 10,000 rows', () => {
    const lines = ['Mã hộ;Chủ hộ;SĐT;Ghi chú'];
    for (let i = 0; i < 10_000; i += 1) {
      lines.push(`H${i};Nguyễn Văn ${i};09${String(i).padStart(8, '0')};"dòng ${i}\nhai; ba"`);
    }
    const sheet = parseCsv(`\uFEFF${lines.join('\r\n')}\r\n`);
    assert.equal(sheet.rows.length, 10_000);
    assert.deepEqual(sheet.rows[9_999], [
      'H9999',
      'Nguyễn Văn 9999',
      '0900009999',
      'dòng 9999\nhai; ba',
    ]);
  });
});

describe('parseSpreadsheet', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  test('reads .csv bytes as UTF-8, with or without BOM, whatever the extension case', async () => {
    const withBom = await parseSpreadsheet('SO HO.CSV', bytes('\uFEFFMã hộ,Chủ hộ\nH1,Đức\n'));
    const without = await parseSpreadsheet('so-ho.csv', bytes('Mã hộ,Chủ hộ\nH1,Đức\n').buffer);
    assert.deepEqual(withBom, { headers: ['Mã hộ', 'Chủ hộ'], rows: [['H1', 'Đức']] });
    assert.deepEqual(without, withBom);
  });

  test('reads UTF-16 "Unicode text" exports, tab separated', async () => {
    const text = '\uFEFFMã hộ\tChủ hộ\r\nH1\tĐức\r\n';
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) {
      utf16[i * 2] = text.charCodeAt(i) & 0xff;
      utf16[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const sheet = await parseSpreadsheet('so.csv', utf16);
    assert.deepEqual(sheet, { headers: ['Mã hộ', 'Chủ hộ'], rows: [['H1', 'Đức']] });
  });

  test('refuses a CSV that is not UTF-8 with a Vietnamese hint', async () => {
    // "Mã" in Windows-1258: 'M', 0xE3 ('ã'), which is not valid UTF-8.
    const cp1258 = new Uint8Array([0x4d, 0xe3, 0x2c, 0x42, 0x0a, 0x31, 0x2c, 0x32, 0x0a]);
    await assert.rejects(parseSpreadsheet('so.csv', cp1258), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.code, 'import.encoding');
      assert.match(error.message, /UTF-8/);

      return true;
    });
  });

  test('refuses other extensions with a Vietnamese ValidationError', async () => {
    for (const name of ['so.xls', 'so.ods', 'so', 'csv']) {
      await assert.rejects(parseSpreadsheet(name, bytes('a,b\n1,2')), (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.equal(error.code, 'import.file_type');
        assert.match(error.message, /\.xlsx/);

        return true;
      });
    }
  });

  test('a file named .xlsx that is not a workbook is import.unreadable', async () => {
    await assert.rejects(
      parseSpreadsheet('so.xlsx', bytes('a,b\n1,2')),
      rejectsWith('import.unreadable'),
    );
  });

  test('empty .csv bytes are import.empty', async () => {
    await assert.rejects(parseSpreadsheet('so.csv', new Uint8Array()), rejectsWith('import.empty'));
  });
});
