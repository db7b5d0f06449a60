/**
 * The batch import endpoint `POST /api/households/import`, fed the way the admin feeds it: files
 * built here are read by the real parsers (parseCsv, parseXlsx), their columns guessed and
 * turned into records (guessColumnMapping, rowsToRecords), and sent in calls of at most 500 rows.
 * What was stored is read back through the API and the table.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { getItem } from '../../shared/db/items';
import { keys } from '../../shared/db/keys';
import { ValidationError } from '../../shared/errors';
import {
  guessColumnMapping,
  householdImportTargets,
  rowsToRecords,
} from '../../shared/import/columns';
import { loadExcelJs } from '../../shared/import/exceljs';
import { parseCsv, parseXlsx, type ParsedSheet } from '../../shared/import/parse';
import { assertApiError, listQuery, request, totalOf } from '../support/api';
import { bearer, signIn, startTestStack } from '../support/stack';

const PROVINCE = '56-2409';
const CITY = '568-2409';
const VINH_HAI = '22330-2409'; // Phường Vĩnh Hải
const VINH_HOA = '22327-2409'; // Phường Vĩnh Hòa, GSO code 22327
const VINH_LUONG = '22384-2409'; // Xã Vĩnh Lương: the 10,000-row register goes here
const hamletOf = (ward: string, n: number) => `${ward}-t${String(n).padStart(2, '0')}`;
const PER_UNIT = 20; // the smallest seed that starts; see contract.test.ts
const CHUNK = 500;

type Rec = Record<string, any>;
interface RowResult {
  row: number;
  status: string;
  id?: string;
  code?: string;
  message?: string;
  errors?: Record<string, string>;
}
interface ImportAnswer {
  results: RowResult[];
  counts: Record<'created' | 'updated' | 'unchanged' | 'error', number>;
}

let stack: LocalStack;
let token: string;
const api = (method: string, path: string, body?: unknown) =>
  request(stack.url, method, path, body, bearer(token));

/** A file as the import screen reads it: parse, guess the columns, one record per row. */
const recordsOf = (sheet: ParsedSheet) => {
  const mapping = guessColumnMapping(sheet.headers, householdImportTargets);

  return { mapping, records: rowsToRecords(sheet, mapping) };
};

const importRows = async (rows: unknown[], options: { unitId?: string; dryRun?: boolean } = {}) => {
  const response = await api('POST', '/api/households/import', { rows, ...options });
  assert.equal(response.status, 200, response.text.slice(0, 500));
  const answer = response.body as ImportAnswer;
  assert.equal(answer.results.length, rows.length);
  answer.results.forEach((result, i) => assert.equal(result.row, i, 'results in row order'));

  return answer;
};

/** As the admin does: calls of 500 rows one after the other, rows numbered over the whole file. */
const importAll = async (rows: unknown[], options: { unitId?: string; dryRun?: boolean } = {}) => {
  const results: RowResult[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const answer = await importRows(rows.slice(start, start + CHUNK), options);
    results.push(...answer.results.map((r) => ({ ...r, row: start + r.row })));
  }

  return results;
};

const countOf = (results: RowResult[], status: string) =>
  results.filter((r) => r.status === status).length;

const wardTotal = async (unitId: string) => {
  const response = await api(
    'GET',
    `/api/households${listQuery({ range: [0, 0], filter: { unitId } })}`,
  );
  assert.equal(response.status, 200, response.text);

  return totalOf(response);
};

const getHousehold = async (id: string): Promise<Rec> => {
  const response = await api('GET', `/api/households/${id}`);
  assert.equal(response.status, 200, response.text);

  return response.body;
};

const findByCode = async (unitId: string, code: string): Promise<Rec[]> => {
  const response = await api(
    'GET',
    `/api/households${listQuery({ range: [0, 999], filter: { unitId, q: code } })}`,
  );
  assert.equal(response.status, 200, response.text);

  return (response.body as Rec[]).filter((r) => r.code === code);
};

let seq = 0;
const code = (prefix: string) => `${prefix}${process.pid % 1000}-${++seq}`;

