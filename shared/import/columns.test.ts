import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  guessColumnMapping,
  householdImportTargets,
  missingRequired,
  rowsToRecords,
} from './columns';

const guess = (headers: string[]) => guessColumnMapping(headers, householdImportTargets);
const guessOne = (header: string) => guess([header])[0];

describe('householdImportTargets', () => {
  test('lists the import fields, code and ownerName required', () => {
    assert.deepEqual(
      householdImportTargets.map((t) => t.field),
      [
        'code',
        'ownerName',
        'unitId',
        'kind',
        'address',
        'hamletId',
        'phone',
        'members',
        'feeClass',
        'sortingSince',
        'collectorId',
        'status',
        'inactiveSince',
        'inactiveReason',
        'note',
        'lat',
        'lng',
      ],
    );
    assert.deepEqual(
      householdImportTargets.filter((t) => t.required).map((t) => t.field),
      ['code', 'ownerName'],
    );
  });

  test('labels match the household form', () => {
    const owner = householdImportTargets.find((t) => t.field === 'ownerName');
    assert.deepEqual(owner?.label, { vi: 'Chủ hộ / chủ nguồn thải', en: 'Owner' });
  });
});

describe('guessColumnMapping', () => {
  const expectations: Record<string, string[]> = {
    code: ['Mã hộ', 'ma ho', 'Code', 'Household code', 'MÃ HỘ'],
    ownerName: [
      'Chủ hộ',
      'Họ và tên chủ hộ',
      'Tên chủ nguồn thải',
      'Owner',
      'Owner name',
      'ownerName',
    ],
    phone: ['Số điện thoại', 'SĐT', 'Điện thoại', 'Phone', 'sdt', 'So dien thoai'],
    hamletId: ['Tổ dân phố', 'Thôn', 'Tổ/Thôn', 'Hamlet', 'to dan pho'],
    unitId: ['Phường/xã', 'Phường', 'Xã', 'Ward'],
    members: ['Số nhân khẩu', 'Nhân khẩu', 'Số người', 'Members'],
    feeClass: ['Đối tượng', 'Đối tượng thu phí', 'Fee class'],
    sortingSince: ['Phân loại', 'Phân loại tại nguồn', 'Tham gia phân loại từ', 'Sorting since'],
    collectorId: ['Đơn vị thu gom', 'Collector'],
    kind: ['Loại', 'Loại nguồn thải', 'Kind'],
    address: ['Địa chỉ', 'Số nhà, đường', 'Address', 'dia chi'],
    note: ['Ghi chú', 'Note'],
    lat: ['Vĩ độ', 'lat', 'Latitude'],
    lng: ['Kinh độ', 'lng', 'long', 'Longitude'],
    status: ['Trạng thái', 'Status'],
    inactiveSince: ['Ngày ngừng'],
    inactiveReason: ['Lý do ngừng'],
  };
  for (const [field, headers] of Object.entries(expectations)) {
    test(`maps ${headers.map((h) => `"${h}"`).join(', ')} to ${field}`, () => {
      for (const header of headers) assert.equal(guessOne(header), field, header);
    });
  }

  test('ignores case, accents, punctuation and extra spaces', () => {
    assert.equal(guessOne('  SỐ   ĐIỆN-THOẠI: '), 'phone');
    assert.equal(guessOne('(Chủ hộ)'), 'ownerName');
    assert.equal(guessOne('so nha , duong'), 'address');
    assert.equal(guessOne('Tổ / thôn'), 'hamletId');
    // Decomposed accents, as some Mac and web exports write them.
    assert.equal(guessOne('MA\u0303  HO\u0323\u0302'), 'code');
  });

  test('maps a full Vietnamese register header row', () => {
    const headers = [
      'STT',
      'Mã hộ',
      'Họ và tên chủ hộ',
      'Số nhà, đường',
      'Tổ dân phố',
      'SĐT',
      'Số nhân khẩu',
      'Đối tượng thu phí',
      'Tham gia phân loại từ',
      'Đơn vị thu gom',
      'Ghi chú',
      'Ngày sinh',
    ];
    assert.deepEqual(guess(headers), [
      null,
      'code',
      'ownerName',
      'address',
      'hamletId',
      'phone',
      'members',
      'feeClass',
      'sortingSince',
      'collectorId',
      'note',
      null,
    ]);
  });

  test('maps an English header row without accents or case', () => {
    assert.deepEqual(guess(['CODE', 'owner name', 'ADDRESS', 'hamlet', 'PHONE', 'members']), [
      'code',
      'ownerName',
      'address',
      'hamletId',
      'phone',
      'members',
    ]);
  });

  test('unknown and blank headers map to null', () => {
    assert.deepEqual(guess(['STT', '', 'Ngày sinh', 'CCCD', 'Tổ trưởng']), [
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  test('maps each field at most once, to the first matching column', () => {
    assert.deepEqual(guess(['SĐT', 'Số điện thoại', 'Mã hộ', 'Code']), [
      'phone',
      null,
      'code',
      null,
    ]);
  });

  test('an exact name wins over a longer header that starts with another name', () => {
    assert.deepEqual(guess(['Số điện thoại liên hệ', 'Điện thoại']), [null, 'phone']);
    assert.deepEqual(guess(['Số điện thoại liên hệ']), ['phone']);
  });

  test("a header starting with a longer name goes to that name's field", () => {
    assert.equal(guessOne('Phân loại rác tại hộ'), 'sortingSince');
    assert.equal(guessOne('Loại phí thu'), 'feeClass');
    assert.equal(guessOne('Địa chỉ thường trú'), 'address');
    assert.equal(guessOne('Số nhân khẩu thường trú'), 'members');
  });
});

describe('rowsToRecords', () => {
  test('keys cells by mapped field, drops ignored columns and blank cells', () => {
    const sheet = {
      headers: ['STT', 'Mã hộ', 'Chủ hộ', 'SĐT'],
      rows: [
        ['1', 'H1', 'An', '0905123456'],
        ['2', 'H2', 'Bình', ''],
        ['3', '', '', '  '],
      ],
    };
    assert.deepEqual(rowsToRecords(sheet, [null, 'code', 'ownerName', 'phone']), [
      { code: 'H1', ownerName: 'An', phone: '0905123456' },
      { code: 'H2', ownerName: 'Bình' },
      {},
    ]);
  });

  test('keeps one record per row so errors point at the sheet row', () => {
    const sheet = {
      headers: ['a', 'b'],
      rows: [
        ['x', ''],
        ['', 'y'],
        ['', ''],
      ],
    };
    assert.equal(rowsToRecords(sheet, ['code', null]).length, 3);
  });

  test('a field mapped twice takes the first non-blank cell', () => {
    const sheet = {
      headers: ['a', 'b'],
      rows: [
        ['', '2'],
        ['1', '2'],
      ],
    };
    assert.deepEqual(rowsToRecords(sheet, ['phone', 'phone']), [{ phone: '2' }, { phone: '1' }]);
  });

  test('a field named __proto__ becomes a plain own key', () => {
    const [record] = rowsToRecords({ headers: ['a'], rows: [['x']] }, ['__proto__']);
    assert.equal(Object.getPrototypeOf(record), Object.prototype);
    assert.deepEqual(Object.keys(record), ['__proto__']);
  });
});

describe('missingRequired', () => {
  test('names the required targets no column is mapped to', () => {
    const missing = (mapping: Array<string | null>) =>
      missingRequired(mapping, householdImportTargets).map((t) => t.field);
    assert.deepEqual(missing([null, 'phone']), ['code', 'ownerName']);
    assert.deepEqual(missing(['ownerName', null]), ['code']);
    assert.deepEqual(missing(['code', 'ownerName']), []);
  });
});
