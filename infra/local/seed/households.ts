/** The demo household register: about `perUnit` waste sources per ward or commune. */
import {
  NOTES,
  OTHER_SOURCE_TYPES,
  SCHOOLS,
  SHOP_TYPES,
  WARD_INSTITUTIONS,
  personName,
} from './names';
import { landlineNumber, mobileNumber } from './phones';
import { AREA_BY_CODE, communeAddress, locationIn, streetAddress, wardPrefixes } from './places';
import { BASIC_FIELDS, type BasicField } from '../../../shared/households/fields';
import { Rng, dateBetween, streamFor, type Weighted } from './random';
import type {
  FeeClass,
  HouseholdKind,
  InactiveReason,
  SeedAccount,
  SeedHousehold,
  SeedUnit,
} from './types';

export const DEFAULT_HOUSEHOLD_SEED = 568;

/** The eight basic fields that may be missing; code and ownerName are always there. */
export const OPTIONAL_BASIC_FIELDS = BASIC_FIELDS.filter(
  (field): field is Exclude<BasicField, 'code' | 'ownerName'> =>
    field !== 'code' && field !== 'ownerName',
);
type OptionalField = (typeof OPTIONAL_BASIC_FIELDS)[number];

export const KIND_SHARE: Weighted<HouseholdKind> = [
  ['household', 85],
  ['business', 10],
  ['institution', 1.5],
  ['market', 0.5],
  ['other', 3],
];

const MEMBERS_SHARE: Weighted<number> = [
  [1, 6],
  [2, 15],
  [3, 22],
  [4, 25],
  [5, 16],
  [6, 8],
  [7, 5],
  [8, 3],
];

export const FEE_SHARE: Record<HouseholdKind, Weighted<FeeClass>> = {
  household: [
    ['standard', 89.5],
    ['poor', 4.5],
    ['near-poor', 6],
  ],
  business: [
    ['business-small', 60],
    ['business-medium', 30],
    ['business-large', 10],
  ],
  institution: [
    ['business-small', 40],
    ['business-medium', 60],
  ],
  market: [['business-large', 1]],
  other: [
    ['business-small', 55],
    ['business-medium', 45],
  ],
};

const LANDLINE_SHARE: Record<HouseholdKind, number> = {
  household: 0.02,
  business: 0.15,
  institution: 0.6,
  market: 0.5,
  other: 0.1,
};

// Completeness tiers: ~40% with all ten fields, ~40% with seven to nine, ~20% below seven.
const TIER_SHARE: Weighted<'complete' | 'partial' | 'incomplete'> = [
  ['complete', 40],
  ['partial', 40],
  ['incomplete', 20],
];
const INCOMPLETE_COUNT_SHARE: Weighted<number> = [
  [2, 4],
  [3, 8],
  [4, 18],
  [5, 30],
  [6, 40],
];

// What registers tend to lack first: a verified sorting state and a phone; kind rarely.
const MISSING_WEIGHT: Weighted<OptionalField> = [
  ['kind', 0.5],
  ['address', 0.8],
  ['hamletId', 1.2],
  ['phone', 1.3],
  ['members', 1],
  ['feeClass', 1],
  ['sortingSince', 1.2],
  ['collectorId', 0.9],
];

const INACTIVE_REASON_SHARE: Weighted<InactiveReason> = [
  ['moved-away', 50],
  ['merged', 20],
  ['demolished', 15],
  ['other', 15],
];

const SORTING_FROM = '2023-01-01';
const LAST_DEMO_DAY = '2026-11-30';

interface WardContext {
  base: SeedUnit;
  shortName: string;
  hamlets: SeedUnit[];
  prefix: string;
  collectors: { city: string; coop: string };
  usedNames: Set<string>;
}

/** Institutions, markets and the like exist once per ward; repeats get a site number. */
function uniqueName(ctx: WardContext, name: string): string {
  let candidate = name;
  for (let n = 2; ctx.usedNames.has(candidate); n += 1) candidate = `${name} (cơ sở ${n})`;
  ctx.usedNames.add(candidate);
  return candidate;
}

function pickUnused(rng: Rng, ctx: WardContext, candidates: readonly string[]): string {
  const unused = candidates.filter((name) => !ctx.usedNames.has(name));
  return uniqueName(ctx, rng.pick(unused.length > 0 ? unused : candidates));
}

function ownerNameFor(rng: Rng, ctx: WardContext, kind: HouseholdKind, hamlet: SeedUnit): string {
  switch (kind) {
    case 'household':
      return personName(rng).fullName;
    case 'business':
      return rng.chance(0.5)
        ? `${rng.weighted(SHOP_TYPES)} ${personName(rng).givenName}`
        : personName(rng).fullName;
    case 'institution':
      return pickUnused(rng, ctx, [
        ...WARD_INSTITUTIONS.map((type) => `${type} ${ctx.base.name}`),
        ...SCHOOLS.map((type) => `${type} ${ctx.shortName}`),
        `Nhà văn hóa ${hamlet.name}`,
      ]);
    case 'market':
      return pickUnused(rng, ctx, [`Chợ ${ctx.shortName}`, `Chợ ${hamlet.name}`]);
    case 'other':
      return rng.chance(0.4)
        ? personName(rng).fullName
        : uniqueName(ctx, `${rng.pick(OTHER_SOURCE_TYPES)} ${hamlet.name}`);
  }
}

