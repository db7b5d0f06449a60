/**
 * The REST contract of DESIGN.md §5, exercised against the real local stack (DynamoDB Local,
 * the route table's handlers, demo data) with ra-data-simple-rest itself as the client, so the
 * admin's data provider and the API are checked against each other. Errors and headers the
 * client hides are checked with raw fetch.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DataProvider, RaRecord } from 'ra-core';
import { fetchUtils } from 'ra-core';
import simpleRestProvider from 'ra-data-simple-rest';
import type { LocalStack } from '../../infra/local/stack';
import { getItem } from '../../shared/db/items';
import { keys } from '../../shared/db/keys';
import { assertApiError, listQuery, request, totalOf, type RawResponse } from '../support/api';
import { bearer, signIn, startTestStack } from '../support/stack';

// Demo units (infra/local/seed): Khánh Hòa › Nha Trang › 27 wards/communes › 3–6 hamlets each.
const PROVINCE = '56-2409';
const CITY = '568-2409';
const VINH_HAI = '22330-2409';
const VINH_HOA = '22327-2409';
const TAN_LAP = '22369-2409';
const PHUOC_DONG = '22405-2409';
const hamletOf = (ward: string, n: number) => `${ward}-t${String(n).padStart(2, '0')}`;
const COLLECTOR = 'collector-city';

// The seed writes households 40 to a transaction; fewer than 20 per ward overflows DynamoDB's
// 100-item transaction limit (see the report), so 20 is the smallest "small" register that starts.
const PER_UNIT = 20;

const vi = new Intl.Collator('vi');
const BASIC = [
  'code',
  'ownerName',
  'kind',
  'address',
  'hamletId',
  'phone',
  'members',
  'feeClass',
  'sortingSince',
  'collectorId',
];
const filled = (value: unknown) =>
  value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');
const completenessOf = (record: Record<string, unknown>) =>
  BASIC.filter((f) => filled(record[f])).length;
const bandOf = (n: number) => (n >= 10 ? 'complete' : n < 7 ? 'incomplete' : 'partial');
const sortingOf = (s: unknown) => (!s ? 'unknown' : s === 'not-sorting' ? 'no' : 'yes');
const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

type Rec = Record<string, any>;

let stack: LocalStack;
let token: string;
let dp: DataProvider;
let seq = 0;
const uniqueCode = (prefix = 'T') => `${prefix}-${process.pid}-${++seq}`;

/** A full (10/10) household of Vĩnh Hải unless overridden. */
const household = (overrides: Rec = {}): Rec => ({
  code: uniqueCode(),
  ownerName: 'Trần Thị Mai',
  unitId: VINH_HAI,
  kind: 'household',
  address: '12 Phạm Văn Đồng',
  hamletId: hamletOf(VINH_HAI, 1),
  phone: '0905123456',
  members: 4,
  feeClass: 'standard',
  sortingSince: '2024-05-01',
  collectorId: COLLECTOR,
  ...overrides,
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  request(stack.url, method, path, body, { ...bearer(token), ...headers });

const create = async (overrides: Rec = {}): Promise<Rec> => {
  const response = await api('POST', '/api/households', household(overrides));
  assert.equal(response.status, 201, response.text);

  return response.body;
};

/** Every household matching `filter` in one page, in ASC name order, with the header total. */
const listAll = async (filter: Rec, order: 'ASC' | 'DESC' = 'ASC') => {
  const response = await api(
    'GET',
    `/api/households${listQuery({ sort: ['ownerName', order], range: [0, 999], filter })}`,
  );
  assert.equal(response.status, 200, response.text);
  const records = response.body as Rec[];
  assert.ok(records.length < 1000, 'the fixture must fit one page');

  return { records, total: totalOf(response) };
};

const wardTotal = async (unitId: string): Promise<number> => {
  const response = await api(
    'GET',
    `/api/households${listQuery({ range: [0, 0], filter: { unitId } })}`,
  );
  assert.equal(response.status, 200, response.text);

  return totalOf(response);
};

/** The stored item itself, internal attributes included: what a failed write must not touch. */
const storedItem = (id: string) => getItem(stack.db, keys.household(id), true);

const assertSorted = (names: string[], order: 'ASC' | 'DESC') => {
  for (let i = 1; i < names.length; i += 1) {
    const compared = vi.compare(names[i - 1], names[i]);
    assert.ok(
      order === 'ASC' ? compared <= 0 : compared >= 0,
      `${order} order broken at ${i}: "${names[i - 1]}" then "${names[i]}"`,
    );
  }
};

const ids = (records: Rec[]) => records.map((r) => r.id as string);
const idSet = (records: Rec[]) => new Set(ids(records));

before(async () => {
  stack = await startTestStack(PER_UNIT);
  token = await signIn(stack);
  dp = simpleRestProvider(`${stack.url}/api`, (url, options = {}) =>
    fetchUtils.fetchJson(url, {
      ...options,
      user: { authenticated: true, token: `Bearer ${token}` },
    }),
  );
});

after(async () => {
  await stack?.stop();
});

describe('households: lists through ra-data-simple-rest', () => {
  // Names chosen around the letters byte order gets wrong: Đ after D (not after Z), tones after
  // the bare letter, lower case with upper case.
  const NAMES = [
    'Dương Văn Bình',
    'Đặng Thị Lan',
    'Đỗ Minh Tuấn',
    'Dư Thị Hà',
    'đinh văn nam',
    'Dung',
    'Zơ Râm',
    'Anh',
    'Ánh',
    'Ảnh',
    'Ân Văn Sơn',
    'Ăn Thị Út',
    'Bùi Văn Đức',
    'Ê Văn Tư',
    'Em',
    'Ơn Thị Bé',
    'Ông Văn Ba',
    'Út',
    'Ư Văn Ứ',
    'Yến',
  ];
  let created: Rec[] = [];

  before(async () => {
    created = [];
    for (const [i, ownerName] of NAMES.entries()) {
      created.push(
        await create({ ownerName, unitId: TAN_LAP, hamletId: hamletOf(TAN_LAP, 1 + (i % 3)) }),
      );
    }
  });

  test('sort ownerName ASC returns pages in Intl.Collator("vi") order, Đ after D and before E', async () => {
    const { data, total } = await dp.getList('households', {
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: { unitId: TAN_LAP },
    });
    assert.equal(data.length, total);
    const names = data.map((r) => r.ownerName as string);
    assertSorted(names, 'ASC');
    assert.deepEqual(names, [...names].sort(vi.compare));
    const initial = (n: string) => n[0].toUpperCase();
    const lastD = names.map(initial).lastIndexOf('D');
    const firstĐ = names.map(initial).indexOf('Đ');
    const firstE = names.map(initial).indexOf('E');
    const lastZ = names.map(initial).lastIndexOf('Z');
    assert.ok(lastD >= 0 && firstĐ > lastD, `Đ… (${firstĐ}) must follow every D… (${lastD})`);
    assert.ok(firstE > names.map(initial).lastIndexOf('Đ'), 'every Đ… comes before E…');
    assert.ok(firstĐ < lastZ, 'Đ… does not sort after Z…');
    for (const name of NAMES) assert.ok(names.includes(name), `${name} listed`);
  });

  test('sort ownerName DESC is the exact reverse of ASC, on the ward and on the whole platform', async () => {
    const asc = await dp.getList('households', {
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: { unitId: TAN_LAP },
    });
    const desc = await dp.getList('households', {
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'ownerName', order: 'DESC' },
      filter: { unitId: TAN_LAP },
    });
    assert.equal(desc.total, asc.total);
    assertSorted(
      desc.data.map((r) => r.ownerName),
      'DESC',
    );
    assert.deepEqual(ids(desc.data), ids(asc.data).reverse());

    for (const order of ['ASC', 'DESC'] as const) {
      const page = await dp.getList('households', {
        pagination: { page: 1, perPage: 50 },
        sort: { field: 'ownerName', order },
        filter: {},
      });
      assert.equal(page.data.length, 50);
      assertSorted(
        page.data.map((r) => r.ownerName),
        order,
      );
    }
  });

  test('react-admin\'s default sort on "id" falls back to the name order instead of failing', async () => {
    const { data } = await dp.getList('households', {
      pagination: { page: 1, perPage: 30 },
      sort: { field: 'id', order: 'ASC' },
      filter: { unitId: TAN_LAP },
    });
    assert.equal(data.length, 30);
    assertSorted(
      data.map((r) => r.ownerName),
      'ASC',
    );
  });

  test('range: page 1 and a later page do not overlap, have the same total and are slices of the full order', async () => {
    const full = await listAll({ unitId: TAN_LAP });
    const perPage = 7;
    const page1 = await dp.getList('households', {
      pagination: { page: 1, perPage },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: { unitId: TAN_LAP },
    });
    const page3 = await dp.getList('households', {
      pagination: { page: 3, perPage },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: { unitId: TAN_LAP },
    });
    assert.equal(page1.total, full.total);
    assert.equal(page3.total, full.total);
    assert.equal(page1.data.length, perPage);
    assert.equal(page3.data.length, perPage);
    assert.equal([...idSet(page1.data)].filter((id) => idSet(page3.data).has(id)).length, 0);
    assert.deepEqual(ids(page1.data), ids(full.records.slice(0, perPage)));
    assert.deepEqual(ids(page3.data), ids(full.records.slice(2 * perPage, 3 * perPage)));

    // The same with a filter (one pass counts and pages): pages tile the filtered list.
    const filter = { unitId: TAN_LAP, kind: 'household' };
    const filtered = await listAll(filter);
    const pages: Rec[] = [];
    for (let page = 1; page <= Math.ceil(filtered.total / 5); page += 1) {
      const got = await dp.getList('households', {
        pagination: { page, perPage: 5 },
        sort: { field: 'ownerName', order: 'ASC' },
        filter,
      });
      assert.equal(got.total, filtered.total);
      pages.push(...got.data);
    }
    assert.deepEqual(ids(pages), ids(filtered.records));
  });

  test('Content-Range: header form, totals equal a full listing, and a page past the end is empty with the right total', async () => {
    const raw = await api(
      'GET',
      `/api/households${listQuery({ sort: ['ownerName', 'ASC'], range: [0, 9], filter: { unitId: TAN_LAP } })}`,
    );
    const full = await listAll({ unitId: TAN_LAP });
    assert.equal(raw.headers.get('content-range'), `households 0-9/${full.records.length}`);
    assert.match(raw.headers.get('access-control-expose-headers') ?? '', /content-range/i);
    assert.equal(full.total, full.records.length);

    const filtered = await listAll({ unitId: TAN_LAP, feeClass: 'standard' });
    assert.equal(filtered.total, filtered.records.length);
    assert.equal(filtered.total, full.records.filter((r) => r.feeClass === 'standard').length);

    const beyond = await dp.getList('households', {
      pagination: { page: 100, perPage: 25 },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: { unitId: TAN_LAP },
    });
    assert.deepEqual(beyond.data, []);
    assert.equal(beyond.total, full.total);
    const beyondFiltered = await dp.getList('households', {
      pagination: { page: 100, perPage: 25 },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: { unitId: TAN_LAP, feeClass: 'standard' },
    });
    assert.deepEqual(beyondFiltered.data, []);
    assert.equal(beyondFiltered.total, filtered.total);
    const rawBeyond = await api(
      'GET',
      `/api/households${listQuery({ range: [5000, 5009], filter: { unitId: TAN_LAP } })}`,
    );
    assert.equal(rawBeyond.status, 200);
    assert.deepEqual(rawBeyond.body, []);
    assert.equal(totalOf(rawBeyond), full.total);

    // The platform total equals the province's and the city's counters, and the seed's size.
    const platform = await dp.getList('households', {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: {},
    });
    const province = await dp.getList('households', {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: { unitId: PROVINCE },
    });
    assert.equal(platform.total, province.total);
    assert.ok((platform.total ?? 0) >= (stack.seeded?.households ?? 0) + NAMES.length);
  });

  test('filter unitId: a ward lists its households with and without a hamlet, and a city lists all of its wards', async () => {
    const { records, total } = await listAll({ unitId: VINH_HAI });
    assert.ok(total > 0);
    assert.ok(records.every((r) => r.unitId === VINH_HAI));
    assert.ok(records.every((r) => r.unitPath.startsWith(`/${PROVINCE}/${CITY}/${VINH_HAI}/`)));
    assert.ok(
      records.some((r) => r.hamletId !== null),
      'some listed households sit in a hamlet',
    );
    assert.ok(
      records.some((r) => r.hamletId === null),
      'some listed households sit in no hamlet',
    );

    const wards = await dp.getList('units', {
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'code', order: 'ASC' },
      filter: { parentId: CITY },
    });
    const ward = wards.data.find((u) => u.id === VINH_HAI);
    assert.equal(ward?.householdCount, total);
    const city = await dp.getList('households', {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: { unitId: CITY },
    });
    assert.equal(
      city.total,
      wards.data.reduce((sum, u) => sum + u.householdCount, 0),
    );
  });

  test("filter hamletId lists exactly that hamlet's households; a hamlet of another ward with unitId gives none", async () => {
    const ward = await listAll({ unitId: TAN_LAP });
    const hamlet = hamletOf(TAN_LAP, 2);
    const expected = ward.records.filter((r) => r.hamletId === hamlet);
    assert.ok(expected.length > 0);
    const byHamlet = await listAll({ hamletId: hamlet });
    assert.deepEqual(ids(byHamlet.records), ids(expected));
    assert.equal(byHamlet.total, expected.length);
    const both = await listAll({ unitId: TAN_LAP, hamletId: hamlet });
    assert.deepEqual(ids(both.records), ids(expected));
    const mismatch = await listAll({ unitId: VINH_HAI, hamletId: hamlet });
    assert.deepEqual(mismatch.records, []);
    assert.equal(mismatch.total, 0);
  });

  /** Households of Phước Đồng with each kind of value, beside the demo ones. */
  const PHUOC_DONG_FIXTURES = [
    {
      kind: 'market',
      feeClass: 'business-large',
      sortingSince: 'not-sorting',
      ownerName: 'Chợ Phước Đồng',
    },
    {
      kind: 'business',
      feeClass: 'poor',
      sortingSince: null,
      phone: null,
      address: null,
      members: null,
      collectorId: null,
      ownerName: 'Tạp hóa Hạnh',
    },
    {
      status: 'inactive',
      inactiveSince: '2025-01-01',
      inactiveReason: 'moved-away',
      ownerName: 'Lê Văn Chuyển',
    },
    { sortingSince: null, ownerName: 'Phạm Thị Chín' },
  ];
  let phuocDong: Rec[] = [];
  const phuocDongWard = async () => {
    if (phuocDong.length === 0) {
      for (const fixture of PHUOC_DONG_FIXTURES)
        phuocDong.push(await create({ unitId: PHUOC_DONG, hamletId: null, ...fixture }));
    }

    return listAll({ unitId: PHUOC_DONG });
  };

  const checkFilters = async (cases: Array<[Rec, (r: Rec) => boolean]>) => {
    const ward = await phuocDongWard();
    for (const [filter, matches] of cases) {
      const expected = ward.records.filter(matches);
      assert.ok(expected.length > 0, `the fixture has a match for ${JSON.stringify(filter)}`);
      const got = await listAll({ unitId: PHUOC_DONG, ...filter });
      assert.deepEqual(ids(got.records), ids(expected), `filter ${JSON.stringify(filter)}`);
      assert.equal(got.total, expected.length, `total of ${JSON.stringify(filter)}`);
    }
  };

  test('filters kind, feeClass, sorting and status each return exactly the matching records, with that total', async () => {
    await checkFilters([
      [{ kind: 'household' }, (r) => r.kind === 'household'],
      [{ kind: 'market' }, (r) => r.kind === 'market'],
      [{ kind: ['business', 'market'] }, (r) => r.kind === 'business' || r.kind === 'market'],
      [{ feeClass: 'standard' }, (r) => r.feeClass === 'standard'],
      [{ feeClass: 'poor' }, (r) => r.feeClass === 'poor'],
      [{ sorting: 'yes' }, (r) => sortingOf(r.sortingSince) === 'yes'],
      [{ sorting: 'no' }, (r) => sortingOf(r.sortingSince) === 'no'],
      [{ sorting: 'unknown' }, (r) => sortingOf(r.sortingSince) === 'unknown'],
      [{ status: 'active' }, (r) => r.status === 'active'],
      [{ status: 'inactive' }, (r) => r.status === 'inactive'],
      [
        { kind: 'household', sorting: 'yes', status: 'active' },
        (r) =>
          r.kind === 'household' && sortingOf(r.sortingSince) === 'yes' && r.status === 'active',
      ],
    ]);
  });

  test('every stored completeness is the count of filled basic fields; filters of two bands match it', async () => {
    const ward = await phuocDongWard();
    for (const r of ward.records)
      assert.equal(r.completeness, completenessOf(r), `completeness of ${r.code}`);
    await checkFilters([
      [{ completeness: ['complete', 'incomplete'] }, (r) => bandOf(r.completeness) !== 'partial'],
      [{ completeness: ['incomplete', 'partial'] }, (r) => bandOf(r.completeness) !== 'complete'],
      [
        { completeness: ['partial', 'complete'], kind: 'household' },
        (r) => bandOf(r.completeness) !== 'incomplete' && r.kind === 'household',
      ],
    ]);
  });

  test('filter completeness of one band (complete, partial, incomplete) returns exactly the records of that band', async () => {
    await checkFilters([
      [{ completeness: 'complete' }, (r) => bandOf(r.completeness) === 'complete'],
      [{ completeness: 'partial' }, (r) => bandOf(r.completeness) === 'partial'],
      [{ completeness: 'incomplete' }, (r) => bandOf(r.completeness) === 'incomplete'],
      [
        { completeness: 'incomplete', status: 'active' },
        (r) => bandOf(r.completeness) === 'incomplete' && r.status === 'active',
      ],
    ]);
  });

  test('q finds "Nguyễn Văn Đức" by "nguyen van duc", "duc", "Đức", and by its phone typed with spaces, dots or +84', async () => {
    const duc = await create({
      ownerName: 'Nguyễn Văn Đức',
      phone: '0935 777 888',
      unitId: VINH_HOA,
      hamletId: null,
      code: uniqueCode('DUC'),
    });
    assert.equal(duc.phone, '0935777888');
    const find = async (q: string, unitId?: string) => {
      const { data, total } = await dp.getList('households', {
        pagination: { page: 1, perPage: 1000 },
        sort: { field: 'ownerName', order: 'ASC' },
        filter: unitId ? { q, unitId } : { q },
      });
      assert.equal(total, data.length);

      return data;
    };
    for (const q of [
      'nguyen van duc',
      'NGUYỄN VĂN ĐỨC',
      'duc',
      'Đức',
      'đức',
      'nguyen duc',
      'van ng',
    ]) {
      const found = await find(q);
      assert.ok(idSet(found).has(duc.id), `"${q}" finds Nguyễn Văn Đức`);
      // Every hit has each folded query word at the start of a word of its searchable fields.
      for (const r of found) {
        const words =
          fold([r.ownerName, r.code, r.address ?? '', r.phone ?? ''].join(' ')).match(
            /[\p{L}\p{N}]+/gu,
          ) ?? [];
        for (const w of fold(q).split(/\s+/))
          assert.ok(
            words.some((x) => x.startsWith(w)),
            `"${q}" hit ${r.ownerName} has a word starting "${w}"`,
          );
      }
    }
    for (const q of ['0935 777 888', '0935777888', '+84 935 777 888', '093.577.7888']) {
      const found = await find(q);
      assert.deepEqual(
        ids(found.filter((r) => r.phone === '0935777888')),
        [duc.id],
        `phone "${q}"`,
      );
      assert.ok(
        found.every((r) => r.phone === '0935777888'),
        `phone "${q}" finds only that phone`,
      );
    }
    assert.ok(idSet(await find('duc', VINH_HOA)).has(duc.id));
    assert.ok(
      !idSet(await find('duc', VINH_HAI)).has(duc.id),
      'the ward filter still applies with q',
    );
    assert.ok(!idSet(await find('nguyen van ducx')).has(duc.id), 'a longer word does not match');
    assert.ok(!idSet(await find('uc')).has(duc.id), 'words match at their start only');
  });

  test('getMany (filter id array) returns exactly the existing records asked for', async () => {
    const some = created.slice(0, 3);
    const { data } = await dp.getMany('households', { ids: [...ids(some), 'no-such-household'] });
    assert.equal(data.length, 3);
    assert.deepEqual(new Set(ids(data)), idSet(some));
    for (const record of data)
      assert.deepEqual(
        record,
        some.find((s) => s.id === record.id),
      );
    const none = await dp.getMany('households', { ids: ['no-such-household'] });
    assert.deepEqual(none.data, []);
  });

  test('getManyReference (target unitId) lists the households of a unit with its total', async () => {
    const full = await listAll({ unitId: TAN_LAP });
    const ref = await dp.getManyReference('households', {
      target: 'unitId',
      id: TAN_LAP,
      pagination: { page: 2, perPage: 10 },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: {},
    });
    assert.equal(ref.total, full.total);
    assert.deepEqual(ids(ref.data), ids(full.records.slice(10, 20)));
    const byHamlet = await dp.getManyReference('households', {
      target: 'hamletId',
      id: hamletOf(TAN_LAP, 1),
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: { status: 'active' },
    });
    assert.deepEqual(
      ids(byHamlet.data),
      ids(full.records.filter((r) => r.hamletId === hamletOf(TAN_LAP, 1) && r.status === 'active')),
    );
  });
});