before(async () => {
  stack = await startTestStack(PER_UNIT);
  token = await signIn(stack);
});

after(async () => {
  await stack?.stop();
});

describe('household import: awkward files', () => {
  test('a BOM, semicolons, accent-less Vietnamese headers, a multi-line address and leading-zero phones import as typed', async () => {
    const [a, b, c] = [code('BOM'), code('BOM'), code('BOM')];
    const csv =
      '\uFEFF' +
      'Ma ho;Ho ten chu ho;Dia chi;So dien thoai;So nhan khau;To dan pho;Loai;Doi tuong;Phan loai;Don vi thu gom\r\n' +
      `${a};Nguyễn Văn Đức;"12 Lê Lợi\r\nPhường Vĩnh Hải";0905123456;4;Tổ dân phố 2;Hộ gia đình;Hộ nghèo;01/03/2024;HTX Dịch vụ Vệ sinh Môi trường Xanh (demo)\r\n` +
      `${b};Trần Thị Bé;"Hẻm 5; số 7\nĐường 2 Tháng 4";905 123 457;1;TDP03;Kinh doanh;KD nhỏ;Không;\r\n` +
      `${c};Lê  Văn   Ba;;+84 935 000 111;;;;;;\r\n`;
    const sheet = parseCsv(csv);
    const { mapping, records } = recordsOf(sheet);
    assert.deepEqual(mapping, [
      'code',
      'ownerName',
      'address',
      'phone',
      'members',
      'hamletId',
      'kind',
      'feeClass',
      'sortingSince',
      'collectorId',
    ]);
    assert.equal(records.length, 3);
    assert.equal(records[0].phone, '0905123456', 'the leading zero is kept by the parser');
    assert.ok(records[0].address.includes('\n'), 'the quoted line break reaches the API');

    const before = await wardTotal(VINH_HAI);
    const answer = await importRows(records, { unitId: VINH_HAI });
    assert.deepEqual(answer.counts, { created: 3, updated: 0, unchanged: 0, error: 0 });
    assert.deepEqual(
      answer.results.map((r) => r.code),
      [a, b, c],
    );
    assert.equal(await wardTotal(VINH_HAI), before + 3);

    const [ha, hb, hc] = await Promise.all(answer.results.map((r) => getHousehold(r.id as string)));
    assert.equal(ha.ownerName, 'Nguyễn Văn Đức');
    assert.equal(
      ha.address,
      '12 Lê Lợi Phường Vĩnh Hải',
      'the line break is whitespace, collapsed as the schema does',
    );
    assert.equal(ha.phone, '0905123456');
    assert.equal(ha.members, 4);
    assert.equal(ha.hamletId, hamletOf(VINH_HAI, 2));
    assert.equal(ha.unitPath, `/${PROVINCE}/${CITY}/${VINH_HAI}/${hamletOf(VINH_HAI, 2)}/`);
    assert.equal(ha.kind, 'household');
    assert.equal(ha.feeClass, 'poor');
    assert.equal(ha.sortingSince, '2024-03-01');
    assert.equal(ha.collectorId, 'collector-coop');
    assert.equal(ha.completeness, 10);
    assert.equal(ha.version, 1);

    assert.equal(hb.address, 'Hẻm 5; số 7 Đường 2 Tháng 4');
    assert.equal(hb.phone, '0905123457', 'a mobile that lost its leading zero gets it back');
    assert.equal(hb.hamletId, hamletOf(VINH_HAI, 3), 'a hamlet given by its code');
    assert.equal(hb.kind, 'business');
    assert.equal(hb.feeClass, 'business-small');
    assert.equal(hb.sortingSince, 'not-sorting');
    assert.equal(hb.collectorId, null);

    assert.equal(hc.ownerName, 'Lê Văn Ba');
    assert.equal(hc.phone, '0935000111');
    assert.equal(hc.hamletId, null);
    assert.equal(hc.unitPath, `/${PROVINCE}/${CITY}/${VINH_HAI}/`);
    assert.equal(hc.completeness, 3);

    // Searchable like any household.
    const found = await api(
      'GET',
      `/api/households${listQuery({ filter: { q: 'nguyen van duc', unitId: VINH_HAI }, range: [0, 99] })}`,
    );
    assert.ok((found.body as Rec[]).some((r) => r.id === ha.id));
  });

  test('a ward named in a column by name or GSO code, and a hamlet by name, without a default ward', async () => {
    const codes = [code('WN'), code('WN'), code('WN'), code('WN'), code('WN')];
    const csv =
      'Mã hộ,Chủ hộ,Phường/xã,Tổ dân phố\n' +
      `${codes[0]},Phan Văn Một,Phường Vĩnh Hải,Tổ dân phố 2\n` +
      `${codes[1]},Phan Văn Hai,22327,Tổ dân phố 1\n` +
      `${codes[2]},Phan Văn Ba,vinh hai,\n` +
      `${codes[3]},Phan Văn Bốn,Phường Không Có,\n` +
      `${codes[4]},Phan Văn Năm,Phường Vĩnh Hòa,Tổ dân phố 99\n`;
    const { mapping, records } = recordsOf(parseCsv(csv));
    assert.deepEqual(mapping, ['code', 'ownerName', 'unitId', 'hamletId']);
    const totals = [await wardTotal(VINH_HAI), await wardTotal(VINH_HOA)];
    const answer = await importRows(records);
    assert.deepEqual(
      answer.results.map((r) => r.status),
      ['created', 'created', 'created', 'error', 'error'],
    );
    assert.equal(
      typeof answer.results[3].errors?.unitId,
      'string',
      JSON.stringify(answer.results[3]),
    );
    assert.equal(
      typeof answer.results[4].errors?.hamletId,
      'string',
      JSON.stringify(answer.results[4]),
    );
    assert.deepEqual(
      [await wardTotal(VINH_HAI), await wardTotal(VINH_HOA)],
      [totals[0] + 2, totals[1] + 1],
    );

    const [one, two, three] = await Promise.all(
      answer.results.slice(0, 3).map((r) => getHousehold(r.id as string)),
    );
    assert.deepEqual([one.unitId, one.hamletId], [VINH_HAI, hamletOf(VINH_HAI, 2)]);
    assert.deepEqual([two.unitId, two.hamletId], [VINH_HOA, hamletOf(VINH_HOA, 1)]);
    assert.deepEqual([three.unitId, three.hamletId], [VINH_HAI, null]);
    assert.deepEqual(await findByCode(VINH_HOA, codes[4]), []);
  });

  test('an .xlsx with accent-less headers keeps phones formatted with leading zeros and reads date cells', async () => {
    const ExcelJS = await loadExcelJs();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('So ho');
    sheet.addRow(['UBND PHƯỜNG VĨNH HẢI']);
    sheet.addRow(['SỔ THEO DÕI NGUỒN THẢI']);
    sheet.addRow(['Ma ho', 'Chu ho', 'Phuong', 'Thon/To', 'SDT', 'Nhan khau', 'Phan loai tu']);
    const [x1, x2] = [code('XL'), code('XL')];
    sheet.addRow([
      x1,
      'Đặng Thị Hoa',
      'Phường Vĩnh Hải',
      'Tổ dân phố 1',
      905111222,
      3,
      new Date(Date.UTC(2024, 4, 15)),
    ]);
    sheet.addRow([x2, 'Đỗ Văn Hùng', 'Vĩnh Hải', 'TDP02', '0258 382 2123', '5', 'chưa rõ']);
    sheet.getColumn(5).numFmt = '0000000000';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const parsed = await parseXlsx(bytes);
    assert.deepEqual(parsed.headers.slice(0, 7), [
      'Ma ho',
      'Chu ho',
      'Phuong',
      'Thon/To',
      'SDT',
      'Nhan khau',
      'Phan loai tu',
    ]);
    const { mapping, records } = recordsOf(parsed);
    assert.deepEqual(mapping.slice(0, 7), [
      'code',
      'ownerName',
      'unitId',
      'hamletId',
      'phone',
      'members',
      'sortingSince',
    ]);
    assert.equal(records[0].phone, '0905111222');

    const answer = await importRows(records);
    assert.deepEqual(
      answer.counts,
      { created: 2, updated: 0, unchanged: 0, error: 0 },
      JSON.stringify(answer.results),
    );
    const [h1, h2] = await Promise.all(answer.results.map((r) => getHousehold(r.id as string)));
    assert.deepEqual(
      [h1.code, h1.unitId, h1.hamletId, h1.phone, h1.members, h1.sortingSince],
      [x1, VINH_HAI, hamletOf(VINH_HAI, 1), '0905111222', 3, '2024-05-15'],
    );
    assert.deepEqual(
      [h2.code, h2.unitId, h2.hamletId, h2.phone, h2.members, h2.sortingSince],
      [x2, VINH_HAI, hamletOf(VINH_HAI, 2), '02583822123', 5, null],
    );
  });

  test('a code repeated in the file: the later row is an error naming the first row, the first is written', async () => {
    const [d1, d2] = [code('DUP'), code('DUP')];
    const csv =
      'Mã hộ,Chủ hộ\n' +
      `${d1},Người Thứ Nhất\n` +
      `${d2},Người Thứ Hai\n` +
      `${d1},Người Thứ Ba\n` +
      ` ${d2.toLowerCase()} ,Người Thứ Tư\n`;
    const { records } = recordsOf(parseCsv(csv));
    const before = await wardTotal(VINH_HAI);
    const answer = await importRows(records, { unitId: VINH_HAI });
    assert.deepEqual(
      answer.results.map((r) => r.status),
      ['created', 'created', 'error', 'error'],
    );
    // Rows are numbered from 0 in `row`; messages name rows as the admin shows them (row + 1).
    assert.match(answer.results[2].message ?? '', /dòng 1\b/);
    assert.match(answer.results[3].message ?? '', /dòng 2\b/);
    assert.equal(typeof answer.results[2].errors?.code, 'string');
    assert.equal(answer.results[2].code, d1);
    assert.equal(await wardTotal(VINH_HAI), before + 2);
    const stored = await findByCode(VINH_HAI, d1);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].ownerName, 'Người Thứ Nhất');

    // The same code in two wards of one file is two households.
    const same = code('TWO');
    const twoWards = await importRows([
      { code: same, ownerName: 'A', unitId: VINH_HAI },
      { code: same, ownerName: 'B', unitId: VINH_HOA },
    ]);
    assert.deepEqual(
      twoWards.results.map((r) => r.status),
      ['created', 'created'],
    );
  });

  test('an existing code is updated, a blank cell keeps the stored value, and re-importing the file changes nothing', async () => {
    const [u1, u2] = [code('UPD'), code('UPD')];
    const first =
      'Mã hộ;Chủ hộ;Địa chỉ;Số điện thoại;Số nhân khẩu;Tổ dân phố;Ghi chú\n' +
      `${u1};Huỳnh Văn Cũ;1 Trần Phú;0905000001;3;Tổ dân phố 1;ghi chú cũ\n` +
      `${u2};Huỳnh Thị Giữ;2 Trần Phú;0905000002;2;Tổ dân phố 1;\n`;
    const created = await importRows(recordsOf(parseCsv(first)).records, { unitId: VINH_HAI });
    assert.deepEqual(created.counts, { created: 2, updated: 0, unchanged: 0, error: 0 });
    const [id1, id2] = created.results.map((r) => r.id as string);
    const total = await wardTotal(VINH_HAI);

    // Second file: u1 gets a new phone and hamlet, its address and note cells are blank; u2 is as stored.
    const second =
      'Mã hộ;Chủ hộ;Địa chỉ;Số điện thoại;Số nhân khẩu;Tổ dân phố;Ghi chú\n' +
      `${u1};Huỳnh Văn Cũ;;0905 999 001;3;Tổ dân phố 2;\n` +
      `${u2};Huỳnh Thị Giữ;2 Trần Phú;;;;\n`;
    const records = recordsOf(parseCsv(second)).records;
    const updated = await importRows(records, { unitId: VINH_HAI });
    assert.deepEqual(
      updated.results.map((r) => [r.status, r.id]),
      [
        ['updated', id1],
        ['unchanged', id2],
      ],
    );
    assert.equal(await wardTotal(VINH_HAI), total, 'updates do not count as new households');
    const h1 = await getHousehold(id1);
    assert.equal(h1.phone, '0905999001');
    assert.equal(h1.hamletId, hamletOf(VINH_HAI, 2));
    assert.equal(h1.unitPath, `/${PROVINCE}/${CITY}/${VINH_HAI}/${hamletOf(VINH_HAI, 2)}/`);
    assert.equal(h1.address, '1 Trần Phú', 'a blank cell leaves the stored address');
    assert.equal(h1.note, 'ghi chú cũ', 'a blank cell leaves the stored note');
    assert.equal(h1.version, 2);
    const h2 = await getHousehold(id2);
    assert.equal(h2.version, 1);
    assert.equal(h2.phone, '0905000002');

    // The same file again: nothing to do, nothing written.
    const items = [
      await getItem(stack.db, keys.household(id1), true),
      await getItem(stack.db, keys.household(id2), true),
    ];
    const again = await importRows(records, { unitId: VINH_HAI });
    assert.deepEqual(
      again.results.map((r) => [r.status, r.id]),
      [
        ['unchanged', id1],
        ['unchanged', id2],
      ],
    );
    assert.deepEqual(again.counts, { created: 0, updated: 0, unchanged: 2, error: 0 });
    assert.deepEqual(
      [
        await getItem(stack.db, keys.household(id1), true),
        await getItem(stack.db, keys.household(id2), true),
      ],
      items,
    );
    assert.equal((await getHousehold(id1)).version, 2);

    // The hamlet counters followed the move.
    const t1 = await api(
      'GET',
      `/api/households${listQuery({ range: [0, 999], filter: { hamletId: hamletOf(VINH_HAI, 1) } })}`,
    );
    const t2 = await api(
      'GET',
      `/api/households${listQuery({ range: [0, 999], filter: { hamletId: hamletOf(VINH_HAI, 2) } })}`,
    );
    assert.ok(!(t1.body as Rec[]).some((r) => r.id === id1));
    assert.ok((t2.body as Rec[]).some((r) => r.id === id1));
    assert.equal(totalOf(t1), (t1.body as Rec[]).length);
    assert.equal(totalOf(t2), (t2.body as Rec[]).length);
  });

  test('re-importing rows with coordinates leaves them unchanged', async () => {
    const rows = [
      { code: code('LOC'), ownerName: 'Nhà Có Tọa Độ', lat: '12,2655', lng: '109.1967' },
    ];
    const first = await importRows(rows, { unitId: VINH_HAI });
    assert.equal(first.results[0].status, 'created');
    const again = await importRows(rows, { unitId: VINH_HAI });
    assert.equal(again.results[0].status, 'unchanged');
    assert.equal((await getHousehold(first.results[0].id as string)).version, 1);
  });

  test('a row with a bad phone is an error for that row only; the other rows are written', async () => {
    const codes = [code('PH'), code('PH'), code('PH'), code('PH')];
    const rows = [
      { code: codes[0], ownerName: 'Đúng Một', phone: '0905 000 010' },
      { code: codes[1], ownerName: 'Sai Độ Dài', phone: '09050000' },
      { code: codes[2], ownerName: 'Sai Đầu Số', phone: '0105000010' },
      { code: codes[3], ownerName: 'Đúng Hai', phone: '84905000011' },
    ];
    const before = await wardTotal(VINH_HAI);
    const answer = await importRows(rows, { unitId: VINH_HAI });
    assert.deepEqual(
      answer.results.map((r) => r.status),
      ['created', 'error', 'error', 'created'],
    );
    for (const bad of [answer.results[1], answer.results[2]]) {
      assert.equal(typeof bad.errors?.phone, 'string', JSON.stringify(bad));
      assert.equal(bad.id, undefined);
      assert.match(bad.message ?? '', /[ốộđ]/);
    }
    assert.equal(await wardTotal(VINH_HAI), before + 2);
    assert.equal((await findByCode(VINH_HAI, codes[0]))[0].phone, '0905000010');
    assert.equal((await findByCode(VINH_HAI, codes[3]))[0].phone, '0905000011');
    assert.deepEqual(await findByCode(VINH_HAI, codes[1]), []);
  });

  test('other bad cells are errors of their row, named by field', async () => {
    const answer = await importRows(
      [
        { code: code('BAD'), ownerName: 'Số Khẩu Lẻ', members: '2.5' },
        { code: code('BAD'), ownerName: 'Không Khẩu', members: '0' },
        { code: code('BAD'), ownerName: 'Ngày Sai', sortingSince: '31/02/2024' },
        { code: code('BAD'), ownerName: 'Loại Lạ', kind: 'lâu đài' },
        { code: code('BAD'), ownerName: '' },
        { ownerName: 'Không Mã' },
        { code: code('BAD'), ownerName: 'Nửa Tọa Độ', lat: '12.25' },
        { code: code('OK'), ownerName: 'Hợp Lệ' },
      ],
      { unitId: VINH_HAI },
    );
    const fields = answer.results.map((r) => Object.keys(r.errors ?? {})[0] ?? r.status);
    assert.deepEqual(fields, [
      'members',
      'members',
      'sortingSince',
      'kind',
      'ownerName',
      'code',
      'location.lng',
      'created',
    ]);
    for (const r of answer.results.slice(0, 7))
      assert.match(r.message ?? '', /[ạảãáàâăêôơưđíóúý]/i, `Vietnamese message: ${r.message}`);
  });

  test('an unknown key in an import row is an error naming that key, in Vietnamese', async () => {
    const answer = await importRows([{ code: code('BAD'), ownerName: 'Cột Lạ', colour: 'xanh' }], {
      unitId: VINH_HAI,
    });
    assert.equal(answer.results[0].status, 'error');
    assert.equal(
      typeof answer.results[0].errors?.colour,
      'string',
      JSON.stringify(answer.results[0]),
    );
    assert.doesNotMatch(answer.results[0].message ?? '', /Unrecognized/);
  });

  test('a dry run answers what would happen and writes nothing', async () => {
    const existing = await importRows(
      [{ code: code('DRY'), ownerName: 'Đã Có', phone: '0905000020' }],
      { unitId: VINH_HAI },
    );
    const existingId = existing.results[0].id as string;
    const item = await getItem(stack.db, keys.household(existingId), true);
    const before = { ward: await wardTotal(VINH_HAI), city: await wardTotal(CITY) };
    const fresh = [code('DRY'), code('DRY')];
    const answer = await importRows(
      [
        { code: fresh[0], ownerName: 'Chưa Có Một' },
        { code: fresh[1], ownerName: 'Chưa Có Hai' },
        { code: existing.results[0].code, ownerName: 'Đã Có', phone: '0905000021' },
        { code: code('DRY'), ownerName: 'Sai', phone: '123' },
      ],
      { unitId: VINH_HAI, dryRun: true },
    );
    assert.deepEqual(
      answer.results.map((r) => r.status),
      ['created', 'created', 'updated', 'error'],
    );
    assert.deepEqual(answer.counts, { created: 2, updated: 1, unchanged: 0, error: 1 });
    assert.deepEqual({ ward: await wardTotal(VINH_HAI), city: await wardTotal(CITY) }, before);
    assert.deepEqual(await getItem(stack.db, keys.household(existingId), true), item);
    for (const c of fresh) assert.deepEqual(await findByCode(VINH_HAI, c), []);
    assert.equal(
      await getItem(stack.db, keys.household(answer.results[0].id as string), true),
      undefined,
    );
  });

  test('a file without data rows is refused by the parser with a clear message', () => {
    const refuses = (text: string, code: string, message: RegExp) =>
      assert.throws(
        () => parseCsv(text),
        (error: unknown) =>
          error instanceof ValidationError && error.code === code && message.test(error.message),
      );
    refuses('\uFEFFMã hộ;Chủ hộ;Địa chỉ\r\n', 'import.no_rows', /chỉ có dòng tiêu đề/);
    refuses('Mã hộ,Chủ hộ\n,\n , \n', 'import.no_rows', /không có dòng dữ liệu/);
    refuses('', 'import.empty', /Tệp trống/);
    refuses('\uFEFF\r\n\r\n', 'import.empty', /Tệp trống/);
  });

  test('the endpoint refuses an empty batch, more than 500 rows and malformed requests with 400, writing nothing', async () => {
    const before = await wardTotal(VINH_HAI);
    assertApiError(
      await api('POST', '/api/households/import', { rows: [], unitId: VINH_HAI }),
      400,
      { code: 'import.no_rows', fields: ['rows'] },
    );
    const tooMany = Array.from({ length: 501 }, (_, i) => ({
      code: `MANY-${process.pid}-${i}`,
      ownerName: `Người ${i}`,
    }));
    assertApiError(
      await api('POST', '/api/households/import', { rows: tooMany, unitId: VINH_HAI }),
      400,
      { code: 'import.too_many_rows', fields: ['rows'] },
    );
    assertApiError(await api('POST', '/api/households/import', { rows: 'a,b' }), 400, {
      fields: ['rows'],
    });
    assertApiError(
      await api('POST', '/api/households/import', {
        rows: [{ code: 'x', ownerName: 'y' }],
        unitId: 42,
      }),
      400,
      { fields: ['unitId'] },
    );
    const extra = assertApiError(
      await api('POST', '/api/households/import', {
        rows: [{ code: 'x', ownerName: 'y' }],
        overwrite: true,
      }),
      400,
    );
    assert.ok(extra.message.includes('overwrite'));
    assertApiError(
      await api('POST', '/api/households/import', { rows: ['not a row'], unitId: VINH_HAI }),
      400,
    );
    assertApiError(await api('POST', '/api/households/import', '{"rows": ['), 400, {
      code: 'request.bad_json',
    });
    assert.equal(await wardTotal(VINH_HAI), before);
    assert.deepEqual(await findByCode(VINH_HAI, `MANY-${process.pid}-0`), []);
  });

  test('40 rows spread over 8 wards and their hamlets import in one call', async () => {
    const wards = ['22327', '22330', '22333', '22336', '22339', '22342', '22345', '22348'];
    const rows = Array.from({ length: 40 }, (_, i) => ({
      code: code('MW'),
      ownerName: `Nhiều Phường ${i}`,
      unitId: wards[i % 8],
      hamletId: `Tổ dân phố ${1 + (Math.floor(i / 8) % 3)}`,
    }));
    const response = await api('POST', '/api/households/import', { rows });
    assert.equal(response.status, 200, response.text.slice(0, 300));
    assert.deepEqual((response.body as ImportAnswer).counts, {
      created: 40,
      updated: 0,
      unchanged: 0,
      error: 0,
    });
  });
});

