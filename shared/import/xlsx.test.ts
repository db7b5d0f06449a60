import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { ValidationError } from '../errors';
import { parseXlsx } from './parse';

const toBytes = async (workbook: ExcelJS.Workbook): Promise<Uint8Array> =>
  new Uint8Array(await workbook.xlsx.writeBuffer());

describe('parseXlsx', () => {
  test('reads numbers, dates, a phone stored as a number and Vietnamese text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sổ hộ');
    sheet.addRow(['Mã hộ', 'Chủ hộ', 'SĐT', 'Số nhân khẩu', 'Phân loại từ', 'Vĩ độ', 'Tỷ lệ']);
    sheet.addRow([
      'H001',
      'Nguyễn Thị Ánh Tuyết',
      905123456,
      4,
      new Date(Date.UTC(2024, 2, 5)),
      12.25,
      0.1 + 0.2,
    ]);
    sheet.getCell('E2').numFmt = 'dd/mm/yyyy';

    const parsed = await parseXlsx(await toBytes(workbook));
    assert.deepEqual(parsed.headers, [
      'Mã hộ',
      'Chủ hộ',
      'SĐT',
      'Số nhân khẩu',
      'Phân loại từ',
      'Vĩ độ',
      'Tỷ lệ',
    ]);
    assert.deepEqual(parsed.rows, [
      ['H001', 'Nguyễn Thị Ánh Tuyết', '905123456', '4', '2024-03-05', '12.25', '0.3'],
    ]);
  });

  test('a date-time cell keeps the time Excel shows; a date cell stays a day', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Thu gom');
    sheet.addRow(['Thời điểm', 'Ngày']);
    sheet.addRow([new Date(Date.UTC(2025, 2, 31, 23, 30)), new Date(Date.UTC(2025, 2, 31))]);
    sheet.getCell('A2').numFmt = 'dd/mm/yyyy hh:mm';
    sheet.getCell('B2').numFmt = 'dd/mm/yyyy';

    const parsed = await parseXlsx(await toBytes(workbook));
    assert.deepEqual(parsed.rows, [['2025-03-31 23:30', '2025-03-31']]);
  });

  test('reads rich text, hyperlinks, formula results and errors as their text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('A');
    sheet.addRow(['Chủ hộ', 'Trang', 'Tổng', 'Tra cứu', 'Chuỗi']);
    sheet.addRow([
      { richText: [{ text: 'Trần ', font: { bold: true } }, { text: 'Văn Bình' }] },
      { text: 'Cổng phường', hyperlink: 'https://example.vn' },
      { formula: 'SUM(1,2)', result: 3 },
      { formula: 'VLOOKUP(1,A1:A2,1,FALSE)', result: { error: '#N/A' } },
      { formula: '"Tổ "&"5"', result: 'Tổ 5' },
    ]);

    const parsed = await parseXlsx(await toBytes(workbook));
    assert.deepEqual(parsed.rows, [['Trần Văn Bình', 'Cổng phường', '3', '#N/A', 'Tổ 5']]);
  });

  test('a number shown with a zero-padded format keeps the zeros shown', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('A');
    sheet.addRow(['Mã hộ', 'SĐT']);
    sheet.addRow(['H1', 905123456]);
    sheet.getCell('B2').numFmt = '0000000000';

    const parsed = await parseXlsx(await toBytes(workbook));
    assert.deepEqual(parsed.rows, [['H1', '0905123456']]);
  });

  test('reads only the first worksheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Đầu').addRows([
      ['a', 'b'],
      ['1', '2'],
    ]);
    workbook.addWorksheet('Sau').addRows([
      ['x', 'y'],
      ['9', '9'],
    ]);

    assert.deepEqual(await parseXlsx(await toBytes(workbook)), {
      headers: ['a', 'b'],
      rows: [['1', '2']],
    });
  });

  test('the header is the first row naming columns, below a merged title', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('A');
    sheet.getCell('A1').value = 'SỔ THEO DÕI HỘ GIA ĐÌNH';
    sheet.mergeCells('A1:D1');
    sheet.getRow(3).values = ['  Mã hộ ', 'Chủ hộ', 'Thôn', 'Ghi chú'];
    sheet.getRow(4).values = ['H1', 'An', 'Thôn 1', ''];
    sheet.getRow(6).values = ['H2', 'Bình', null, 'x'];
    sheet.getCell('C6').value = 'Thôn 2';
    sheet.getRow(7).values = ['H3', 'Cúc'];
    sheet.getCell('C7').value = 'Thôn 2';

    const parsed = await parseXlsx(await toBytes(workbook));
    assert.deepEqual(parsed.headers, ['Mã hộ', 'Chủ hộ', 'Thôn', 'Ghi chú']);
    assert.deepEqual(parsed.rows, [
      ['H1', 'An', 'Thôn 1', ''],
      ['H2', 'Bình', 'Thôn 2', 'x'],
      ['H3', 'Cúc', 'Thôn 2', ''],
    ]);
  });

  test('a vertically merged cell gives its value to every row it covers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('A');
    sheet.addRows([
      ['Mã hộ', 'Thôn'],
      ['H1', 'Thôn Đông'],
      ['H2', null],
      ['H3', null],
    ]);
    sheet.mergeCells('B2:B4');

    const parsed = await parseXlsx(await toBytes(workbook));
    assert.deepEqual(parsed.rows, [
      ['H1', 'Thôn Đông'],
      ['H2', 'Thôn Đông'],
      ['H3', 'Thôn Đông'],
    ]);
  });

  test('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A').addRows([
      ['a', 'b'],
      [1, 2],
    ]);
    const bytes = await toBytes(workbook);
    const buffer = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(buffer).set(bytes);

    assert.deepEqual((await parseXlsx(buffer)).rows, [['1', '2']]);
  });

  test('an empty workbook is import.empty; a header alone is import.no_rows', async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('A');
    const headerOnly = new ExcelJS.Workbook();
    headerOnly.addWorksheet('A').addRow(['Mã hộ', 'Chủ hộ']);

    await assert.rejects(
      parseXlsx(await toBytes(empty)),
      (error: unknown) => error instanceof ValidationError && error.code === 'import.empty',
    );
    await assert.rejects(
      parseXlsx(await toBytes(headerOnly)),
      (error: unknown) => error instanceof ValidationError && error.code === 'import.no_rows',
    );
  });
});