describe('households: writes through ra-data-simple-rest', () => {
  test('create answers 201 with an id, the phone in national form, NFC text, completeness and the unit path', async () => {
    const nfd = 'Nguyễn Thị Hồng'.normalize('NFD');
    assert.notEqual(nfd, 'Nguyễn Thị Hồng');
    const body = household({
      ownerName: `  ${nfd}  `,
      address: '  5 Hẻm  12 Trần Phú '.normalize('NFD'),
      phone: '+84 905 123 456',
      hamletId: hamletOf(VINH_HAI, 2),
      members: '3',
    });
    const raw = await api('POST', '/api/households', body);
    assert.equal(raw.status, 201, raw.text);
    const rec = raw.body;
    assert.match(rec.id, /^[0-9a-f-]{36}$/);
    assert.equal(rec.phone, '0905123456');
    assert.equal(rec.ownerName, 'Nguyễn Thị Hồng');
    assert.equal(rec.ownerName, rec.ownerName.normalize('NFC'));
    assert.equal(rec.address, '5 Hẻm 12 Trần Phú');
    assert.equal(rec.members, 3);
    assert.equal(rec.completeness, 10);
    assert.equal(rec.unitPath, `/${PROVINCE}/${CITY}/${VINH_HAI}/${hamletOf(VINH_HAI, 2)}/`);
    assert.equal(rec.version, 1);
    assert.equal(rec.status, 'active');
    assert.equal(rec.createdAt, rec.updatedAt);
    assert.ok(Math.abs(Date.parse(rec.createdAt) - Date.now()) < 60_000);

    // Read back through the client and from the table: the same record.
    const { data } = await dp.getOne('households', { id: rec.id });
    assert.deepEqual(data, rec);
    const item = await storedItem(rec.id);
    assert.equal(item?.ownerName, 'Nguyễn Thị Hồng');
    assert.equal(item?.phone, '0905123456');

    // Through the client too, a partial record: completeness counts what is there.
    const created = await dp.create('households', {
      data: { code: uniqueCode(), ownerName: 'Lý Văn Tám', unitId: VINH_HAI },
    });
    assert.equal(created.data.completeness, 2);
    assert.equal(created.data.unitPath, `/${PROVINCE}/${CITY}/${VINH_HAI}/`);
    assert.equal(created.data.hamletId, null);
    assert.equal(created.data.sortingSince, null);
  });

  test('update bumps the version and ignores server-owned fields echoed back', async () => {
    const rec = await create({ ownerName: 'Võ Thị Sáu' });
    const { data } = await dp.update('households', {
      id: rec.id,
      previousData: rec as RaRecord,
      data: {
        ...rec,
        ownerName: 'Võ Thị Bảy',
        phone: null,
        completeness: 99,
        unitPath: '/somewhere/else/',
        createdAt: '2000-01-01T00:00:00.000Z',
        updatedAt: '2000-01-01T00:00:00.000Z',
      },
    });
    assert.equal(data.version, 2);
    assert.equal(data.ownerName, 'Võ Thị Bảy');
    assert.equal(data.phone, null);
    assert.equal(data.completeness, 9);
    assert.equal(data.unitPath, rec.unitPath);
    assert.equal(data.createdAt, rec.createdAt);
    assert.notEqual(data.updatedAt, '2000-01-01T00:00:00.000Z');
    const item = await storedItem(rec.id);
    assert.equal(item?.version, 2);
    assert.equal(item?.completeness, 9);
    assert.equal(item?.unitPath, rec.unitPath);
    assert.equal(item?.createdAt, rec.createdAt);
    assert.equal(item?.ownerName, 'Võ Thị Bảy');

    // The list finds it under its new name only.
    const found = await dp.getList('households', {
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: { q: 'vo thi bay', unitId: VINH_HAI },
    });
    assert.ok(idSet(found.data).has(rec.id));
    const old = await dp.getList('households', {
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'ownerName', order: 'ASC' },
      filter: { q: 'vo thi sau', unitId: VINH_HAI },
    });
    assert.ok(!idSet(old.data).has(rec.id));

    // A second update from version 2.
    const again = await dp.update('households', {
      id: rec.id,
      previousData: data as RaRecord,
      data: { ...data, hamletId: hamletOf(VINH_HAI, 3) },
    });
    assert.equal(again.data.version, 3);
    assert.equal(again.data.unitPath, `/${PROVINCE}/${CITY}/${VINH_HAI}/${hamletOf(VINH_HAI, 3)}/`);
    const hamlet3 = await listAll({ hamletId: hamletOf(VINH_HAI, 3) });
    assert.ok(idSet(hamlet3.records).has(rec.id));
    const hamlet1 = await listAll({ hamletId: hamletOf(VINH_HAI, 1) });
    assert.ok(!idSet(hamlet1.records).has(rec.id));
  });

  test('delete returns the deleted record, then the record answers 404', async () => {
    const rec = await create({ ownerName: 'Hồ Văn Xóa' });
    const { data } = await dp.delete('households', { id: rec.id, previousData: rec as RaRecord });
    assert.deepEqual(data, rec);
    await assert.rejects(
      dp.getOne('households', { id: rec.id }),
      (error: any) => error.status === 404,
    );
    assert.equal(await storedItem(rec.id), undefined);
    assertApiError(await api('GET', `/api/households/${rec.id}`), 404, {
      code: 'household.not_found',
    });
    assertApiError(await api('DELETE', `/api/households/${rec.id}`), 404, {
      code: 'household.not_found',
    });
    // Its code is free again.
    const reused = await create({ code: rec.code });
    assert.equal(reused.code, rec.code);
  });

  test('create and delete move the ward, city, province and unit counters by exactly one', async () => {
    const totals = async () => ({
      ward: await wardTotal(VINH_HAI),
      hamlet: await wardTotal(hamletOf(VINH_HAI, 2)),
      city: await wardTotal(CITY),
      all: totalOf(await api('GET', '/api/households?range=[0,0]')),
      unit: (await dp.getOne('units', { id: VINH_HAI })).data.householdCount,
    });
    const before = await totals();
    const rec = await create({ hamletId: hamletOf(VINH_HAI, 2) });
    const during = await totals();
    assert.deepEqual(during, {
      ward: before.ward + 1,
      hamlet: before.hamlet + 1,
      city: before.city + 1,
      all: before.all + 1,
      unit: before.unit + 1,
    });
    // The counter agrees with a full listing.
    assert.equal((await listAll({ unitId: VINH_HAI })).records.length, during.ward);
    await dp.delete('households', { id: rec.id, previousData: rec as RaRecord });
    assert.deepEqual(await totals(), before);
  });
  test('two updates from the same version at once: one wins, the other answers 409', async () => {
    const rec = await create({ ownerName: 'Cùng Lúc' });
    const responses = await Promise.all(
      ['Người A', 'Người B'].map((note) =>
        api('PUT', `/api/households/${rec.id}`, { ...rec, note }),
      ),
    );
    assert.deepEqual(responses.map((r) => r.status).sort(), [200, 409]);
    const winner = responses.find((r) => r.status === 200)?.body;
    const item = await storedItem(rec.id);
    assert.equal(item?.version, 2);
    assert.equal(item?.note, winner.note);
  });

  test('two creates of the same code at once: one is created, the other answers 409, the ward counts one', async () => {
    const before = await wardTotal(VINH_HAI);
    const same = uniqueCode('RACE');
    const responses = await Promise.all(
      [1, 2].map(() => api('POST', '/api/households', household({ code: same }))),
    );
    assert.deepEqual(responses.map((r) => r.status).sort(), [201, 409]);
    assert.equal(await wardTotal(VINH_HAI), before + 1);
    const found = await listAll({ unitId: VINH_HAI, q: same });
    assert.deepEqual(
      found.records.map((r) => r.code),
      [same],
    );
  });
});