describe('household import: a 10,000-row register', () => {
  const ROWS = 10_000;
  const FAMILY = [
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Hoàng',
    'Huỳnh',
    'Phan',
    'Vũ',
    'Võ',
    'Đặng',
    'Bùi',
    'Đỗ',
    'Hồ',
    'Ngô',
    'Dương',
    'Lý',
  ];
  const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức', 'Thanh', 'Hữu', 'Quốc'];
  const GIVEN = [
    'An',
    'Bình',
    'Chi',
    'Dũng',
    'Đông',
    'Giang',
    'Hà',
    'Hải',
    'Khánh',
    'Lan',
    'Mai',
    'Nam',
    'Phúc',
    'Quyên',
    'Sơn',
    'Tâm',
    'Uyên',
    'Vy',
    'Xuân',
    'Yến',
  ];
  const MOBILE = ['090', '091', '093', '097', '098', '032', '035', '070', '077', '086'];

  const buildCsv = (prefix: string): string => {
    const lines = [
      '\uFEFFMã hộ,Họ và tên chủ hộ,Địa chỉ,Thôn,Điện thoại,Số khẩu,Đối tượng thu phí,Phân loại tại nguồn',
    ];
    for (let i = 0; i < ROWS; i += 1) {
      const name = `${FAMILY[i % 16]} ${MIDDLE[(i >> 4) % 8]} ${GIVEN[(i * 7) % 20]}`;
      // Every phone unique and valid: a mobile prefix and the row number in the last 7 digits.
      const phone = `${MOBILE[i % 10]}${String(i).padStart(7, '0')}`;
      const hamlet = `Thôn ${1 + (i % 3)}`;
      lines.push(
        `${prefix}${String(i).padStart(5, '0')},${name},"${(i % 97) + 1}, ${hamlet}",${hamlet},${phone},${1 + (i % 7)},${i % 11 === 0 ? 'Hộ nghèo' : 'Thông thường'},${i % 5 === 0 ? 'Không' : '15/08/2024'}`,
      );
    }

    return `${lines.join('\r\n')}\r\n`;
  };

  test('imports in calls of 500: every row created, the ward total grows by exactly 10,000, and a re-import changes nothing', async () => {
    const started = Date.now();
    const prefix = `VL${process.pid % 1000}-`;
    const sheet = parseCsv(buildCsv(prefix));
    assert.equal(sheet.rows.length, ROWS);
    const { mapping, records } = recordsOf(sheet);
    assert.deepEqual(mapping, [
      'code',
      'ownerName',
      'address',
      'hamletId',
      'phone',
      'members',
      'feeClass',
      'sortingSince',
    ]);
    const before = {
      ward: await wardTotal(VINH_LUONG),
      city: await wardTotal(CITY),
      hamlet: await wardTotal(hamletOf(VINH_LUONG, 1)),
    };

    const firstPass = Date.now();
    const results = await importAll(records, { unitId: VINH_LUONG });
    const firstMs = Date.now() - firstPass;
    assert.equal(results.length, ROWS);
    const notCreated = results.filter((r) => r.status !== 'created');
    assert.deepEqual(notCreated.slice(0, 5), [], `${notCreated.length} rows not created`);
    assert.equal(new Set(results.map((r) => r.id)).size, ROWS, 'one new household per row');
    results.forEach((r, i) => assert.equal(r.code, records[i].code));

    assert.equal(await wardTotal(VINH_LUONG), before.ward + ROWS);
    assert.equal(await wardTotal(CITY), before.city + ROWS);
    assert.equal(await wardTotal(hamletOf(VINH_LUONG, 1)), before.hamlet + Math.ceil(ROWS / 3));
    // A filtered total (counted over the key range, not from the counter) agrees.
    const filtered = await api(
      'GET',
      `/api/households${listQuery({ range: [0, 0], filter: { unitId: VINH_LUONG, q: prefix.replace(/-$/, '') } })}`,
    );
    assert.equal(totalOf(filtered), ROWS);

    // Spot checks of stored rows.
    for (const i of [0, 1, 4321, ROWS - 1]) {
      const h = await getHousehold(results[i].id as string);
      assert.equal(h.code, `${prefix}${String(i).padStart(5, '0')}`);
      assert.equal(h.phone, `${MOBILE[i % 10]}${String(i).padStart(7, '0')}`);
      assert.equal(h.hamletId, hamletOf(VINH_LUONG, 1 + (i % 3)));
      assert.equal(h.members, 1 + (i % 7));
      assert.equal(h.sortingSince, i % 5 === 0 ? 'not-sorting' : '2024-08-15');
    }

    const secondPass = Date.now();
    const again = await importAll(records, { unitId: VINH_LUONG });
    const secondMs = Date.now() - secondPass;
    assert.equal(
      countOf(again, 'unchanged'),
      ROWS,
      JSON.stringify(again.find((r) => r.status !== 'unchanged')),
    );
    again.forEach((r, i) => assert.equal(r.id, results[i].id));
    assert.equal(await wardTotal(VINH_LUONG), before.ward + ROWS);
    assert.equal((await getHousehold(results[ROWS - 1].id as string)).version, 1);

    const total = Date.now() - started;
    // Reported in the test output; generous ceiling so a slow machine does not fail the build.
    console.log(
      `# 10,000-row import: first pass ${firstMs} ms, re-import ${secondMs} ms, whole test ${total} ms`,
    );
    assert.ok(total < 10 * 60_000, `took ${total} ms`);
  });
});
