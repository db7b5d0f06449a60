import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { householdInputSchema } from '../households/schema';
import { normalizeImportRecord as normalize } from './values';

const one = (field: string, value: string): unknown => normalize({ [field]: value })[field];

/** Runs the normalised record through the household schema, as the batch endpoint does. */
const validate = (record: Record<string, string>) =>
  householdInputSchema.safeParse({
    code: 'H1',
    ownerName: 'An',
    unitId: 'u1',
    ...normalize(record),
  });

describe('normalizeImportRecord', () => {
  test('trims and NFC-normalises text, keeping inner line breaks', () => {
    assert.deepEqual(normalize({ ownerName: '  Nguye\u0302\u0303n Văn Đức ', note: ' a\nb ' }), {
      ownerName: 'Nguyễn Văn Đức',
      note: 'a\nb',
    });
  });

  test('leaves out blank values so the stored value stays', () => {
    assert.deepEqual(normalize({ code: 'H1', phone: '   ', note: '' }), { code: 'H1' });
  });

  test('keeps code, hamletId, collectorId and unitId as strings for the server to resolve', () => {
    assert.deepEqual(
      normalize({ code: '007', hamletId: 'Tổ 5', collectorId: 'HTX Xanh', unitId: '20194' }),
      { code: '007', hamletId: 'Tổ 5', collectorId: 'HTX Xanh', unitId: '20194' },
    );
  });

  test('passes unknown keys through unchanged, and the schema rejects them', () => {
    assert.deepEqual(normalize({ foo: ' x ', bar: '' }), { foo: ' x ', bar: '' });
    assert.equal(validate({ foo: 'x' }).success, false);
  });

  test('members: digits become a number, anything else stays for the schema to report', () => {
    assert.equal(one('members', '4'), 4);
    assert.equal(one('members', ' 012 '), 12);
    assert.equal(one('members', '4 người'), '4 người');
    assert.equal(one('members', '2.5'), '2.5');
    assert.equal(validate({ members: '4 người' }).success, false);
  });

  describe('choices: ids and Vietnamese or English labels, folded, become ids', () => {
    const cases: Array<[string, string, string]> = [
      ['kind', 'household', 'household'],
      ['kind', 'Hộ gia đình', 'household'],
      ['kind', 'ho gia dinh', 'household'],
      ['kind', 'HOUSEHOLD', 'household'],
      ['kind', 'Cơ sở kinh doanh', 'business'],
      ['kind', 'Cơ quan, trường học', 'institution'],
      ['kind', 'Chợ', 'market'],
      ['kind', 'khác', 'other'],
      ['feeClass', 'Hộ nghèo', 'poor'],
      ['feeClass', 'nghèo', 'poor'],
      ['feeClass', 'Hộ nghèo (miễn)', 'poor'],
      ['feeClass', 'Poor (exempt)', 'poor'],
      ['feeClass', 'cận nghèo', 'near-poor'],
      ['feeClass', 'Hộ cận nghèo', 'near-poor'],
      ['feeClass', 'near-poor', 'near-poor'],
      ['feeClass', 'Thông thường', 'standard'],
      ['feeClass', 'Kinh doanh nhỏ', 'business-small'],
      ['feeClass', 'medium business', 'business-medium'],
      ['status', 'Đang hoạt động', 'active'],
      ['status', 'Ngừng', 'inactive'],
      ['status', 'inactive', 'inactive'],
      ['inactiveReason', 'Chuyển đi', 'moved-away'],
      ['inactiveReason', 'nhập hộ', 'merged'],
      ['inactiveReason', 'Giải tỏa', 'demolished'],
      ['inactiveReason', 'Lý do khác', 'other'],
    ];
    for (const [field, input, id] of cases) {
      test(`${field} "${input}" → ${id}`, () => assert.equal(one(field, input), id));
    }

    test('an unknown label passes through and the schema reports it', () => {
      assert.equal(one('kind', 'Nhà hàng'), 'Nhà hàng');
      assert.equal(one('feeClass', 'giàu'), 'giàu');
      const result = validate({ kind: 'Nhà hàng' });
      assert.equal(result.success, false);
      assert.equal(result.error?.issues[0]?.path[0], 'kind');
    });
  });

  describe('dates', () => {
    const cases: Array<[string, string]> = [
      ['05/03/2024', '2024-03-05'],
      ['5/3/2024', '2024-03-05'],
      ['05-03-2024', '2024-03-05'],
      ['05.03.2024', '2024-03-05'],
      ['2024-03-05', '2024-03-05'],
      ['2024-3-5', '2024-03-05'],
      ['29/02/2024', '2024-02-29'],
    ];
    for (const [input, iso] of cases) {
      test(`"${input}" → ${iso} in sortingSince and inactiveSince`, () => {
        assert.equal(one('sortingSince', input), iso);
        assert.equal(one('inactiveSince', input), iso);
      });
    }

    test('an impossible date stays as given and the schema rejects it', () => {
      for (const input of ['31/02/2024', '29/02/2023', '2024-13-01', '00/01/2024', '5/3/24']) {
        assert.equal(one('sortingSince', input), input);
        assert.equal(validate({ sortingSince: input }).success, false, input);
      }
    });
  });

  describe('sortingSince', () => {
    for (const input of ['không', 'khong', 'Không phân loại', 'KHÔNG', 'no', 'not-sorting']) {
      test(`"${input}" → not-sorting`, () => {
        assert.equal(one('sortingSince', input), 'not-sorting');
      });
    }

    test('"chưa rõ" and "unknown" are left out: not known yet', () => {
      assert.deepEqual(normalize({ code: 'H1', sortingSince: 'chưa rõ' }), { code: 'H1' });
      assert.deepEqual(normalize({ code: 'H1', sortingSince: 'Chua ro' }), { code: 'H1' });
      assert.deepEqual(normalize({ code: 'H1', sortingSince: 'unknown' }), { code: 'H1' });
    });

    test('anything else is left for the schema to report', () => {
      assert.equal(one('sortingSince', 'có'), 'có');
      assert.equal(validate({ sortingSince: 'có' }).success, false);
    });
  });

  describe('phone', () => {
    test('restores the zero Excel dropped from a 9-digit mobile', () => {
      for (const digits of ['905123456', '912345678', '389123456', '567123456', '789123456']) {
        assert.equal(one('phone', digits), `0${digits}`);
      }
    });

    test('restores the zero Excel dropped from a 10-digit landline', () => {
      assert.equal(one('phone', '2583822123'), '02583822123');
    });

    test('leaves complete and other numbers for the schema to normalise or report', () => {
      assert.equal(one('phone', '0905123456'), '0905123456');
      assert.equal(one('phone', '+84 905 123 456'), '+84 905 123 456');
      assert.equal(one('phone', '105123456'), '105123456');
      assert.equal(one('phone', '12345'), '12345');
    });

    test('a restored phone passes the schema as a national number', () => {
      const result = validate({ phone: '905123456' });
      assert.equal(result.success, true);
      assert.equal(result.data?.phone, '0905123456');
    });
  });

  describe('location', () => {
    test('lat and lng become location with numbers', () => {
      assert.deepEqual(normalize({ lat: '12.25', lng: '109.19' }), {
        location: { lat: 12.25, lng: 109.19 },
      });
    });

    test('accepts a comma as the decimal mark', () => {
      assert.deepEqual(normalize({ lat: '12,25', lng: ' 109,1875 ' }), {
        location: { lat: 12.25, lng: 109.1875 },
      });
    });

    test('the location passes the schema', () => {
      const result = validate({ lat: '12,25', lng: '109,19' });
      assert.equal(result.success, true);
      assert.deepEqual(result.data?.location, { lat: 12.25, lng: 109.19 });
    });

    test('one half alone or a non-number still becomes location, for the schema to report', () => {
      assert.deepEqual(normalize({ lat: '12.25' }), { location: { lat: 12.25, lng: undefined } });
      assert.deepEqual(normalize({ lat: 'x', lng: '109' }), { location: { lat: 'x', lng: 109 } });
      const result = validate({ lat: '12.25' });
      assert.equal(result.success, false);
      assert.deepEqual(result.error?.issues[0]?.path, ['location', 'lng']);
    });

    test('no lat and no lng means no location key', () => {
      assert.equal('location' in normalize({ code: 'H1', lat: ' ' }), false);
    });
  });

  test('a whole spreadsheet row validates', () => {
    const result = validate({
      code: 'H001',
      ownerName: 'Trần Thị Bé',
      kind: 'Hộ gia đình',
      address: '12 Lê Lợi',
      hamletId: 'tdp-5',
      phone: '905123456',
      members: '4',
      feeClass: 'cận nghèo',
      sortingSince: '01/07/2024',
      collectorId: 'acc-1',
      status: 'Đang hoạt động',
      note: 'Nhà có ""ngõ"" hẹp',
      lat: '12,25',
      lng: '109,19',
    });
    assert.equal(result.success, true, JSON.stringify(result.error?.issues));
    assert.equal(result.data?.kind, 'household');
    assert.equal(result.data?.feeClass, 'near-poor');
    assert.equal(result.data?.sortingSince, '2024-07-01');
    assert.equal(result.data?.members, 4);
  });

  test('an inactive row with Vietnamese status, date and reason validates', () => {
    const result = validate({
      status: 'Ngừng',
      inactiveSince: '1/2/2025',
      inactiveReason: 'Chuyển đi',
    });
    assert.equal(result.success, true, JSON.stringify(result.error?.issues));
    assert.equal(result.data?.inactiveSince, '2025-02-01');
    assert.equal(result.data?.inactiveReason, 'moved-away');
  });
});
