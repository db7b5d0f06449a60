/**
 * Deterministic demo data for Nha Trang: the 2024-09 unit tree, the rollout's accounts and a
 * household register. Pure functions; the only input is the unit lists copied into ./data.
 */
import september2024 from './data/nha-trang-2024-09.json' with { type: 'json' };
import march2025 from './data/nha-trang-2025-03.json' with { type: 'json' };
import { personName } from './names';
import { mobileNumber } from './phones';
import { foldAscii } from './places';
import { dayNumber, hashString, isoDay, streamFor } from './random';
import type { AccountKind, SeedAccount, SeedUnit, UnitLevel } from './types';

export type {
  AccountKind,
  FeeClass,
  HouseholdKind,
  InactiveReason,
  SeedAccount,
  SeedHousehold,
  SeedUnit,
  UnitLevel,
} from './types';
export { seedHouseholds } from './households';

/** Units of the 2024-09 structure get this suffix: GSO codes are reused after reorganisations. */
export const STRUCTURE_SUFFIX = '2409';

// The district level was abolished and the communes rearranged from this day
// (resolution 1667/NQ-UBTVQH15 for Khánh Hòa); province code 56 continues past it.
export const REFORM_2025_DATE = '2025-07-01';

const unitId = (code: string): string => `${code}-${STRUCTURE_SUFFIX}`;

const BASE_LEVELS: readonly UnitLevel[] = ['ward', 'commune'];

export const isBaseUnit = (unit: SeedUnit): boolean => BASE_LEVELS.includes(unit.level);

/** Wards removed or renamed by the 01/11/2024 update stop being valid on that day. */
function endedEarly(): Map<string, string> {
  const changes = march2025.changesSince20240901;
  const codes = [
    ...changes.removedWards.map((ward) => ward.code),
    ...changes.renamedWards.map((ward) => ward.code),
  ];
  return new Map(codes.map((code) => [code, changes.effectiveDate]));
}

function hamletsOf(base: SeedUnit): SeedUnit[] {
  // 3–6 per ward, varying with the code so the tree does not look stamped out.
  const count = 3 + (hashString(base.code) % 4);
  const isWard = base.level === 'ward';
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const two = String(n).padStart(2, '0');
    return {
      id: `${base.id}-t${two}`,
      code: isWard ? `TDP${two}` : `TH${two}`,
      name: isWard ? `Tổ dân phố ${n}` : `Thôn ${n}`,
      level: 'hamlet' as const,
      parentId: base.id,
      validFrom: base.validFrom,
      validTo: base.validTo,
    };
  });
}

export function seedUnits(): SeedUnit[] {
  const ended = endedEarly();
  const units: SeedUnit[] = september2024.units.map((source) => {
    const level = source.level as UnitLevel;
    let validTo: string | null = REFORM_2025_DATE;
    if (level === 'province') validTo = null;
    else if (ended.has(source.code)) validTo = ended.get(source.code) ?? null;
    return {
      id: unitId(source.code),
      code: source.code,
      name: source.name.normalize('NFC'),
      level,
      parentId: source.parentCode === null ? null : unitId(source.parentCode),
      validFrom: null,
      validTo,
    };
  });
  return [...units, ...units.filter(isBaseUnit).flatMap(hamletsOf)];
}

export const OPERATOR_ID = 'operator';
export const COLLECTOR_CITY_ID = 'collector-city';
export const COLLECTOR_COOP_ID = 'collector-coop';

const CITY_CODE = '568';
const ACCOUNT_SEED = 20_240_901;
const ROLLOUT_START = '2025-01-02';
const ROLLOUT_END = '2026-11-30';

const slug = (name: string): string =>
  foldAscii(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function seedAccounts(units: SeedUnit[]): SeedAccount[] {
  const rng = streamFor(ACCOUNT_SEED, 'accounts');
  const city = units.find((unit) => unit.level === 'city' && unit.code === CITY_CODE);
  if (!city) throw new Error(`seedAccounts: no city unit with code ${CITY_CODE}`);

  const account = (
    id: string,
    name: string,
    kind: AccountKind,
    unit: string | null,
    email: string,
    activatedOn: string,
  ): SeedAccount => ({
    id,
    name: name.normalize('NFC'),
    kind,
    unitId: unit,
    contactName: personName(rng).fullName,
    phone: mobileNumber(rng),
    email,
    status: 'active',
    activatedOn,
  });

  const fixed: SeedAccount[] = [
    account(
      OPERATOR_ID,
      'Nguồn — đơn vị vận hành',
      'operator',
      null,
      'vanhanh@nguon.example.com',
      ROLLOUT_START,
    ),
    account(
      `env-${city.id}`,
      'Phòng Tài nguyên và Môi trường thành phố Nha Trang',
      'environment-office',
      city.id,
      'phong-tnmt@nhatrang.example.com',
      '2025-01-15',
    ),
    account(
      COLLECTOR_CITY_ID,
      'Công ty Môi trường đô thị Nha Trang (demo)',
      'collector',
      city.id,
      'dieuhanh@moitruong-demo.example.com',
      '2025-02-03',
    ),
    account(
      COLLECTOR_COOP_ID,
      'HTX Dịch vụ Vệ sinh Môi trường Xanh (demo)',
      'collector',
      city.id,
      'lienhe@htx-xanh-demo.example.com',
      '2025-03-10',
    ),
  ];

  // Committees join in a shuffled order, one per slot of an even spread over the rollout,
  // so first free years end at different months when billing is tried on the demo.
  const bases = units.filter(isBaseUnit);
  const order = rng.shuffle(bases.map((_, index) => index));
  const first = dayNumber('2025-02-01');
  const span = dayNumber(ROLLOUT_END) - first;
  const activation: string[] = [];
  order.forEach((baseIndex, slot) => {
    activation[baseIndex] = isoDay(first + Math.floor(((slot + rng.next()) * span) / bases.length));
  });

  const committees = bases.map((base, index) => {
    const isWard = base.level === 'ward';
    return account(
      `ubnd-${base.id}`,
      `UBND ${base.name}`,
      isWard ? 'ward-committee' : 'commune-committee',
      base.id,
      `ubnd.${slug(base.name)}@nhatrang.example.com`,
      activation[index],
    );
  });

  return [...fixed, ...committees];
}
