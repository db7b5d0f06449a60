import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SeedHousehold, seedAccounts, seedHouseholds, seedUnits } from './demo';
import { KHANH_HOA_AREA_CODE, MOBILE_PREFIXES } from './phones';

const units = seedUnits();
const accounts = seedAccounts(units);
const households = seedHouseholds(units, accounts);

const bases = units.filter((unit) => unit.level === 'ward' || unit.level === 'commune');
const byId = new Map(units.map((unit) => [unit.id, unit]));
const share = (predicate: (household: SeedHousehold) => boolean): number =>
  households.filter(predicate).length / households.length;

const BASIC_FIELDS = [
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
] as const;
const completeness = (household: SeedHousehold): number =>
  BASIC_FIELDS.filter((field) => household[field] !== undefined && household[field] !== null)
    .length;

function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* stringsIn(item);
    }
  }
}

const isKnownPhone = (phone: string): boolean =>
  /^0\d{9}$|^02\d{9}$/.test(phone) &&
  (phone.length === 10
    ? MOBILE_PREFIXES.includes(phone.slice(0, 3))
    : phone.startsWith(KHANH_HOA_AREA_CODE));

describe('demo units', () => {
  it('has the province, the city and 27 base units: 19 wards and 8 communes', () => {
    assert.equal(units.filter((unit) => unit.level === 'province').length, 1);
    assert.equal(units.filter((unit) => unit.level === 'city').length, 1);
    assert.equal(units.filter((unit) => unit.level === 'ward').length, 19);
    assert.equal(units.filter((unit) => unit.level === 'commune').length, 8);
  });

  it('gives ids with the 2409 suffix, unique, each parent listed before its child', () => {
    assert.equal(new Set(units.map((unit) => unit.id)).size, units.length);
    assert.equal(byId.get('56-2409')?.name, 'Tỉnh Khánh Hòa');
    assert.equal(byId.get('568-2409')?.parentId, '56-2409');
    assert.equal(byId.get('22333-2409')?.name, 'Phường Vĩnh Phước');
    const seen = new Set<string>();
    for (const unit of units) {
      assert.notEqual(unit.id, unit.code, `${unit.id} is a bare code`);
      if (unit.parentId !== null) assert.ok(seen.has(unit.parentId), `${unit.id} before parent`);
      seen.add(unit.id);
    }
  });

  it('gives every ward and commune 3 to 6 hamlets that share its validity dates', () => {
    const counts = new Set<number>();
    for (const base of bases) {
      const hamlets = units.filter((unit) => unit.parentId === base.id);
      counts.add(hamlets.length);
      assert.ok(hamlets.length >= 3 && hamlets.length <= 6, `${base.name}: ${hamlets.length}`);
      hamlets.forEach((hamlet, index) => {
        const two = String(index + 1).padStart(2, '0');
        assert.equal(hamlet.level, 'hamlet');
        assert.equal(hamlet.id, `${base.id}-t${two}`);
        assert.equal(hamlet.code, base.level === 'ward' ? `TDP${two}` : `TH${two}`);
        assert.equal(hamlet.validTo, base.validTo);
        assert.equal(hamlet.validFrom, base.validFrom);
      });
    }
    assert.ok(counts.size >= 3, 'hamlet counts vary between wards');
  });

  it('ends wards removed or renamed on 1 Nov 2024 then, the rest at the July 2025 reform', () => {
    const endedEarly = ['22342', '22345', '22354', '22360', '22369', '22366'];
    for (const unit of units.filter((candidate) => candidate.level !== 'hamlet')) {
      assert.equal(unit.validFrom, null);
      const expected =
        unit.level === 'province'
          ? null
          : endedEarly.includes(unit.code)
            ? '2024-11-01'
            : '2025-07-01';
      assert.equal(unit.validTo, expected, unit.name);
    }
  });
});

describe('demo accounts', () => {
  it('has 31 accounts: operator, city office, two collectors and one per ward or commune', () => {
    assert.equal(accounts.length, 31);
    const kinds = (kind: string) => accounts.filter((account) => account.kind === kind);
    assert.equal(kinds('operator').length, 1);
    assert.equal(kinds('environment-office').length, 1);
    assert.equal(kinds('collector').length, 2);
    assert.equal(kinds('ward-committee').length, 19);
    assert.equal(kinds('commune-committee').length, 8);
    assert.equal(new Set(accounts.map((account) => account.id)).size, 31);
  });

  it('scopes each account to its unit; only the operator covers everything', () => {
    const find = (id: string) => accounts.find((account) => account.id === id);
    assert.equal(find('operator')?.unitId, null);
    assert.equal(find('env-568-2409')?.unitId, '568-2409');
    assert.equal(find('collector-city')?.unitId, '568-2409');
    assert.equal(find('collector-coop')?.unitId, '568-2409');
    for (const base of bases) {
      const committee = find(`ubnd-${base.id}`);
      assert.equal(committee?.unitId, base.id);
      assert.equal(committee?.name, `UBND ${base.name}`);
    }
  });

  it('activates accounts across 2025 and 2026, with contacts on example.com addresses', () => {
    const years = new Set(accounts.map((account) => account.activatedOn.slice(0, 4)));
    assert.deepEqual([...years].sort(), ['2025', '2026']);
    for (const account of accounts) {
      assert.match(account.activatedOn, /^\d{4}-\d{2}-\d{2}$/);
      assert.match(account.email, /^[a-z0-9.-]+@([a-z0-9-]+\.)+example\.com$/);
      assert.match(account.contactName, /^\S+ \S+ \S+$/u);
      assert.equal(account.status, 'active');
    }
  });
});