describe('households: errors', () => {
  let rec: Rec;
  before(async () => {
    rec = await create({ ownerName: 'Mai Văn Gốc', code: uniqueCode('ERR') });
  });

  /** Runs a failing write and checks that the stored record and the ward counter did not move. */
  const unchanged = async (write: () => Promise<RawResponse>): Promise<RawResponse> => {
    const item = await storedItem(rec.id);
    const total = await wardTotal(VINH_HAI);
    const response = await write();
    assert.deepEqual(await storedItem(rec.id), item, 'stored record unchanged');
    assert.equal(await wardTotal(VINH_HAI), total, 'ward total unchanged');

    return response;
  };
  const put = (body: Rec | string, id = rec.id) => api('PUT', `/api/households/${id}`, body);
  const current = async () => (await api('GET', `/api/households/${rec.id}`)).body as Rec;

  test('an unknown resource or route answers 404 JSON', async () => {
    assertApiError(await api('GET', '/api/housholds'), 404, { code: 'route.not_found' });
    assertApiError(await api('GET', '/api/housholds/abc'), 404);
    assertApiError(await api('POST', '/api/housholds', { a: 1 }), 404);
    assertApiError(await api('PATCH', `/api/households/${rec.id}`, { a: 1 }), 404);
    assertApiError(await api('GET', '/api'), 404);
    await assert.rejects(
      dp.getList('nothing', {
        pagination: { page: 1, perPage: 1 },
        sort: { field: 'id', order: 'ASC' },
        filter: {},
      }),
      (e: any) => e.status === 404,
    );
  });

  test('an unknown id answers 404 on read, update and delete', async () => {
    assertApiError(await api('GET', '/api/households/no-such-id'), 404, {
      code: 'household.not_found',
    });
    const body = { ...household(), version: 1 };
    assertApiError(await put(body, 'no-such-id'), 404, { code: 'household.not_found' });
    assertApiError(await api('DELETE', '/api/households/no-such-id'), 404, {
      code: 'household.not_found',
    });
    assertApiError(await api('GET', '/api/units/no-such-unit'), 404, { code: 'unit.not_found' });
    assertApiError(await api('GET', '/api/accounts/no-such-account'), 404, {
      code: 'account.not_found',
    });
    assertApiError(await api('GET', '/api/households/%E0%A4%A'), 404);
  });

  test('an unknown field in the body answers 400 naming it, on create and on update', async () => {
    const before = await wardTotal(VINH_HAI);
    const error = assertApiError(
      await api('POST', '/api/households', { ...household(), colour: 'blue' }),
      400,
      { fields: ['colour'] },
    );
    assert.ok(error.message.includes('colour'));
    assert.equal(await wardTotal(VINH_HAI), before);
    const cur = await current();
    const response = await unchanged(() => put({ ...cur, ownerName: 'Đổi Tên', isAdmin: true }));
    assertApiError(response, 400, { code: 'validation.unknown_fields', fields: ['isAdmin'] });
  });

  test('an id in the body that differs from the path answers 400; an id on create too', async () => {
    const cur = await current();
    assertApiError(
      await unchanged(() => put({ ...cur, id: 'another-id', ownerName: 'Đổi Tên' })),
      400,
      { code: 'record.id_mismatch', fields: ['id'] },
    );
    assertApiError(await api('POST', '/api/households', { ...household(), id: 'my-own-id' }), 400, {
      fields: ['id'],
    });
  });

  test('a stale version answers 409 and leaves the stored record as it was', async () => {
    const cur = await current();
    const ok = await put({ ...cur, note: 'lần 1' });
    assert.equal(ok.status, 200, ok.text);
    const stale = await unchanged(() => put({ ...cur, note: 'lần 2 từ bản cũ' }));
    assertApiError(stale, 409, { code: 'record.stale_version', fields: ['version'] });
    assert.equal((await current()).note, 'lần 1');
    const missing = await unchanged(() =>
      put({ ...(({ version, ...rest }) => rest)(cur), note: 'không có version' }),
    );
    assertApiError(missing, 400, { fields: ['version'] });
    await assert.rejects(
      dp.update('households', {
        id: rec.id,
        previousData: cur as RaRecord,
        data: { ...cur, note: 'qua client' },
      }),
      (e: any) => e.status === 409 && e.body?.code === 'record.stale_version',
    );
  });

  test('a duplicate code within a ward answers 409 naming code; the same code in another ward is fine', async () => {
    const before = await wardTotal(VINH_HAI);
    const dup = assertApiError(
      await api('POST', '/api/households', household({ code: rec.code })),
      409,
      { code: 'household.duplicate_code', fields: ['code'] },
    );
    assert.ok(dup.message.includes(rec.code));
    // Codes compare without case, accents and spaces.
    assertApiError(
      await api(
        'POST',
        '/api/households',
        household({ code: ` ${rec.code.toLowerCase().replace('-', ' -')} ` }),
      ),
      409,
      { fields: ['code'] },
    );
    assert.equal(await wardTotal(VINH_HAI), before);

    // Renaming another household onto the code fails and leaves both as they were.
    const other = await create({ ownerName: 'Người Khác' });
    const otherItem = await storedItem(other.id);
    const afterOther = await wardTotal(VINH_HAI);
    assertApiError(await unchanged(() => put({ ...other, code: rec.code }, other.id)), 409, {
      code: 'household.duplicate_code',
      fields: ['code'],
    });
    assert.deepEqual(await storedItem(other.id), otherItem);
    assert.equal(await wardTotal(VINH_HAI), afterOther);

    const elsewhere = await api(
      'POST',
      '/api/households',
      household({ code: rec.code, unitId: VINH_HOA, hamletId: hamletOf(VINH_HOA, 1) }),
    );
    assert.equal(elsewhere.status, 201, elsewhere.text);
    assert.equal(elsewhere.body.code, rec.code);
  });

  test('a bad phone answers 400 with errors.phone', async () => {
    const cur = await current();
    for (const phone of [
      '090512345',
      '09051234567',
      '0105123456',
      '0205123456',
      '0195123456',
      '+1 415 555 0100',
      'gọi sau',
      '0905-12a-456',
    ]) {
      const error = assertApiError(
        await api('POST', '/api/households', household({ phone })),
        400,
        { fields: ['phone'] },
      );
      assert.equal(error.errors.phone, error.message, `phone ${phone}`);
      assertApiError(await unchanged(() => put({ ...cur, phone })), 400, { fields: ['phone'] });
    }
    // Landlines with an area code are fine.
    const landline = await create({ phone: '(0258) 382 2123' });
    assert.equal(landline.phone, '02583822123');
  });

  test('members 0, 2.5, -1, 501 and text answer 400 with errors.members', async () => {
    const cur = await current();
    for (const members of [0, 2.5, -1, 501, 'bốn', true]) {
      assertApiError(await api('POST', '/api/households', household({ members })), 400, {
        fields: ['members'],
      });
      assertApiError(await unchanged(() => put({ ...cur, members })), 400, { fields: ['members'] });
    }
  });

  test('a hamlet that is not under the ward, or an unknown ward or collector, answers 400', async () => {
    const cur = await current();
    assertApiError(
      await api('POST', '/api/households', household({ hamletId: hamletOf(VINH_HOA, 1) })),
      400,
      { code: 'household.bad_reference', fields: ['hamletId'] },
    );
    assertApiError(await api('POST', '/api/households', household({ hamletId: VINH_HOA })), 400, {
      fields: ['hamletId'],
    });
    assertApiError(await unchanged(() => put({ ...cur, hamletId: hamletOf(VINH_HOA, 2) })), 400, {
      fields: ['hamletId'],
    });
    assertApiError(
      await api('POST', '/api/households', household({ unitId: 'no-such-ward', hamletId: null })),
      400,
      { fields: ['unitId'] },
    );
    assertApiError(
      await api('POST', '/api/households', household({ unitId: CITY, hamletId: null })),
      400,
      { fields: ['unitId'] },
    );
    assertApiError(
      await api('POST', '/api/households', household({ collectorId: 'operator' })),
      400,
      { fields: ['collectorId'] },
    );
    // A household does not move ward by an update.
    assertApiError(await unchanged(() => put({ ...cur, unitId: VINH_HOA, hamletId: null })), 400, {
      code: 'household.unit_immutable',
      fields: ['unitId'],
    });
  });

  test('other invalid values answer 400 naming the field', async () => {
    const cur = await current();
    const cases: Array<[Rec, string]> = [
      [{ kind: 'castle' }, 'kind'],
      [{ feeClass: 'rich' }, 'feeClass'],
      [{ sortingSince: '2024-02-30' }, 'sortingSince'],
      [{ sortingSince: 'yes' }, 'sortingSince'],
      [{ ownerName: '   ' }, 'ownerName'],
      [{ code: 'x'.repeat(31) }, 'code'],
      [{ status: 'inactive' }, 'inactiveSince'],
      [{ inactiveReason: 'merged' }, 'status'],
      [{ location: { lat: 48.85, lng: 2.35 } }, 'location.lat'],
      [{ ownerName: 42 }, 'ownerName'],
    ];
    for (const [change, field] of cases) {
      assertApiError(await api('POST', '/api/households', household(change)), 400, {
        fields: [field],
      });
      assertApiError(await unchanged(() => put({ ...cur, ...change })), 400, { fields: [field] });
    }
  });

  test('malformed JSON, a non-object body and an empty body answer 400', async () => {
    assertApiError(await api('POST', '/api/households', '{"code": "X1", "ownerName": '), 400, {
      code: 'request.bad_json',
    });
    assertApiError(await unchanged(() => put('{not json')), 400, {
      code: 'request.bad_json',
    });
    assertApiError(await api('POST', '/api/households', '[1,2]'), 400);
    assertApiError(await api('POST', '/api/households', 'null'), 400);
    assertApiError(await api('POST', '/api/households', '"text"'), 400);
    assertApiError(await api('POST', '/api/households'), 400, { code: 'request.body_missing' });
    // A body sent without a JSON content type is still read as JSON (or refused), never a 500.
    const plain = await api('POST', '/api/households', '{bad', {
      'content-type': 'application/octet-stream',
    });
    assertApiError(plain, 400, { code: 'request.bad_json' });
  });

  test('list parameters: unsortable field, bad sort, bad range, a page over 1000 and an unknown filter answer 400', async () => {
    const list = (query: Rec) => api('GET', `/api/households${listQuery(query)}`);
    assertApiError(await list({ sort: ['phone', 'ASC'] }), 400, {
      code: 'list.unsortable',
      fields: ['sort'],
    });
    assertApiError(await list({ sort: ['code', 'DESC'] }), 400, { code: 'list.unsortable' });
    assertApiError(await list({ sort: ['ownerName', 'UP'] }), 400, { fields: ['sort'] });
    assertApiError(await list({ sort: '["ownerName"' }), 400, { fields: ['sort'] });
    assertApiError(await list({ sort: 'ownerName' }), 400, { fields: ['sort'] });
    for (const range of [
      '[5,1]',
      '[-1,3]',
      '[0]',
      '[0,1,2]',
      '[0.5,3]',
      '"0-24"',
      'abc',
      '[0,"24"]',
      '{}',
    ]) {
      assertApiError(await list({ range }), 400, { fields: ['range'] });
    }
    assertApiError(await list({ range: [0, 1000] }), 400, {
      code: 'list.page_too_large',
      fields: ['range'],
    });
    assertApiError(await list({ range: [100, 1100] }), 400, { code: 'list.page_too_large' });
    const largest = await list({ range: [0, 999] });
    assert.equal(largest.status, 200);
    assert.equal((largest.body as Rec[]).length, Math.min(1000, totalOf(largest)));
    assertApiError(await list({ filter: { colour: 'blue' } }), 400, {
      code: 'list.unknown_filter',
      fields: ['colour'],
    });
    assertApiError(await list({ filter: { unitId: VINH_HAI, ward: VINH_HAI } }), 400, {
      fields: ['ward'],
    });
    assertApiError(await list({ filter: '{"q":' }), 400, { fields: ['filter'] });
    assertApiError(await list({ filter: '[1]' }), 400, { fields: ['filter'] });
    assertApiError(await list({ filter: { kind: { $ne: 'x' } } }), 400, { fields: ['kind'] });
    assertApiError(
      await api('GET', `/api/units${listQuery({ sort: ['householdCount', 'ASC'] })}`),
      400,
      { code: 'list.unsortable' },
    );
    assertApiError(await api('GET', `/api/accounts${listQuery({ filter: { root: true } })}`), 400, {
      code: 'list.unknown_filter',
    });
  });

  test('no error above left the ward counter out of step with its households', async () => {
    const { records, total } = await listAll({ unitId: VINH_HAI });
    assert.equal(records.length, total);
    const unit = await dp.getOne('units', { id: VINH_HAI });
    assert.equal(unit.data.householdCount, total);
  });
});