function household(rng: Rng, ctx: WardContext, sequence: number): SeedHousehold {
  const kind = rng.weighted(KIND_SHARE);
  const hamletIndex = rng.int(0, ctx.hamlets.length - 1);
  const hamlet = ctx.hamlets[hamletIndex];
  const area = AREA_BY_CODE[ctx.base.code] ?? 'centre';
  const ownerName = ownerNameFor(rng, ctx, kind, hamlet);
  const address =
    area === 'north' || area === 'centre' || area === 'south'
      ? streetAddress(rng, area)
      : communeAddress(rng, hamletIndex + 1);
  const phone = rng.chance(LANDLINE_SHARE[kind]) ? landlineNumber(rng) : mobileNumber(rng);
  const members = kind === 'household' ? rng.weighted(MEMBERS_SHARE) : 1;
  const feeClass = rng.weighted(FEE_SHARE[kind]);
  // Of the known states, ~55 in 75 are a date and ~20 in 75 a declared "not sorting".
  const sortingSince = rng.chance(55 / 75)
    ? dateBetween(rng, SORTING_FROM, LAST_DEMO_DAY)
    : 'not-sorting';
  const coopShare = ctx.base.level === 'commune' ? 0.7 : 0.2;
  const collectorId = rng.chance(coopShare) ? ctx.collectors.coop : ctx.collectors.city;
  const location = rng.chance(0.35) ? locationIn(rng, area) : undefined;
  const note = rng.chance(0.06) ? rng.pick(NOTES) : undefined;
  const inactive = rng.chance(0.03);

  const tier = rng.weighted(TIER_SHARE);
  let missingCount = 0;
  if (tier === 'partial') missingCount = 10 - rng.int(7, 9);
  if (tier === 'incomplete') missingCount = 10 - rng.weighted(INCOMPLETE_COUNT_SHARE);
  const missing = new Set(rng.weightedSample(MISSING_WEIGHT, missingCount));
  const keep = <T>(field: OptionalField, value: T): T | undefined =>
    missing.has(field) ? undefined : value;

  const record: SeedHousehold = {
    code: `${ctx.prefix}-${String(sequence).padStart(4, '0')}`,
    ownerName: ownerName.normalize('NFC'),
    unitId: ctx.base.id,
    kind: keep('kind', kind),
    address: keep('address', address.normalize('NFC')),
    hamletId: keep('hamletId', hamlet.id),
    phone: keep('phone', phone),
    members: keep('members', members),
    feeClass: keep('feeClass', feeClass),
    sortingSince: keep('sortingSince', sortingSince),
    collectorId: keep('collectorId', collectorId),
    location,
    note,
    status: inactive ? 'inactive' : 'active',
    inactiveSince: inactive ? dateBetween(rng, '2024-01-01', LAST_DEMO_DAY) : undefined,
    inactiveReason: inactive ? rng.weighted(INACTIVE_REASON_SHARE) : undefined,
  };
  // Absent means absent: no keys holding undefined in the seed.
  for (const key of Object.keys(record) as (keyof SeedHousehold)[]) {
    if (record[key] === undefined) delete record[key];
  }
  return record;
}

/**
 * Wards differ in size by up to ±15% as real ones do, while the total stays exactly
 * `count × perUnit` so the demo's headline number is predictable.
 */
function wardSizes(rng: Rng, count: number, perUnit: number): number[] {
  const weights = Array.from({ length: count }, () => 0.85 + 0.3 * rng.next());
  const sum = weights.reduce((total, weight) => total + weight, 0);
  const exact = weights.map((weight) => (weight / sum) * perUnit * count);
  const sizes = exact.map(Math.floor);
  let left = perUnit * count - sizes.reduce((total, size) => total + size, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    sizes[index] += 1;
    left -= 1;
  }
  return sizes;
}

export function seedHouseholds(
  units: SeedUnit[],
  accounts: SeedAccount[],
  perUnit = 200,
  seed = DEFAULT_HOUSEHOLD_SEED,
): SeedHousehold[] {
  const collectors = accounts.filter((account) => account.kind === 'collector');
  const city = collectors.find((account) => account.id === 'collector-city') ?? collectors[0];
  const coop = collectors.find((account) => account.id === 'collector-coop') ?? collectors[1];
  if (!city || !coop) throw new Error('seedHouseholds: needs the two collector accounts');

  const bases = units.filter((unit) => unit.level === 'ward' || unit.level === 'commune');
  const prefixes = wardPrefixes(bases);
  const sizes = wardSizes(streamFor(seed, 'sizes'), bases.length, perUnit);
  const result: SeedHousehold[] = [];
  bases.forEach((base, index) => {
    const hamlets = units.filter((unit) => unit.level === 'hamlet' && unit.parentId === base.id);
    if (hamlets.length === 0) throw new Error(`seedHouseholds: ${base.id} has no hamlets`);
    const ctx: WardContext = {
      base,
      shortName: base.name.replace(/^(Phường|Xã) /u, ''),
      hamlets,
      prefix: prefixes.get(base.id) ?? base.code,
      collectors: { city: city.id, coop: coop.id },
      usedNames: new Set(),
    };
    const rng = streamFor(seed, base.id);
    for (let sequence = 1; sequence <= sizes[index]; sequence += 1) {
      result.push(household(rng, ctx, sequence));
    }
  });
  return result;
}