describe('demo households', () => {
  it('gives about 200 per ward or commune, 5,400 in all by default', () => {
    assert.equal(households.length, 5400);
    for (const base of bases) {
      const count = households.filter((household) => household.unitId === base.id).length;
      assert.ok(count >= 160 && count <= 240, `${base.name}: ${count}`);
    }
    assert.equal(seedHouseholds(units, accounts, 10).length, 270);
  });

  it('keeps household codes unique within each ward', () => {
    const perWard = new Map<string, Set<string>>();
    for (const household of households) {
      const codes = perWard.get(household.unitId) ?? new Set();
      assert.ok(!codes.has(household.code), `${household.code} twice`);
      codes.add(household.code);
      perWard.set(household.unitId, codes);
    }
  });

  it('stores every phone as a known mobile prefix or a 0258 landline', () => {
    const phones = [
      ...households.flatMap((household) => (household.phone ? [household.phone] : [])),
      ...accounts.map((account) => account.phone),
    ];
    for (const phone of phones) assert.ok(isKnownPhone(phone), phone);
    assert.ok(
      phones.some((phone) => phone.startsWith('0258')),
      'some landlines',
    );
  });

  it('writes every string of units, accounts and households in NFC', () => {
    for (const text of stringsIn([units, accounts, households])) {
      assert.equal(text, text.normalize('NFC'));
    }
  });

  it('fills all ten basic fields in ~40%, fewer than seven in ~20%, the rest in between', () => {
    const complete = share((household) => completeness(household) === 10);
    const incomplete = share((household) => completeness(household) < 7);
    assert.ok(complete >= 0.35 && complete <= 0.45, `complete ${complete}`);
    assert.ok(incomplete >= 0.15 && incomplete <= 0.25, `incomplete ${incomplete}`);
    assert.ok(households.every((household) => household.code && household.ownerName));
  });

  it('knows sorting as a date for ~55%, "not-sorting" for ~20%, unknown for ~25%', () => {
    const dated = share((household) => /^202[3-6]-\d{2}-\d{2}$/.test(household.sortingSince ?? ''));
    const notSorting = share((household) => household.sortingSince === 'not-sorting');
    assert.ok(dated >= 0.48 && dated <= 0.62, `dated ${dated}`);
    assert.ok(notSorting >= 0.15 && notSorting <= 0.25, `not sorting ${notSorting}`);
  });

  it('points hamlets at the same ward, collectors at collector accounts, maps inside the city', () => {
    const collectors = new Set(['collector-city', 'collector-coop']);
    for (const household of households) {
      assert.equal(byId.get(household.unitId)?.level === 'hamlet', false);
      if (household.hamletId) {
        assert.equal(byId.get(household.hamletId)?.parentId, household.unitId);
      }
      if (household.collectorId) assert.ok(collectors.has(household.collectorId));
      if (household.location) {
        const { lat, lng } = household.location;
        assert.ok(lat >= 12.15 && lat <= 12.35 && lng >= 109.1 && lng <= 109.23);
      }
    }
  });

  it('matches members and fee classes to the kind of waste source', () => {
    for (const household of households) {
      if (household.members !== undefined) {
        const most = household.kind === undefined || household.kind === 'household' ? 8 : 1;
        const { code, members } = household;
        assert.ok(Number.isInteger(members) && members >= 1 && members <= most, code);
      }
      if (household.kind === 'household' && household.feeClass) {
        assert.ok(['standard', 'poor', 'near-poor'].includes(household.feeClass));
      }
      if (household.kind && household.kind !== 'household' && household.feeClass) {
        assert.ok(household.feeClass.startsWith('business-'), household.feeClass);
      }
    }
    assert.ok(share((household) => household.kind === 'household') > 0.7);
    assert.ok(share((household) => household.feeClass === 'poor') > 0.02);
  });

  it('marks ~3% inactive, each with a date and a reason, and no active one with either', () => {
    const inactive = households.filter((household) => household.status === 'inactive');
    const ratio = inactive.length / households.length;
    assert.ok(ratio >= 0.015 && ratio <= 0.045, `inactive ${ratio}`);
    for (const household of households) {
      const isInactive = household.status === 'inactive';
      assert.equal(household.inactiveSince !== undefined, isInactive);
      assert.equal(household.inactiveReason !== undefined, isInactive);
    }
  });

  it('gives identical output for the same seed and different output for another', () => {
    assert.deepEqual(seedUnits(), units);
    assert.deepEqual(seedAccounts(seedUnits()), accounts);
    assert.deepEqual(seedHouseholds(seedUnits(), seedAccounts(seedUnits())), households);
    const small = (seed: number) => seedHouseholds(units, accounts, 50, seed);
    assert.deepEqual(small(7), small(7));
    assert.notDeepEqual(small(8), small(7));
    assert.notDeepEqual(seedHouseholds(units, accounts, 200, 569), households);
  });
});