describe('units and accounts', () => {
  test('units with parentId = the city are its 27 wards and communes, each with its household count', async () => {
    const { data, total } = await dp.getList('units', {
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'name', order: 'ASC' },
      filter: { parentId: CITY },
    });
    assert.equal(total, 27);
    assert.equal(data.length, 27);
    assert.ok(data.every((u) => u.parentId === CITY && ['ward', 'commune'].includes(u.level)));
    assert.equal(data.filter((u) => u.level === 'ward').length, 19);
    assert.equal(data.filter((u) => u.level === 'commune').length, 8);
    assertSorted(
      data.map((u) => u.name),
      'ASC',
    );
    for (const unit of data) {
      assert.equal(unit.unitPath, `/${PROVINCE}/${CITY}/${unit.id}/`);
      assert.equal(unit.householdCount, await wardTotal(unit.id), `householdCount of ${unit.name}`);
    }
    const cityUnit = (await dp.getOne('units', { id: CITY })).data;
    assert.equal(
      cityUnit.householdCount,
      data.reduce((sum, u) => sum + u.householdCount, 0),
    );
  });

  test('units with root = true are the province alone, counting every household', async () => {
    const { data, total } = await dp.getList('units', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'code', order: 'ASC' },
      filter: { root: true },
    });
    assert.equal(total, 1);
    assert.equal(data[0].id, PROVINCE);
    assert.equal(data[0].level, 'province');
    assert.equal(data[0].parentId, null);
    assert.equal(data[0].householdCount, totalOf(await api('GET', '/api/households?range=[0,0]')));
  });

  test('units: hamlets of a ward, getMany and an unknown parent', async () => {
    const hamlets = await dp.getList('units', {
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'code', order: 'ASC' },
      filter: { parentId: VINH_HAI },
    });
    assert.ok((hamlets.total ?? 0) >= 3 && (hamlets.total ?? 0) <= 6);
    assert.ok(hamlets.data.every((u) => u.level === 'hamlet' && u.parentId === VINH_HAI));
    assert.equal(hamlets.data[0].id, hamletOf(VINH_HAI, 1));
    assert.equal(hamlets.data[0].name, 'Tổ dân phố 1');
    const many = await dp.getMany('units', { ids: [VINH_HAI, CITY, 'nope'] });
    assert.deepEqual(new Set(ids(many.data)), new Set([VINH_HAI, CITY]));
    const none = await dp.getList('units', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'code', order: 'ASC' },
      filter: { parentId: 'nope' },
    });
    assert.deepEqual(none, { data: [], total: 0 });
  });

  test('accounts list has the 31 demo accounts in name order', async () => {
    const { data, total } = await dp.getList('accounts', {
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'name', order: 'ASC' },
      filter: {},
    });
    assert.equal(total, 31);
    assert.equal(data.length, 31);
    assertSorted(
      data.map((a) => a.name),
      'ASC',
    );
    assert.equal(data.filter((a) => a.kind === 'collector').length, 2);
    assert.equal(data.filter((a) => a.kind === 'operator').length, 1);
    const page2 = await dp.getList('accounts', {
      pagination: { page: 2, perPage: 10 },
      sort: { field: 'name', order: 'ASC' },
      filter: {},
    });
    assert.deepEqual(ids(page2.data), ids(data.slice(10, 20)));
    assert.equal(page2.total, 31);
  });

  test('creating an account with a bad email answers 400 with errors.email and stores nothing', async () => {
    const body = {
      name: 'Tổ thu gom Vĩnh Hải',
      kind: 'collector',
      unitId: VINH_HAI,
      email: 'không phải email',
    };
    assertApiError(await api('POST', '/api/accounts', body), 400, { fields: ['email'] });
    assertApiError(await api('POST', '/api/accounts', { ...body, email: 'a@b' }), 400, {
      fields: ['email'],
    });
    assertApiError(
      await api('POST', '/api/accounts', { ...body, email: 'to@thugom.vn', phone: '12345' }),
      400,
      { fields: ['phone'] },
    );
    assertApiError(
      await api('POST', '/api/accounts', { ...body, email: 'to@thugom.vn', role: 'admin' }),
      400,
      { fields: ['role'] },
    );
    const { total } = await dp.getList('accounts', {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'name', order: 'ASC' },
      filter: {},
    });
    assert.equal(total, 31);

    const { data } = await dp.create('accounts', {
      data: { ...body, email: 'to@thugom.vn', phone: '+84 905 000 111' },
    });
    assert.equal(data.phone, '0905000111');
    assert.equal(data.unitPath, `/${PROVINCE}/${CITY}/${VINH_HAI}/`);
    const listed = await dp.getList('accounts', {
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'name', order: 'ASC' },
      filter: { q: 'thu gom vinh hai' },
    });
    assert.deepEqual(ids(listed.data), [data.id]);
    const removed = await dp.delete('accounts', { id: data.id, previousData: data });
    assert.equal(removed.data.id, data.id);
    await assert.rejects(dp.getOne('accounts', { id: data.id }), (e: any) => e.status === 404);
  });
});
